import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';

import { type TraineePage, type TraineeSummary, type TraineeView, apiRoutes } from '@portfolio/contracts';

import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';
import { type PagedList, emptyPagedList } from '../shared/paged-list';

/**
 * The trainees feature's state: the trainees the user may see, a page at a time, and the one
 * being looked at. Both are fetched afresh whenever a page opens, so a list never outlives
 * the session it was fetched in.
 */
@Injectable({ providedIn: 'root' })
export class TraineeStore {
  private readonly http = inject(HttpClient);

  private readonly listState = signal<PagedList<TraineeSummary>>(emptyPagedList());
  private readonly traineeState = signal<LoadState<TraineeView>>({ status: 'idle' });
  private listRequest: Subscription | null = null;
  private traineeRequest: Subscription | null = null;

  readonly list = this.listState.asReadonly();
  readonly hasMore = computed(() => this.listState().nextCursor !== null);
  readonly traineeStatus = computed(() => this.traineeState().status);
  readonly trainee = computed(() => loadedValue(this.traineeState()));

  openList(): void {
    this.listRequest?.unsubscribe();
    this.listState.set(emptyPagedList('loading'));
    this.listRequest = this.fetchPage(null).subscribe({
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
    this.listRequest = this.fetchPage(current.nextCursor).subscribe({
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

  openTrainee(id: string): void {
    this.traineeRequest?.unsubscribe();
    this.traineeState.set({ status: 'loading' });
    this.traineeRequest = this.http.get<TraineeView>(apiRoutes.trainee(id)).subscribe({
      next: (trainee) => this.traineeState.set({ status: 'loaded', value: trainee }),
      error: (error: unknown) => this.traineeState.set(failedLoad(error)),
    });
  }

  private fetchPage(cursor: string | null) {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<TraineePage>(apiRoutes.trainees, { params });
  }
}
