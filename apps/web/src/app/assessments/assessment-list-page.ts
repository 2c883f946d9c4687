import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { AssessmentListScope } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { CountPipe } from '../shared/count.pipe';
import { usePageTitle } from '../shared/page-title';
import { AssessmentStatusPipe, AssessmentStatusTagPipe } from './assessment-labels';
import { AssessmentStore } from './assessment-store';

/**
 * A trainee's own assessments and the templates they can start; for a supervisor or assessor,
 * the assessments waiting for them. Someone who is both sees both.
 */
@Component({
  selector: 'app-assessment-list-page',
  imports: [AssessmentStatusPipe, AssessmentStatusTagPipe, CountPipe, DatePipe, NgTemplateOutlet, RouterLink],
  templateUrl: './assessment-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentListPage {
  protected readonly store = inject(AssessmentStore);
  private readonly session = inject(SessionStore);

  protected readonly requests = computed(() => this.session.hasPermission('assessments:request'));
  protected readonly assesses = computed(() => this.session.hasPermission('assessments:assess'));

  constructor() {
    effect(() => {
      const requests = this.requests();
      const assesses = this.assesses();
      untracked(() => {
        if (requests) {
          this.store.loadTemplates();
          this.store.openList('mine');
        }
        if (assesses) {
          this.store.openList('to-assess');
        }
      });
    });
    usePageTitle(() => 'Assessments');
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
  }

  protected retry(scope: AssessmentListScope): void {
    this.store.openList(scope);
  }

  protected retryTemplates(): void {
    this.store.loadTemplates();
  }
}
