import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { type RecentSignOff, assessmentStatusLabels } from '@portfolio/contracts';

import { ProgressBar } from '../dashboard/progress-bar';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { LabelOfKeyPipe } from '../shared/label-of-key.pipe';
import { ServiceProblem } from '../shared/service-problem';
import { WaitingPipe } from '../shared/waiting.pipe';
import { SupervisionStore } from './supervision-store';

/** What an educational supervisor looks after: their trainees' progress, requests waiting, recent sign-offs. */
@Component({
  selector: 'app-supervision-page',
  imports: [DatePipe, LabelOfKeyPipe, ProgressBar, RouterLink, ServiceProblem, WaitingPipe],
  templateUrl: './supervision-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupervisionPage {
  protected readonly store = inject(SupervisionStore);
  protected readonly statusLabels = assessmentStatusLabels;

  constructor() {
    this.store.open();
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
  }

  /** An element's sign-off is seen on the trainee's page; an assessment has a page of its own. */
  protected signOffLink(signOff: RecentSignOff): string[] {
    return signOff.kind === 'assessment' ? ['/assessments', signOff.id] : ['/trainees', signOff.traineeId];
  }

  protected retry(): void {
    this.store.open();
  }
}
