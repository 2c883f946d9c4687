import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type FrameworkTree,
  type ProgressView,
  type StageView,
  type TraineeView,
  apiRoutes,
} from '@portfolio/contracts';

import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';
import { chartSeries, domainCoverage, elementGroups, gapElements } from './progress-views';

export interface DashboardData {
  progress: ProgressView;
  stages: StageView[];
  /** Null for the trainee's own dashboard, which needs no name. */
  trainee: TraineeView | null;
  /** The framework shown, and the frameworks its crosswalks lead to (each by key, with its title). */
  frameworkTitle: string;
  crosswalkFrameworks: { key: string; title: string }[];
}

/**
 * The coverage dashboard's state: one trainee's progress at a stage, the stages to choose
 * from, and whose it is. Progress is fetched afresh each time; frameworks are kept.
 */
@Injectable({ providedIn: 'root' })
export class DashboardStore {
  private readonly http = inject(HttpClient);

  private readonly state = signal<LoadState<DashboardData>>({ status: 'idle' });
  private readonly frameworks = new Map<string, FrameworkTree>();
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
    const crosswalkKeys = [...new Set((progress.crosswalks ?? []).map((crosswalk) => crosswalk.frameworkKey))];
    // Asked for together rather than one after another: each is a round trip before the page shows.
    const [framework, ...crosswalked] = await Promise.all(
      [progress.frameworkKey, ...crosswalkKeys].map((key) => this.framework(key)),
    );
    const stages = [...framework.stages].sort((first, second) => first.sequence - second.sequence);
    const crosswalkFrameworks = crosswalked.map((other, index) => ({ key: crosswalkKeys[index], title: other.title }));
    return { progress, stages, trainee, frameworkTitle: framework.title, crosswalkFrameworks };
  }

  private async framework(key: string): Promise<FrameworkTree> {
    const known = this.frameworks.get(key);
    if (known) {
      return known;
    }
    const framework = await firstValueFrom(this.http.get<FrameworkTree>(apiRoutes.framework(key)));
    this.frameworks.set(key, framework);
    return framework;
  }
}
