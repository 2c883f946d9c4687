import { HttpErrorResponse } from '@angular/common/http';

import type { ApiErrorBody, FieldError } from '@portfolio/contracts';

/** The HTTP status of a failed request; 0 when the API could not be reached at all. */
export function statusOf(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** The API's error body, when the failure came from the API rather than the network. */
export function apiErrorBody(error: unknown): ApiErrorBody | null {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || error.error === null) {
    return null;
  }
  const body = error.error as Partial<ApiErrorBody>;
  return typeof body.message === 'string' && typeof body.statusCode === 'number' ? (body as ApiErrorBody) : null;
}

export function fieldErrorsOf(error: unknown): FieldError[] {
  return apiErrorBody(error)?.errors ?? [];
}

export const SERVICE_PROBLEM_MESSAGE = 'Sorry, there is a problem with the service. Try again later.';
