import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type Observable, type Subscription, firstValueFrom } from 'rxjs';

import {
  type AssessmentListScope,
  type AssessmentPage,
  type AssessmentSummary,
  type AssessmentTemplateSummary,
  type AssessmentTemplateView,
  type AssessmentView,
  type AssessorOption,
  type FrameworkTree,
  type SendAssessmentRequest,
  apiRoutes,
} from '@portfolio/contracts';

import { type PickableElement, pickableElements } from '../evidence/element-search';
import { type LoadState, failedLoad, loadedValue, needsLoading } from '../shared/load-state';
import { PagedLoader } from '../shared/paged-list';
import { type JudgementTarget, signedInJudgementTarget } from './judgement-target';

/**
 * The assessments feature's state: the templates a trainee can start, the two lists (a
 * trainee's own, and those waiting for an assessor), the assessment being looked at, and the
 * framework elements the forms name. Lists and assessments are fetched afresh when a page
 * opens; templates and frameworks, which do not change while the app runs, are kept.
 */
@Injectable({ providedIn: 'root' })
export class AssessmentStore {
  private readonly http = inject(HttpClient);

  private readonly templatesState = signal<LoadState<AssessmentTemplateSummary[]>>({ status: 'idle' });
  private readonly templateViews = new Map<string, Promise<AssessmentTemplateView>>();
  private readonly minePages = new PagedLoader<AssessmentSummary>((cursor) => this.fetchPage('mine', cursor));
  private readonly toAssessPages = new PagedLoader<AssessmentSummary>((cursor) => this.fetchPage('to-assess', cursor));
  private readonly assessmentState = signal<LoadState<AssessmentView>>({ status: 'idle' });
  private readonly elementsState = signal<Readonly<Record<string, LoadState<PickableElement[]>>>>({});
  private assessmentRequest: Subscription | null = null;

  readonly templatesStatus = computed(() => this.templatesState().status);
  readonly templates = computed(() => loadedValue(this.templatesState()) ?? []);
  readonly mine = this.minePages.list;
  readonly toAssess = this.toAssessPages.list;
  readonly assessmentStatus = computed(() => this.assessmentState().status);
  readonly assessment = computed(() => loadedValue(this.assessmentState()));

  loadTemplates(): void {
    if (!needsLoading(this.templatesState())) {
      return;
    }
    this.templatesState.set({ status: 'loading' });
    this.http.get<AssessmentTemplateSummary[]>(apiRoutes.assessmentTemplates).subscribe({
      next: (templates) => this.templatesState.set({ status: 'loaded', value: templates }),
      error: (error: unknown) => this.templatesState.set(failedLoad(error)),
    });
  }

  /** One template in full; a failed fetch is forgotten so that the next attempt asks again. */
  template(key: string): Promise<AssessmentTemplateView> {
    let template = this.templateViews.get(key);
    if (!template) {
      template = firstValueFrom(this.http.get<AssessmentTemplateView>(apiRoutes.assessmentTemplate(key)));
      template.catch(() => this.templateViews.delete(key));
      this.templateViews.set(key, template);
    }
    return template;
  }

  openList(scope: AssessmentListScope): void {
    (scope === 'mine' ? this.minePages : this.toAssessPages).open();
  }

  loadMore(scope: AssessmentListScope): void {
    (scope === 'mine' ? this.minePages : this.toAssessPages).loadMore();
  }

  openAssessment(id: string): void {
    this.assessmentRequest?.unsubscribe();
    this.assessmentState.set({ status: 'loading' });
    this.assessmentRequest = this.http.get<AssessmentView>(apiRoutes.assessment(id)).subscribe({
      next: (assessment) => this.assessmentState.set({ status: 'loaded', value: assessment }),
      error: (error: unknown) => this.assessmentState.set(failedLoad(error)),
    });
  }

  /** The assessment as an action on it returned it, so that the page shows what is now true. */
  replaceAssessment(assessment: AssessmentView): void {
    this.assessmentState.set({ status: 'loaded', value: assessment });
  }

  /** The elements of a framework, by key, for choosing and naming them. */
  elementsOf(frameworkKey: string): PickableElement[] {
    return loadedValue(this.elementsState()[frameworkKey] ?? { status: 'idle' }) ?? [];
  }

  loadElements(frameworkKey: string): void {
    if (!needsLoading(this.elementsState()[frameworkKey] ?? { status: 'idle' })) {
      return;
    }
    const setState = (state: LoadState<PickableElement[]>) =>
      this.elementsState.update((states) => ({ ...states, [frameworkKey]: state }));
    setState({ status: 'loading' });
    this.http.get<FrameworkTree>(apiRoutes.framework(frameworkKey)).subscribe({
      next: (framework) => setState({ status: 'loaded', value: pickableElements(framework, null) }),
      error: (error: unknown) => setState(failedLoad(error)),
    });
  }

  searchAssessors(query: string): Observable<AssessorOption[]> {
    return this.http.get<AssessorOption[]>(apiRoutes.assessors, { params: new HttpParams().set('q', query) });
  }

  async send(id: string, request: SendAssessmentRequest): Promise<AssessmentView> {
    return this.keep(await firstValueFrom(this.http.post<AssessmentView>(apiRoutes.assessmentSend(id), request)));
  }

  async revokeTicket(id: string): Promise<AssessmentView> {
    return this.keep(
      await firstValueFrom(this.http.post<AssessmentView>(apiRoutes.assessmentTicketRevocation(id), null)),
    );
  }

  /** A correction is a new assessment; the signed one stays as it was. */
  correct(id: string, reason: string): Promise<AssessmentView> {
    return firstValueFrom(this.http.post<AssessmentView>(apiRoutes.assessmentCorrections(id), { reason }));
  }

  judgementTarget(id: string): JudgementTarget {
    return signedInJudgementTarget(this.http, id);
  }

  private keep(assessment: AssessmentView): AssessmentView {
    if (this.assessment()?.id === assessment.id) {
      this.replaceAssessment(assessment);
    }
    return assessment;
  }

  private fetchPage(scope: AssessmentListScope, cursor: string | null) {
    let params = new HttpParams().set('scope', scope);
    if (cursor) {
      params = params.set('cursor', cursor);
    }
    return this.http.get<AssessmentPage>(apiRoutes.assessments, { params });
  }
}
