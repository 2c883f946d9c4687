import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { SessionStore } from '../auth/session-store';
import { type Breadcrumb, useBreadcrumbs } from '../shared/breadcrumbs';
import { CountPipe } from '../shared/count.pipe';
import { submittedForm, trimmedValueOf } from '../shared/form-problems';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { CoverageChart } from './coverage-chart';
import { DashboardStore } from './dashboard-store';
import { crosswalkSourceLines, progressStatusLabels, progressStatusTagClasses } from './progress-views';

/**
 * Coverage of a stage of the framework: at /dashboard a trainee's own, at
 * /trainees/:traineeId/dashboard a trainee's for their supervisor or the deanery.
 */
@Component({
  selector: 'app-dashboard-page',
  imports: [CountPipe, CoverageChart, RouterLink, ServiceProblem],
  templateUrl: './dashboard-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  /** From the route: someone else's dashboard; absent for the trainee's own. */
  readonly traineeId = input<string>();
  /** From the query: the stage to show; the trainee's current stage when absent. */
  readonly stage = input<string>();
  /** From the query: another framework to see the progress against, through crosswalks. */
  readonly framework = input<string>();

  protected readonly store = inject(DashboardStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly statusLabels = progressStatusLabels;
  protected readonly statusTags = progressStatusTagClasses;
  protected readonly crosswalkLines = crosswalkSourceLines;
  protected readonly isOwn = computed(() => !this.traineeId());
  private readonly subjectId = computed(() => this.traineeId() ?? this.session.user()?.id ?? null);
  protected readonly canReadEvidence = computed(() => this.session.hasPermission('evidence:read'));
  protected readonly canWriteEvidence = computed(() => this.isOwn() && this.session.hasPermission('evidence:write'));

  protected readonly stageTitle = computed(() => {
    const data = this.store.data();
    return data?.stages.find((stage) => stage.key === data.progress.stage)?.title ?? data?.progress.stage ?? '';
  });
  protected readonly heading = computed(() => {
    const name = this.store.data()?.trainee?.displayName;
    return this.isOwn() || !name ? 'Your progress' : `Progress of ${name}`;
  });
  protected readonly evidencedCount = computed(() => {
    const progress = this.store.progress();
    return progress ? progress.elements.length - progress.totals['not-started'] : 0;
  });

  private readonly pageTitle = computed(() => {
    switch (this.store.status()) {
      case 'loaded':
        return this.heading();
      case 'not-found':
        return 'Trainee not found';
      case 'failed':
        return 'Sorry, there is a problem with the service';
      case 'idle':
      case 'loading':
        return null;
    }
  });

  constructor() {
    effect(() => {
      const traineeId = this.subjectId();
      const stage = this.stage() ?? null;
      const framework = this.framework() ?? null;
      const own = this.isOwn();
      if (traineeId) {
        untracked(() => this.store.open(traineeId, stage, own, framework));
      }
    });
    usePageTitle(() => this.pageTitle());
    useBreadcrumbs(() => this.breadcrumbs());
  }

  /** Links to the evidence behind an element, in this trainee's log at this stage. */
  protected evidenceQuery(elementKey: string): Record<string, string> {
    const stageKey = this.store.progress()?.stage ?? '';
    const traineeId = this.traineeId();
    return traineeId ? { elementKey, stageKey, traineeId } : { elementKey, stageKey };
  }

  protected chooseStage(event: Event): void {
    const stage = trimmedValueOf(submittedForm(event), 'stage');
    void this.router.navigate([], { queryParams: { stage: stage || null }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    const traineeId = this.subjectId();
    if (traineeId) {
      this.store.open(traineeId, this.stage() ?? null, this.isOwn(), this.framework() ?? null);
    }
  }

  private breadcrumbs(): Breadcrumb[] {
    const home: Breadcrumb = { label: 'Home', link: ['/'] };
    const traineeId = this.traineeId();
    if (!traineeId) {
      return [home];
    }
    const name = this.store.data()?.trainee?.displayName ?? 'Trainee';
    return [home, { label: 'Trainees', link: ['/trainees'] }, { label: name, link: ['/trainees', traineeId] }];
  }
}
