import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';

import { SessionStore } from '../auth/session-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { LabelOfKeyPipe } from '../shared/label-of-key.pipe';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { PortfolioExportRequest } from './portfolio-export-request';
import { isCurrentSupervisor, isoDateToday } from './sign-off-views';
import { TraineeElements } from './trainee-elements';
import { TraineeStore } from './trainee-store';

/**
 * One trainee: who they are, their training records and their educational supervisors, and for
 * supervisors their elements at the current stage with the sign-offs; for a deanery administrator, the
 * export of the whole portfolio for a subject access request.
 */
@Component({
  selector: 'app-trainee-page',
  imports: [DatePipe, LabelOfKeyPipe, PortfolioExportRequest, RouterLink, ServiceProblem, TraineeElements],
  templateUrl: './trainee-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TraineePage {
  /** From the route, /trainees/:traineeId. */
  readonly traineeId = input.required<string>();

  protected readonly store = inject(TraineeStore);
  private readonly session = inject(SessionStore);

  protected readonly showsElements = computed(() => this.session.hasPermission('elements:sign-off'));
  /** A deanery administrator may export a trainee's portfolio for a subject access request. */
  protected readonly canExportForRequest = computed(
    () =>
      this.session.user()?.roles.includes('deanery_admin') === true && this.session.hasPermission('portfolio:export'),
  );
  protected readonly canSignOff = computed(() => {
    const trainee = this.store.trainee();
    const user = this.session.user();
    return (
      this.showsElements() && trainee !== null && user !== null && isCurrentSupervisor(trainee, user.id, isoDateToday())
    );
  });

  private readonly pageTitle = computed(() => {
    switch (this.store.traineeStatus()) {
      case 'loaded':
        return this.store.trainee()?.displayName ?? null;
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
      const id = this.traineeId();
      untracked(() => this.store.openTrainee(id));
    });
    usePageTitle(() => this.pageTitle());
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Trainees', link: ['/trainees'] },
    ]);
  }

  protected retry(): void {
    this.store.openTrainee(this.traineeId());
  }
}
