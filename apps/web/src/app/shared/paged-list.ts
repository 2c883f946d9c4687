import { signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';

import { type LoadStatus, failedLoad } from './load-state';

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

/**
 * Loads a keyset-paged list into a signal: the first page afresh, then one more page at a time.
 * Opening again drops any page still on its way, so a slow old answer never replaces a new one.
 */
export class PagedLoader<T> {
  private readonly listState = signal<PagedList<T>>(emptyPagedList());
  private request: Subscription | null = null;

  readonly list = this.listState.asReadonly();

  constructor(
    private readonly fetchPage: (cursor: string | null) => Observable<{ items: T[]; nextCursor: string | null }>,
  ) {}

  open(): void {
    this.request?.unsubscribe();
    this.listState.set(emptyPagedList('loading'));
    this.request = this.fetchPage(null).subscribe({
      next: (page) =>
        this.listState.set({ ...emptyPagedList('loaded'), items: page.items, nextCursor: page.nextCursor }),
      error: (error: unknown) => this.listState.set(emptyPagedList(failedLoad(error).status)),
    });
  }

  loadMore(): void {
    const current = this.listState();
    if (current.loadingMore || current.nextCursor === null) {
      return;
    }
    this.listState.set({ ...current, loadingMore: true, moreFailed: false });
    this.request = this.fetchPage(current.nextCursor).subscribe({
      next: (page) =>
        this.listState.update((state) => ({
          ...state,
          items: [...state.items, ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false,
        })),
      error: () => this.listState.update((state) => ({ ...state, loadingMore: false, moreFailed: true })),
    });
  }
}
