import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type { AssessmentView } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, problemsFromApi } from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { AssessmentEditor } from './assessment-editor';
import { AssessmentStatusPipe, AssessmentStatusTagPipe } from './assessment-labels';
import { AssessmentRounds, AssessmentSignature, AssessmentTicket } from './assessment-record';
import { AssessmentStore } from './assessment-store';
import { type AssessorDecision, AssessorForm } from './assessor-form';
import { FurtherEvidenceList } from './further-evidence-list';
import { JudgementSummary } from './judgement-summary';
import { TraineeWork } from './trainee-work';

type Banner = 'sent' | AssessorDecision | 'revoked' | null;

/**
 * One assessment, at /assessments/:assessmentId: the record for everyone who may read it, the
 * trainee's form while it is theirs to change, and the assessor's form while it is theirs to judge.
 */
@Component({
  selector: 'app-assessment-page',
  imports: [
    AssessmentEditor,
    AssessmentRounds,
    AssessmentSignature,
    AssessmentStatusPipe,
    AssessmentStatusTagPipe,
    AssessmentTicket,
    AssessorForm,
    DatePipe,
    ErrorSummary,
    FieldErrorPipe,
    FurtherEvidenceList,
    JudgementSummary,
    NotificationBanner,
    RouterLink,
    ServiceProblem,
    TraineeWork,
  ],
  templateUrl: './assessment-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentPage {
  /** From the route. */
  readonly assessmentId = input.required<string>();
  /** From the query, after the trainee sent it. */
  readonly sent = input<string>();

  protected readonly store = inject(AssessmentStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly assessment = this.store.assessment;
  protected readonly banner = signal<Banner>(null);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly revoking = signal(false);
  protected readonly correcting = signal(false);
  protected readonly correctionReason = signal('');

  protected readonly isTrainee = computed(() => this.assessment()?.trainee.id === this.session.user()?.id);
  protected readonly target = computed(() => this.store.judgementTarget(this.assessmentId()));
  protected readonly elementTitles = computed(() => {
    const frameworkKey = this.assessment()?.template.frameworkKey;
    return Object.fromEntries(
      (frameworkKey ? this.store.elementsOf(frameworkKey) : []).map((element) => [element.key, element.title]),
    );
  });
  /** Sections the assessor reads beside the criteria that judge them, so not twice. */
  protected readonly judgedSections = computed(
    () =>
      new Set(
        (this.assessment()?.template.criteria ?? []).flatMap((criterion) =>
          criterion.section ? [criterion.section] : [],
        ),
      ),
  );
  /** What the assessor asked the trainee to change, while the work is back with them. */
  protected readonly returnComments = computed(() => {
    const assessment = this.assessment();
    const lastRound = assessment?.rounds.at(-1);
    return assessment?.status === 'returned' && lastRound?.decision === 'returned' ? lastRound : null;
  });

  private readonly pageTitle = computed(() => {
    switch (this.store.assessmentStatus()) {
      case 'loaded':
        return this.assessment()?.title ?? null;
      case 'not-found':
        return 'Assessment not found';
      case 'failed':
        return 'Sorry, there is a problem with the service';
      case 'idle':
      case 'loading':
        return null;
    }
  });

  constructor() {
    effect(() => {
      const id = this.assessmentId();
      untracked(() => {
        this.banner.set(this.sent() ? 'sent' : null);
        this.problems.set([]);
        this.store.openAssessment(id);
      });
    });
    effect(() => {
      const frameworkKey = this.assessment()?.template.frameworkKey;
      if (frameworkKey) {
        untracked(() => this.store.loadElements(frameworkKey));
      }
    });
    usePageTitle(() => this.pageTitle());
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Assessments', link: ['/assessments'] },
    ]);
  }

  protected sentAgain(assessment: AssessmentView): void {
    this.store.replaceAssessment(assessment);
    this.showBanner('sent');
  }

  protected judgementChanged(assessment: AssessmentView): void {
    this.store.replaceAssessment(assessment);
  }

  protected decided(decision: { assessment: AssessmentView; decision: AssessorDecision }): void {
    this.store.replaceAssessment(decision.assessment);
    this.showBanner(decision.decision);
  }

  protected async revokeTicket(): Promise<void> {
    if (this.revoking()) {
      return;
    }
    this.revoking.set(true);
    this.problems.set([]);
    try {
      await this.store.revokeTicket(this.assessmentId());
      this.showBanner('revoked');
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, []));
    } finally {
      this.revoking.set(false);
    }
  }

  protected async correct(): Promise<void> {
    const reason = this.correctionReason().trim();
    if (!reason) {
      this.problems.set([{ field: 'correction-reason', message: 'Write why this record needs correcting' }]);
      return;
    }
    if (this.correcting()) {
      return;
    }
    this.correcting.set(true);
    this.problems.set([]);
    try {
      const correction = await this.store.correct(this.assessmentId(), reason);
      await this.router.navigate(['/assessments', correction.id]);
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, { reason: 'correction-reason' }));
    } finally {
      this.correcting.set(false);
    }
  }

  protected retry(): void {
    this.store.openAssessment(this.assessmentId());
  }

  /** A decision replaces the form with the record; the reader starts again from the top, where the banner says so. */
  private showBanner(banner: Banner): void {
    this.banner.set(banner);
    this.problems.set([]);
    window.scrollTo(0, 0);
  }
}
