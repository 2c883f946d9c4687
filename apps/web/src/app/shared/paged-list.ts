import type { LoadStatus } from './load-state';

/** A list the API hands out a page at a time, and how far loading it has got. */
export interface PagedList<T> {
  status: LoadStatus;
  items: T[];
  nextCursor: string | null;
  loadingMore: boolean;
  /** The last "load more" failed; what was already loaded stays on screen. */
  moreFailed: boolean;
}

export function emptyPagedList<T>(status: LoadStatus = 'idle'): PagedList<T> {
  return { status, items: [], nextCursor: null, loadingMore: false, moreFailed: false };
}
