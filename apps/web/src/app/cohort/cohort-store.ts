import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type Subscription, firstValueFrom } from 'rxjs';

import {
  type CohortPage,
  type FrameworkTree,
  type ReportBatchView,
  type StageView,
  apiRoutes,
} from '@portfolio/contracts';

import { type LoadState, type LoadStatus, failedLoad, loadedValue, needsLoading } from '../shared/load-state';
import { isBatchUnderway } from './batch-views';
import { type CohortFilters, batchRequestOf, filtersToHttpParams } from './cohort-query';

/** The framework whose stages the cohort is filtered by. */
const cohortFrameworkKey = 'mlcf';

/** How often a running batch is asked how far it has got. */
export const BATCH_POLL_INTERVAL_MS = 1500;

interface CohortState {
  status: LoadStatus;
  /** The last page loaded: it stays on screen while the next one loads. */
  page: CohortPage | null;
}

/**
 * The cohort feature's state: a page of the deanery's trainees as filtered and sorted, the
 * stages to filter by, and the batch of reports being produced. Paging and sorting are the
 * API's, as a deanery may have thousands of trainees.
 */
@Injectable({ providedIn: 'root' })
export class CohortStore {
  private readonly http = inject(HttpClient);

  private readonly cohortState = signal<CohortState>({ status: 'idle', page: null });
  private readonly stagesState = signal<LoadState<StageView[]>>({ status: 'idle' });
  private readonly batchState = signal<LoadState<ReportBatchView>>({ status: 'idle' });
  private readonly batchCheckFailed = signal(false);
  private cohortRequest: Subscription | null = null;
  private batchRequest: Subscription | null = null;
  private batchTimer: ReturnType<typeof setTimeout> | null = null;

  readonly cohortStatus = computed(() => this.cohortState().status);
  readonly cohort = computed(() => this.cohortState().page);
  readonly stages = computed(() => loadedValue(this.stagesState()) ?? []);
  readonly batchStatus = computed(() => this.batchState().status);
  readonly batch = computed(() => loadedValue(this.batchState()));
  /** The last check on a running batch failed; the next one is on its way. */
  readonly batchCheckProblem = this.batchCheckFailed.asReadonly();

  /** One page of the cohort. A newer request replaces an older one still on its way. */
  open(filters: CohortFilters): void {
    this.cohortRequest?.unsubscribe();
    this.cohortState.update((state) => ({ ...state, status: 'loading' }));
    this.cohortRequest = this.http
      .get<CohortPage>(apiRoutes.cohort, { params: filtersToHttpParams(filters) })
      .subscribe({
        next: (page) => this.cohortState.set({ status: 'loaded', page }),
        error: (error: unknown) => this.cohortState.set({ status: failedLoad(error).status, page: null }),
      });
  }

  /** The framework's stages in order, for the stage filter; asked for once. */
  loadStages(): void {
    if (!needsLoading(this.stagesState())) {
      return;
    }
    this.stagesState.set({ status: 'loading' });
    this.http.get<FrameworkTree>(apiRoutes.framework(cohortFrameworkKey)).subscribe({
      next: (framework) =>
        this.stagesState.set({
          status: 'loaded',
          value: [...framework.stages].sort((first, second) => first.sequence - second.sequence),
        }),
      error: (error: unknown) => this.stagesState.set(failedLoad(error)),
    });
  }

  /** Starts producing a report for everyone the filters select. */
  async startBatch(filters: CohortFilters): Promise<ReportBatchView> {
    const batch = await firstValueFrom(
      this.http.post<ReportBatchView>(apiRoutes.reportBatches, batchRequestOf(filters)),
    );
    this.batchState.set({ status: 'loaded', value: batch });
    return batch;
  }

  /** Follows a batch until it has finished or failed, asking every second and a half. */
  watchBatch(id: string): void {
    this.stopWatchingBatch();
    if (this.batch()?.id !== id) {
      this.batchState.set({ status: 'loading' });
    }
    this.checkBatch(id);
  }

  stopWatchingBatch(): void {
    this.batchRequest?.unsubscribe();
    this.batchRequest = null;
    if (this.batchTimer !== null) {
      clearTimeout(this.batchTimer);
      this.batchTimer = null;
    }
    this.batchCheckFailed.set(false);
  }

  private checkBatch(id: string): void {
    this.batchRequest = this.http.get<ReportBatchView>(apiRoutes.reportBatch(id)).subscribe({
      next: (batch) => {
        this.batchState.set({ status: 'loaded', value: batch });
        this.batchCheckFailed.set(false);
        if (isBatchUnderway(batch.status)) {
          this.scheduleCheck(id);
        }
      },
      error: (error: unknown) => {
        if (this.batch()?.id === id) {
          // A blip in the connection should not stop the bar: what is known stays, and it asks again.
          this.batchCheckFailed.set(true);
          this.scheduleCheck(id);
        } else {
          this.batchState.set(failedLoad(error));
        }
      },
    });
  }

  private scheduleCheck(id: string): void {
    this.batchTimer = setTimeout(() => {
      this.batchTimer = null;
      this.checkBatch(id);
    }, BATCH_POLL_INTERVAL_MS);
  }
}
