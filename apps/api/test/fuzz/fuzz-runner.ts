import { CSRF_HEADER } from '@portfolio/contracts';

import type { FuzzCase } from './fuzz-cases';
import type { Caller, FuzzWorld } from './fuzz-world';
import { htmlPayloads } from './hostile-values';
import type { Operation } from './openapi-document';
import { type RawResponse, send } from './raw-http';

export interface Outcome {
  status: number;
  /** What is wrong with the answer, or null when it is a proper one. */
  problem: string | null;
}

/** Sends one hostile case as the caller, with plausible values for everything the case leaves alone. */
export async function runCase(
  port: number,
  world: FuzzWorld,
  operation: Operation,
  fuzzCase: FuzzCase,
  caller: Caller,
  sequence: number,
): Promise<Outcome> {
  const path = operation.path.replace(
    /\{(\w+)\}/g,
    (_match, name: string) =>
      fuzzCase.pathValues?.[name] ?? encodeURIComponent(world.plausiblePathValue(operation.path, name, caller.name)),
  );
  const headers: Record<string, string> = {
    // A fresh client address each time: the sign-in and verification limits count per address.
    'X-Forwarded-For': `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`,
    Accept: 'application/json',
  };
  const cookie = fuzzCase.cookie ?? caller.cookie;
  if (cookie) headers['Cookie'] = cookie;
  if (caller.csrfToken && !fuzzCase.withoutCsrf) headers[CSRF_HEADER] = caller.csrfToken;
  if (fuzzCase.contentType) headers['Content-Type'] = fuzzCase.contentType;
  Object.assign(headers, fuzzCase.headers);
  let response: RawResponse;
  try {
    response = await send(port, {
      method: operation.method.toUpperCase(),
      path: fuzzCase.query ? `${path}?${fuzzCase.query}` : path,
      headers,
      body: fuzzCase.body,
    });
  } catch (error) {
    return { status: 0, problem: `no answer: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { status: response.status, problem: problemWith(response, fuzzCase, operation) };
}

/** A proper answer to hostile input: never a 5xx; a 4xx that says what was wrong, and for a 400 which field. */
function problemWith(response: RawResponse, fuzzCase: FuzzCase, operation: Operation): string | null {
  const contentType = String(response.headers['content-type'] ?? '');
  const text = response.body.toString('utf8');
  if (contentType.includes('html') && htmlPayloads.some((payload) => text.includes(payload))) {
    return `HTML answer carries the payload unescaped`;
  }
  if (fuzzCase.allowedStatuses && !fuzzCase.allowedStatuses.includes(response.status)) {
    return `expected ${fuzzCase.allowedStatuses.join(' or ')}, got ${response.status} ${text.slice(0, 200)}`;
  }
  if (response.status < 400) {
    return null;
  }
  const summary = `${response.status} ${text.slice(0, 200)}`;
  if (response.status >= 500) {
    return `server error: ${summary}`;
  }
  if (fuzzCase.expectedStatus && response.status !== fuzzCase.expectedStatus) {
    return `expected ${fuzzCase.expectedStatus}, got ${summary}`;
  }
  if (!contentType.includes('application/json')) {
    return `error answer is not JSON (${contentType || 'no content type'}): ${summary}`;
  }
  let body: { message?: unknown; errors?: unknown; lineErrors?: unknown; statusCode?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `error answer is not valid JSON: ${summary}`;
  }
  const caseStatus = body as { imsx_codeMajor?: unknown; imsx_description?: unknown };
  if (operation.path.startsWith('/ims/') && caseStatus.imsx_codeMajor !== undefined) {
    // The CASE standard's own error shape, imsx_StatusInfo, for an identifier it does not know.
    return caseStatus.imsx_codeMajor === 'failure' && isText(caseStatus.imsx_description)
      ? null
      : `CASE error answer without imsx_description: ${summary}`;
  }
  if (!isText(body.message) || body.statusCode !== response.status) {
    return `error answer without a message: ${summary}`;
  }
  // A file of many lines (a cohort CSV) names the line and the field of each problem.
  if (response.status === 400 && !namesFields(body.errors) && !namesFields(body.lineErrors)) {
    return `400 without the field at fault: ${summary}`;
  }
  return null;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function namesFields(errors: unknown): boolean {
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (error: unknown) =>
        isText((error as { field?: unknown }).field) && isText((error as { message?: unknown }).message),
    )
  );
}
