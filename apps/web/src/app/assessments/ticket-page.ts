import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { type Observable, firstValueFrom } from 'rxjs';

import {
  ASSESSMENT_TICKET_DAYS,
  type AssessmentView,
  type ExternalAssessmentSession,
  type RedeemTicketRequest,
  apiRoutes,
} from '@portfolio/contracts';

import { apiErrorBody, statusOf } from '../shared/api-errors';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { AssessmentStore } from './assessment-store';
import { type AssessorDecision, AssessorForm } from './assessor-form';
import { FurtherEvidenceList } from './further-evidence-list';
import { externalJudgementTarget } from './judgement-target';
import { TraineeWork } from './trainee-work';

type TicketState =
  | { kind: 'opening' }
  | { kind: 'open'; session: ExternalAssessmentSession }
  | { kind: 'decided'; assessment: AssessmentView; decision: AssessorDecision }
  | { kind: 'refused'; message: string }
  | { kind: 'failed' };

/**
 * Where an external assessor lands from the link they were emailed: /ticket#<token>. The token
 * travels in the fragment so that no server log ever holds it; it is redeemed once for a
 * session cookie and then taken out of the address, so that a reload reopens the session
 * instead of spending the link again. The work and the form are on this one page, so opening
 * the link, filling in the form and pressing Sign off is the whole of it.
 */
@Component({
  selector: 'app-ticket-page',
  imports: [AssessorForm, DatePipe, FurtherEvidenceList, ServiceProblem, TraineeWork],
  templateUrl: './ticket-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketPage {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly store = inject(AssessmentStore);

  protected readonly ticketDays = ASSESSMENT_TICKET_DAYS;
  protected readonly state = signal<TicketState>({ kind: 'opening' });
  /** Kept until it is redeemed, so that trying again after a dropped connection still has it. */
  private token: string | null = null;
  protected readonly session = computed(() => {
    const state = this.state();
    return state.kind === 'open' ? state.session : null;
  });
  protected readonly target = computed(() => {
    const session = this.session();
    return session ? externalJudgementTarget(this.http, session.csrfToken) : null;
  });
  /** The framework is public, so an assessor without an account sees element titles too. */
  protected readonly elementTitles = computed(() => {
    const frameworkKey = this.session()?.assessment.template.frameworkKey;
    return Object.fromEntries(
      (frameworkKey ? this.store.elementsOf(frameworkKey) : []).map((element) => [element.key, element.title]),
    );
  });
  /** Sections the assessor reads beside the criteria that judge them, so not twice. */
  protected readonly judgedSections = computed(
    () =>
      new Set(
        (this.session()?.assessment.template.criteria ?? []).flatMap((criterion) =>
          criterion.section ? [criterion.section] : [],
        ),
      ),
  );

  constructor() {
    this.token = inject(ActivatedRoute).snapshot.fragment || null;
    usePageTitle(() => {
      const state = this.state();
      switch (state.kind) {
        case 'open':
          return `Assess ${state.session.assessment.title}`;
        case 'decided':
          return state.decision === 'signed-off' ? 'Assessment signed off' : 'Assessment returned';
        case 'refused':
          return 'This link cannot be used';
        case 'failed':
          return 'Sorry, there is a problem with the service';
        case 'opening':
          return 'Opening the assessment';
      }
    });
    effect(() => {
      const frameworkKey = this.session()?.assessment.template.frameworkKey;
      if (frameworkKey) {
        untracked(() => this.store.loadElements(frameworkKey));
      }
    });
    if (this.token) {
      // Out of the address at once: a reload or a bookmark must not try to spend the link again.
      void this.router.navigateByUrl('/ticket', { replaceUrl: true });
    }
    void this.open();
  }

  protected judgementChanged(assessment: AssessmentView): void {
    const session = this.session();
    if (session) {
      this.state.set({ kind: 'open', session: { ...session, assessment } });
    }
  }

  protected decided(decision: { assessment: AssessmentView; decision: AssessorDecision }): void {
    this.state.set({ kind: 'decided', ...decision });
    window.scrollTo(0, 0);
  }

  protected retry(): void {
    this.state.set({ kind: 'opening' });
    void this.open();
  }

  /** Redeems the link when there is one, otherwise reopens the session this browser already has. */
  private async open(): Promise<void> {
    const token = this.token;
    const request: Observable<ExternalAssessmentSession> = token
      ? this.http.post<ExternalAssessmentSession>(apiRoutes.ticketRedemption, { token } satisfies RedeemTicketRequest)
      : this.http.get<ExternalAssessmentSession>(apiRoutes.externalAssessment);
    try {
      this.state.set({ kind: 'open', session: await firstValueFrom(request) });
      this.token = null;
    } catch (error: unknown) {
      const status = statusOf(error) ?? 0;
      if (status === 0 || status >= 500) {
        this.state.set({ kind: 'failed' });
        return;
      }
      this.token = null;
      this.state.set({ kind: 'refused', message: refusal(status, token !== null, apiErrorBody(error)?.message) });
    }
  }
}

/** Why the page cannot open: the API says why a link is spent; a missing session or a bad link is explained here. */
function refusal(status: number, redeeming: boolean, apiMessage: string | undefined): string {
  if (status === 410) {
    return apiMessage ?? 'This link has already been used.';
  }
  return redeeming
    ? 'This link is not valid. Check that it was copied whole from the email, or ask the trainee who sent it for a new one.'
    : 'There is no assessment open in this browser: open the link from your email. If you have already used it, ask the trainee who sent it for a new one.';
}
