import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';

import { type TraineePage, type TraineeSummary, type TraineeView, apiRoutes } from '@portfolio/contracts';

import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';
import { PagedLoader } from '../shared/paged-list';

/**
 * The trainees feature's state: the trainees the user may see, a page at a time, and the one
 * being looked at. Both are fetched afresh whenever a page opens, so a list never outlives
 * the session it was fetched in.
 */
@Injectable({ providedIn: 'root' })
export class TraineeStore {
  private readonly http = inject(HttpClient);

  private readonly pages = new PagedLoader<TraineeSummary>((cursor) => this.fetchPage(cursor));
  private readonly traineeState = signal<LoadState<TraineeView>>({ status: 'idle' });
  private traineeRequest: Subscription | null = null;

  readonly list = this.pages.list;
  readonly hasMore = computed(() => this.pages.list().nextCursor !== null);
  readonly traineeStatus = computed(() => this.traineeState().status);
  readonly trainee = computed(() => loadedValue(this.traineeState()));

  openList(): void {
    this.pages.open();
  }

  loadMore(): void {
    this.pages.loadMore();
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
