import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';

import type { AssessmentAnswer, AssessmentFieldView, AssessmentView, AssessorJudgement } from '@portfolio/contracts';

import { statusOf } from '../shared/api-errors';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, problemsFromApi } from '../shared/form-problems';
import {
  type ElementTitles,
  type RatedItem,
  commentsInputId,
  feedbackInputId,
  judgementInputIds,
  judgementRequest,
  newIdempotencyKey,
  overallJudgementInputId,
  ratedItems,
  ratingInputId,
  returnProblems,
  signOffProblems,
  startingJudgement,
} from './assessor-judgement';
import type { JudgementTarget } from './judgement-target';
import { AnswerView } from './trainee-work';

export type AssessorDecision = 'returned' | 'signed-off';

type Busy = 'draft' | 'return' | 'sign-off' | null;

/** What the API says with a 409: the assessment as it now is. */
interface ConflictBody {
  message?: string;
  current?: AssessmentView;
}

/**
 * The assessor's judgement: a rating for each criterion (and each element the trainee listed,
 * where the template rates them), the overall judgement and feedback; then a draft saved,
 * the work returned with comments, or the assessment signed off. The same form serves a
 * signed-in assessor and an external one; only the target it sends to differs.
 */
@Component({
  selector: 'app-assessor-form',
  imports: [AnswerView, DatePipe, ErrorSummary, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessor-form.html',
})
export class AssessorForm {
  readonly assessment = input.required<AssessmentView>();
  readonly target = input.required<JudgementTarget>();
  readonly elementTitles = input<ElementTitles>({});
  /** The assessment after a draft was saved, or as it now is after a stale save. */
  readonly changed = output<AssessmentView>();
  readonly decided = output<{ assessment: AssessmentView; decision: AssessorDecision }>();

  private readonly injector = inject(Injector);

  protected readonly items = computed(() => ratedItems(this.assessment(), this.elementTitles()));
  protected readonly template = computed(() => this.assessment().template);
  protected readonly judgement = signal<AssessorJudgement>({ ratings: {}, overallJudgement: null, feedback: '' });
  protected readonly comments = signal('');
  protected readonly returning = signal(false);
  protected readonly busy = signal<Busy>(null);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly draftSavedAt = signal<Date | null>(null);
  protected readonly ids = { overall: overallJudgementInputId, feedback: feedbackInputId, comments: commentsInputId };
  protected readonly ratingInputId = ratingInputId;

  /** The Idempotency-Key of a sign-off that got no answer, kept to send again with the same judgement. */
  private unansweredSignOff: { key: string; body: string } | null = null;

  constructor() {
    let openedFor: string | null = null;
    effect(() => {
      const assessment = this.assessment();
      if (assessment.id !== openedFor) {
        openedFor = assessment.id;
        untracked(() => this.judgement.set(startingJudgement(assessment, this.items())));
      }
    });
  }

  /** The trainee's answers in the section a criterion judges, to read beside its rating. */
  protected answersFor(item: RatedItem): { field: AssessmentFieldView; answer: AssessmentAnswer | undefined }[] {
    const section = this.template().sections.find((candidate) => candidate.id === item.sectionId);
    const answers = section ? this.assessment().answers[section.id] : undefined;
    return (section?.fields ?? []).map((field) => ({ field, answer: answers?.[field.id] }));
  }

  protected rate(key: string, rating: string): void {
    this.judgement.update((judgement) => ({ ...judgement, ratings: { ...judgement.ratings, [key]: rating } }));
  }

  protected chooseOverall(overallJudgement: string): void {
    this.judgement.update((judgement) => ({ ...judgement, overallJudgement }));
  }

  protected writeFeedback(feedback: string): void {
    this.judgement.update((judgement) => ({ ...judgement, feedback }));
  }

  protected async saveDraft(): Promise<void> {
    const request = { ...judgementRequest(this.items(), this.judgement()), version: this.assessment().version };
    const saved = await this.run('draft', this.target().saveDraft(request));
    if (saved) {
      this.draftSavedAt.set(new Date());
      this.changed.emit(saved);
    }
  }

  protected startReturn(): void {
    this.returning.set(true);
    afterNextRender(() => document.getElementById(commentsInputId)?.focus(), { injector: this.injector });
  }

  protected async confirmReturn(): Promise<void> {
    const problems = returnProblems(this.comments());
    if (problems.length > 0) {
      this.problems.set(problems);
      return;
    }
    const request = {
      ...judgementRequest(this.items(), this.judgement()),
      comments: this.comments().trim(),
      version: this.assessment().version,
    };
    const returned = await this.run('return', this.target().returnForRevision(request));
    if (returned) {
      this.decided.emit({ assessment: returned, decision: 'returned' });
    }
  }

  /**
   * One key per sign-off the assessor means: pressing again after no answer (a dropped
   * connection, a server error) sends the same key, so the API signs once whatever happened to
   * the first request. A changed judgement is a new sign-off, with a new key.
   */
  protected async signOff(): Promise<void> {
    const problems = signOffProblems(this.assessment(), this.items(), this.judgement());
    if (problems.length > 0) {
      this.problems.set(problems);
      return;
    }
    const request = { ...judgementRequest(this.items(), this.judgement()), version: this.assessment().version };
    const body = JSON.stringify(request);
    const key = this.unansweredSignOff?.body === body ? this.unansweredSignOff.key : newIdempotencyKey();
    this.unansweredSignOff = { key, body };
    const signed = await this.run('sign-off', this.target().signOff(request, key));
    if (signed) {
      this.unansweredSignOff = null;
      this.decided.emit({ assessment: signed, decision: 'signed-off' });
    }
  }

  private async run(busy: Exclude<Busy, null>, request: Observable<AssessmentView>): Promise<AssessmentView | null> {
    if (this.busy()) {
      return null;
    }
    this.busy.set(busy);
    this.problems.set([]);
    try {
      return await firstValueFrom(request);
    } catch (error: unknown) {
      this.refused(busy, error);
      return null;
    } finally {
      this.busy.set(null);
    }
  }

  private refused(busy: Exclude<Busy, null>, error: unknown): void {
    const status = statusOf(error) ?? 0;
    const unanswered = status === 0 || status >= 500;
    if (busy === 'sign-off' && !unanswered) {
      // The API answered: a further press is a new sign-off.
      this.unansweredSignOff = null;
    }
    if (status === 409) {
      const body = (error as { error?: ConflictBody }).error;
      this.problems.set([
        { field: null, message: body?.message ?? 'This assessment has changed since you opened it.' },
      ]);
      if (body?.current) {
        this.changed.emit(body.current);
      }
      return;
    }
    if (busy === 'sign-off' && unanswered) {
      this.problems.set([
        {
          field: null,
          message:
            'The portfolio did not confirm the sign-off. Press Sign off again: the assessment will be signed once only.',
        },
      ]);
      return;
    }
    this.problems.set(problemsFromApi(error, judgementInputIds(this.items())));
  }
}
