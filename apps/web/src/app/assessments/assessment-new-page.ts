import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type { AssessmentTemplateView, AssessmentView } from '@portfolio/contracts';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { type LoadState, failedLoad } from '../shared/load-state';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { AssessmentEditor } from './assessment-editor';
import { AssessmentStore } from './assessment-store';

/** A new assessment from a template, at /assessments/new/:templateKey. */
@Component({
  selector: 'app-assessment-new-page',
  imports: [AssessmentEditor, RouterLink, ServiceProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let state = template();
    @switch (state.status) {
      @case ('loaded') {
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-two-thirds app-assessment-editor">
            <app-assessment-editor [template]="state.value" (created)="created($event)" (sent)="sent($event)">
              <span class="nhsuk-caption-l">New assessment</span>
              <h1>{{ state.value.title }}</h1>
              <p>{{ state.value.description }}</p>
              <p>
                Your draft is saved as you write and only you can read it until you send it. You can leave and come back
                to it from <a routerLink="/assessments">your assessments</a>.
              </p>
            </app-assessment-editor>
          </div>
        </div>
      }
      @case ('not-found') {
        <h1>Assessment not found</h1>
        <p>There is no kind of assessment at this address.</p>
        <p><a routerLink="/assessments">Go to your assessments</a>.</p>
      }
      @case ('failed') {
        <app-service-problem whatFailed="The assessment could not be opened" (retry)="load(templateKey())" />
      }
      @default {
        <h1>New assessment</h1>
        <p role="status">Opening the assessment…</p>
      }
    }
  `,
})
export class AssessmentNewPage {
  /** From the route. */
  readonly templateKey = input.required<string>();

  private readonly store = inject(AssessmentStore);
  private readonly router = inject(Router);
  private readonly location = inject(Location);

  protected readonly template = signal<LoadState<AssessmentTemplateView>>({ status: 'loading' });

  constructor() {
    effect(() => {
      const key = this.templateKey();
      untracked(() => void this.load(key));
    });
    usePageTitle(() => {
      const state = this.template();
      return state.status === 'loaded' ? state.value.title : 'New assessment';
    });
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Assessments', link: ['/assessments'] },
    ]);
  }

  protected async load(key: string): Promise<void> {
    this.template.set({ status: 'loading' });
    try {
      this.template.set({ status: 'loaded', value: await this.store.template(key) });
    } catch (error: unknown) {
      this.template.set(failedLoad(error));
    }
  }

  /** The draft keeps its address once created, without a navigation that would move focus. */
  protected created(assessment: AssessmentView): void {
    this.location.replaceState(`/assessments/${encodeURIComponent(assessment.id)}`);
  }

  protected sent(assessment: AssessmentView): void {
    this.store.replaceAssessment(assessment);
    void this.router.navigate(['/assessments', assessment.id], { queryParams: { sent: 1 } });
  }
}
