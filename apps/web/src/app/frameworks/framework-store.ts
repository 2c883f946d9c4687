import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';

import { type FrameworkSummary, type FrameworkTree, apiRoutes } from '@portfolio/contracts';

import { type LoadState, type LoadStatus, failedLoad, loadedValue, needsLoading } from '../shared/load-state';
import {
  type ElementDetails,
  describeElement,
  domainsAtStage,
  stageCoverage,
  stagesInOrder,
  ungroupedElementsAtStage,
} from './framework-views';

/**
 * The frameworks feature's state: the list of frameworks, the framework being
 * looked at and the stage chosen for it. Kept at the root so that moving
 * between a framework and its elements does not fetch the framework again.
 */
@Injectable({ providedIn: 'root' })
export class FrameworkStore {
  private readonly http = inject(HttpClient);

  private readonly summariesState = signal<LoadState<FrameworkSummary[]>>({ status: 'idle' });
  private readonly frameworkKey = signal<string | null>(null);
  private readonly frameworkState = signal<LoadState<FrameworkTree>>({ status: 'idle' });
  private readonly requestedStageKey = signal<string | null>(null);
  private frameworkRequest: Subscription | null = null;

  readonly summariesStatus = computed(() => this.summariesState().status);
  readonly summaries = computed(() => loadedValue(this.summariesState()) ?? []);

  readonly frameworkStatus = computed(() => this.frameworkState().status);
  readonly framework = computed(() => loadedValue(this.frameworkState()));
  readonly stages = computed(() => {
    const framework = this.framework();
    return framework ? stagesInOrder(framework) : [];
  });
  /** The stage asked for, or the first stage when none (or an unknown one) was asked for. */
  readonly selectedStage = computed(() => {
    const stages = this.stages();
    return stages.find((stage) => stage.key === this.requestedStageKey()) ?? stages[0] ?? null;
  });
  /** The stage the reader last chose explicitly, to carry back to the framework page. */
  readonly chosenStageKey = this.requestedStageKey.asReadonly();
  readonly domainsAtSelectedStage = computed(() => {
    const framework = this.framework();
    const stage = this.selectedStage();
    return framework && stage ? domainsAtStage(framework, stage.key) : [];
  });
  readonly ungroupedElementsAtSelectedStage = computed(() => {
    const framework = this.framework();
    const stage = this.selectedStage();
    return framework && stage ? ungroupedElementsAtStage(framework, stage.key) : [];
  });
  readonly selectedStageCoverage = computed(() => {
    const framework = this.framework();
    const stage = this.selectedStage();
    return framework && stage ? stageCoverage(framework, stage.key) : null;
  });

  loadSummaries(): void {
    if (!needsLoading(this.summariesState())) {
      return;
    }
    this.summariesState.set({ status: 'loading' });
    this.http.get<FrameworkSummary[]>(apiRoutes.frameworks).subscribe({
      next: (summaries) => this.summariesState.set({ status: 'loaded', value: summaries }),
      error: (error: unknown) => this.summariesState.set(failedLoad(error)),
    });
  }

  /** Loads the latest version of a framework, unless it is already here or on its way. */
  openFramework(key: string): void {
    if (key === this.frameworkKey() && !needsLoading(this.frameworkState())) {
      return;
    }
    this.frameworkRequest?.unsubscribe();
    this.frameworkKey.set(key);
    this.frameworkState.set({ status: 'loading' });
    this.frameworkRequest = this.http.get<FrameworkTree>(apiRoutes.framework(key)).subscribe({
      next: (framework) => this.frameworkState.set({ status: 'loaded', value: framework }),
      error: (error: unknown) => this.frameworkState.set(failedLoad(error)),
    });
  }

  chooseStage(stageKey: string | null): void {
    this.requestedStageKey.set(stageKey);
  }

  /**
   * The status of the framework with this key. Until `openFramework(key)` has
   * been called the store still holds the previous framework, so that counts
   * as loading rather than showing the wrong framework.
   */
  frameworkStatusFor(key: string): LoadStatus {
    return this.frameworkKey() === key ? this.frameworkStatus() : 'loading';
  }

  elementDetails(elementKey: string): ElementDetails | null {
    const framework = this.framework();
    return framework ? describeElement(framework, elementKey) : null;
  }
}
