import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type Subscription, firstValueFrom } from 'rxjs';

import {
  type EvidencePage,
  type EvidenceSummary,
  type EvidenceView,
  type FrameworkTree,
  type ProgressView,
  type StageView,
  apiRoutes,
} from '@portfolio/contracts';

import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';
import { PagedLoader } from '../shared/paged-list';
import { type EvidenceFilters, filtersToHttpParams, noEvidenceFilters } from './evidence-filters';

/** The framework a trainee's evidence links to, and the stage they are at now. */
export interface FrameworkContext {
  framework: FrameworkTree;
  /** Null when the list is not one trainee's, so no stage is theirs. */
  currentStageKey: string | null;
  stages: StageView[];
}

/** The framework shown when the list is not one trainee's. */
const defaultFrameworkKey = 'mlcf';

/**
 * The evidence feature's state: the log as filtered, a page at a time; the item being looked at;
 * and the framework its elements come from. Lists and items are fetched afresh whenever a page
 * opens; the framework, which does not change, is kept.
 */
@Injectable({ providedIn: 'root' })
export class EvidenceStore {
  private readonly http = inject(HttpClient);

  private readonly pages = new PagedLoader<EvidenceSummary>((cursor) => this.fetchPage(cursor));
  private readonly listFilters = signal<EvidenceFilters>(noEvidenceFilters());
  private readonly listTraineeId = signal<string | null>(null);
  private readonly itemState = signal<LoadState<EvidenceView>>({ status: 'idle' });
  private readonly contextState = signal<LoadState<FrameworkContext>>({ status: 'idle' });
  private contextFor: string | null | undefined = undefined;
  private itemRequest: Subscription | null = null;

  readonly list = this.pages.list;
  readonly filters = this.listFilters.asReadonly();
  readonly hasMore = computed(() => this.pages.list().nextCursor !== null);
  readonly itemStatus = computed(() => this.itemState().status);
  readonly item = computed(() => loadedValue(this.itemState()));
  readonly contextStatus = computed(() => this.contextState().status);
  readonly context = computed(() => loadedValue(this.contextState()));

  /** The first page of the log as filtered; `traineeId` asks for someone else's log. */
  openList(filters: EvidenceFilters, traineeId: string | null = null): void {
    this.listFilters.set(filters);
    this.listTraineeId.set(traineeId);
    this.pages.open();
  }

  loadMore(): void {
    this.pages.loadMore();
  }

  openItem(id: string): void {
    this.itemRequest?.unsubscribe();
    this.itemState.set({ status: 'loading' });
    this.itemRequest = this.http.get<EvidenceView>(apiRoutes.evidenceItem(id)).subscribe({
      next: (item) => this.itemState.set({ status: 'loaded', value: item }),
      error: (error: unknown) => this.itemState.set(failedLoad(error)),
    });
  }

  /** One item, for the editor, which keeps its own copy as it saves. */
  fetchItem(id: string): Promise<EvidenceView> {
    return firstValueFrom(this.http.get<EvidenceView>(apiRoutes.evidenceItem(id)));
  }

  async deleteItem(id: string): Promise<void> {
    await firstValueFrom(this.http.delete<void>(apiRoutes.evidenceItem(id)));
    this.itemState.set({ status: 'idle' });
  }

  async addAddendum(id: string, body: string): Promise<EvidenceView> {
    const item = await firstValueFrom(this.http.post<EvidenceView>(apiRoutes.evidenceAddenda(id), { body }));
    this.itemState.set({ status: 'loaded', value: item });
    return item;
  }

  /**
   * The framework for picking and filtering elements. For a trainee's own log (or one a viewer
   * may see) the trainee's progress names their framework and current stage.
   */
  loadContext(traineeId: string | null): void {
    if (this.contextFor === traineeId && this.contextState().status !== 'failed') {
      return;
    }
    this.contextFor = traineeId;
    this.contextState.set({ status: 'loading' });
    void this.fetchContext(traineeId).then(
      (context) => {
        if (this.contextFor === traineeId) {
          this.contextState.set({ status: 'loaded', value: context });
        }
      },
      (error: unknown) => {
        if (this.contextFor === traineeId) {
          this.contextState.set(failedLoad(error));
        }
      },
    );
  }

  private async fetchContext(traineeId: string | null): Promise<FrameworkContext> {
    const progress = traineeId
      ? await firstValueFrom(this.http.get<ProgressView>(apiRoutes.traineeProgress(traineeId)))
      : null;
    const framework = await firstValueFrom(
      this.http.get<FrameworkTree>(apiRoutes.framework(progress?.frameworkKey ?? defaultFrameworkKey)),
    );
    const stages = [...framework.stages].sort((first, second) => first.sequence - second.sequence);
    return { framework, currentStageKey: progress?.stage ?? null, stages };
  }

  private fetchPage(cursor: string | null) {
    const params = filtersToHttpParams(this.listFilters(), cursor, this.listTraineeId() ?? undefined);
    return this.http.get<EvidencePage>(apiRoutes.evidence, { params });
  }
}
