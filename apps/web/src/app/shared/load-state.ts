import { HttpErrorResponse } from '@angular/common/http';

/** Where a request for data from the API has got to. */
export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; value: T }
  | { status: 'not-found' }
  | { status: 'failed' };

export type LoadStatus = LoadState<unknown>['status'];

/** A 404 is an answer the page can explain; anything else is the service failing. */
export function failedLoad(error: unknown): LoadState<never> {
  return error instanceof HttpErrorResponse && error.status === 404 ? { status: 'not-found' } : { status: 'failed' };
}

export function loadedValue<T>(state: LoadState<T>): T | null {
  return state.status === 'loaded' ? state.value : null;
}

/** Worth asking again: nothing asked yet, or the last attempt did not succeed. */
export function needsLoading(state: LoadState<unknown>): boolean {
  return state.status !== 'loading' && state.status !== 'loaded';
}
