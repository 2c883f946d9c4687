import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { type ProgressView, type TraineeView, apiRoutes } from '@portfolio/contracts';

import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';
import { chartSeries, domainCoverage, elementGroups, gapElements } from './progress-views';

export interface DashboardData {
  progress: ProgressView;
  stages: ProgressView['stages'];
  /** Null for the trainee's own dashboard, which needs no name. */
  trainee: TraineeView | null;
  /** The framework shown, and the frameworks its crosswalks lead to (each by key, with its title). */
  frameworkTitle: string;
  crosswalkFrameworks: { key: string; title: string }[];
}

/**
 * The coverage dashboard's state: one trainee's progress at a stage, the stages to choose
 * from, and whose it is. Progress is fetched afresh each time.
 */
@Injectable({ providedIn: 'root' })
export class DashboardStore {
  private readonly http = inject(HttpClient);

  private readonly state = signal<LoadState<DashboardData>>({ status: 'idle' });
  /** Answers to an earlier open() that arrive late are dropped. */
  private opened = 0;

  readonly status = computed(() => this.state().status);
  readonly data = computed(() => loadedValue(this.state()));
  readonly progress = computed(() => this.data()?.progress ?? null);
  readonly coverage = computed(() => {
    const progress = this.progress();
    return progress ? domainCoverage(progress) : [];
  });
  readonly series = computed(() => {
    const progress = this.progress();
    return progress ? chartSeries(progress) : [];
  });
  readonly groups = computed(() => {
    const progress = this.progress();
    return progress ? elementGroups(progress) : [];
  });
  readonly gaps = computed(() => {
    const progress = this.progress();
    return progress ? gapElements(progress) : [];
  });

  /**
   * A trainee's progress at a stage, their current stage when none is asked for. `ownDashboard`
   * leaves out the trainee's record, which the page does not need for the signed-in trainee.
   */
  open(traineeId: string, stageKey: string | null, ownDashboard: boolean, frameworkKey: string | null = null): void {
    const opening = ++this.opened;
    this.state.set({ status: 'loading' });
    void this.fetch(traineeId, stageKey, ownDashboard, frameworkKey).then(
      (data) => {
        if (opening === this.opened) {
          this.state.set({ status: 'loaded', value: data });
        }
      },
      (error: unknown) => {
        if (opening === this.opened) {
          this.state.set(failedLoad(error));
        }
      },
    );
  }

  private async fetch(
    traineeId: string,
    stageKey: string | null,
    ownDashboard: boolean,
    frameworkKey: string | null,
  ): Promise<DashboardData> {
    // Crosswalked evidence is always asked for: the page shows it apart from each element's own.
    let params = new HttpParams().set('includeCrosswalks', 'true');
    if (stageKey) params = params.set('stage', stageKey);
    if (frameworkKey) params = params.set('framework', frameworkKey);
    const [progress, trainee] = await Promise.all([
      firstValueFrom(this.http.get<ProgressView>(apiRoutes.traineeProgress(traineeId), { params })),
      ownDashboard ? Promise.resolve(null) : firstValueFrom(this.http.get<TraineeView>(apiRoutes.trainee(traineeId))),
    ]);
    // Stage and framework titles come with the progress: no second round trip before the page shows.
    const crosswalkFrameworks = [
      ...new Map(
        (progress.crosswalks ?? []).map((crosswalk) => [
          crosswalk.frameworkKey,
          { key: crosswalk.frameworkKey, title: crosswalk.frameworkTitle },
        ]),
      ).values(),
    ];
    return { progress, stages: progress.stages, trainee, frameworkTitle: progress.frameworkTitle, crosswalkFrameworks };
  }
}
