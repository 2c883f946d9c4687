import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type { ProgressionReviewView } from '@portfolio/contracts';

import { apiErrorBody, statusOf } from '../shared/api-errors';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import {
  FieldErrorPipe,
  type FormProblem,
  problemsFromApi,
  submittedForm,
  trimmedValueOf,
} from '../shared/form-problems';
import type { LoadStatus } from '../shared/load-state';
import { NotificationBanner } from '../shared/notification-banner';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { ReviewForm, type ReviewSubmission } from './review-form';
import { ReviewStore } from './review-store';
import { ReviewSummary } from './review-summary';
import { draftProblems, reviewFieldIds, reviewStatusTag } from './review-views';

/** The address of a review not yet saved. */
export const NEW_REVIEW = 'new';

/**
 * One progression review of a trainee: a new one or a draft in the form, or a finalised one as
 * recorded, which can only be corrected by a new draft that amends it.
 */
@Component({
  selector: 'app-review-page',
  imports: [ErrorSummary, FieldErrorPipe, NotificationBanner, ReviewForm, ReviewSummary, RouterLink, ServiceProblem],
  templateUrl: './review-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewPage {
  /** From the route, /cohort/trainees/:traineeId/reviews/:reviewId, where the id of a new one is "new". */
  readonly traineeId = input.required<string>();
  readonly reviewId = input.required<string>();

  protected readonly store = inject(ReviewStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly outcomeBanner = viewChild<ElementRef<HTMLElement>>('outcomeBanner');

  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly problemHeading = signal('There is a problem');
  protected readonly saving = signal(false);
  /** What the user has just done, for the success banner. */
  protected readonly outcome = signal<string | null>(null);
  /** The version someone else saved meanwhile: saving again replaces it with what is in the form. */
  private readonly overtakenVersion = signal<number | null>(null);

  protected readonly isNew = computed(() => this.reviewId() === NEW_REVIEW);
  protected readonly review = computed(() => (this.isNew() ? null : this.store.review(this.reviewId())));
  protected readonly statusTag = computed(() => {
    const review = this.review();
    return review ? reviewStatusTag(review) : null;
  });
  protected readonly status = computed<LoadStatus>(() => {
    const status = this.store.status();
    if (status !== 'loaded') {
      return status;
    }
    if (this.store.trainee()?.id !== this.traineeId()) {
      // Another trainee's reviews are still held while this one's load.
      return 'loading';
    }
    return this.isNew() || this.review() ? 'loaded' : 'not-found';
  });
  protected readonly heading = computed(() => {
    const review = this.review();
    if (!review) {
      return 'Record a review';
    }
    if (review.status === 'final') {
      return `Review for ${review.period}`;
    }
    return review.amends ? `Correct the review for ${review.period}` : `Draft review for ${review.period}`;
  });

  constructor() {
    effect(() => {
      const traineeId = this.traineeId();
      untracked(() => void this.store.open(traineeId, { quietly: true }));
    });
    usePageTitle(() => (this.status() === 'loaded' ? this.heading() : null));
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Cohort', link: ['/cohort'] },
      { label: this.store.trainee()?.displayName ?? 'Trainee', link: ['/cohort/trainees', this.traineeId()] },
    ]);
  }

  protected async save(submission: ReviewSubmission): Promise<void> {
    const problems = draftProblems(submission.review);
    if (problems.length > 0) {
      this.showProblems(problems, 'There is a problem');
      return;
    }
    await this.act(async () => {
      const draft = await this.saveDraft(submission);
      if (submission.intent === 'save') {
        return 'Draft saved';
      }
      try {
        await this.store.finaliseReview(draft.id, draft.version);
      } catch (error: unknown) {
        this.showProblems(
          problemsFromApi(error, reviewFieldIds(this.store.evidence()[0]?.id ?? null)),
          'The review was saved as a draft but could not be finalised',
        );
        return null;
      }
      return 'Review finalised';
    });
  }

  protected async correct(event: Event, review: ProgressionReviewView): Promise<void> {
    const reason = trimmedValueOf(submittedForm(event), 'reason');
    if (!reason) {
      this.showProblems([{ field: 'reason', message: 'Say what is wrong with the review' }], 'There is a problem');
      return;
    }
    await this.act(async () => {
      const correction = await this.store.correctReview(review.id, reason);
      await this.router.navigate(['/cohort/trainees', this.traineeId(), 'reviews', correction.id]);
      return 'Correction started: change what was wrong, then finalise it';
    });
  }

  protected retry(): void {
    void this.store.open(this.traineeId());
  }

  /** Creates the draft or saves the one open, moving to a new draft's own address. */
  private async saveDraft(submission: ReviewSubmission): Promise<ProgressionReviewView> {
    const current = this.review();
    if (!current) {
      const created = await this.store.createReview(this.traineeId(), submission.review);
      await this.router.navigate(['/cohort/trainees', this.traineeId(), 'reviews', created.id], { replaceUrl: true });
      return created;
    }
    const version = Math.max(current.version, this.overtakenVersion() ?? 0);
    const saved = await this.store.updateReview(current.id, { ...submission.review, version });
    this.overtakenVersion.set(null);
    return saved;
  }

  /** Runs a change, then shows the news of it, or what went wrong; null news means the action has said so. */
  private async act(action: () => Promise<string | null>): Promise<void> {
    if (this.saving()) {
      return;
    }
    this.saving.set(true);
    this.outcome.set(null);
    this.problems.set([]);
    try {
      const news = await action();
      if (news) {
        this.outcome.set(news);
        afterNextRender(() => this.outcomeBanner()?.nativeElement.focus(), { injector: this.injector });
      }
    } catch (error: unknown) {
      this.showFailure(error);
    } finally {
      this.saving.set(false);
    }
  }

  private showFailure(error: unknown): void {
    const current = (apiErrorBody(error) as { current?: ProgressionReviewView } | null)?.current;
    if (statusOf(error) === 409 && current) {
      if (current.status === 'final') {
        this.store.keep(current);
        this.showProblems([{ field: null, message: 'Someone finalised this review while you were editing it.' }]);
        return;
      }
      // The form keeps what was typed; the next save knowingly replaces the other change.
      this.overtakenVersion.set(current.version);
      this.showProblems(
        [
          {
            field: null,
            message:
              'Someone else saved this review after you opened it. Your changes are still in the form: ' +
              'save again to replace theirs, or reload the page to see them.',
          },
        ],
        'Your changes have not been saved',
      );
      return;
    }
    this.showProblems(
      problemsFromApi(error, { ...reviewFieldIds(this.store.evidence()[0]?.id ?? null), reason: 'reason' }),
    );
  }

  private showProblems(problems: FormProblem[], heading = 'There is a problem'): void {
    this.outcome.set(null);
    this.problemHeading.set(heading);
    this.problems.set(problems);
  }
}
