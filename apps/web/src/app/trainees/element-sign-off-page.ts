import { DatePipe } from '@angular/common';
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
import { RouterLink } from '@angular/router';

import { type ElementSignOffView, evidenceTypeLabels } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { statusOf } from '../shared/api-errors';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import {
  FieldErrorPipe,
  type FormProblem,
  problemsFromApi,
  submittedForm,
  trimmedValueOf,
} from '../shared/form-problems';
import { LabelOfKeyPipe } from '../shared/label-of-key.pipe';
import type { LoadStatus } from '../shared/load-state';
import { NotificationBanner } from '../shared/notification-banner';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { isCurrentSupervisor, isoDateToday } from './sign-off-views';
import { TraineeStore } from './trainee-store';

/** Cited work that the supervisor can no longer see is still counted, without a title. */
interface CitedItem {
  id: string;
  title: string | null;
}

/**
 * One element of a trainee at their current stage, for their educational supervisor: the
 * sign-off that stands, with a way to withdraw it, or a form to sign the element off citing
 * the evidence and signed assessments it rests on.
 */
@Component({
  selector: 'app-element-sign-off-page',
  imports: [DatePipe, ErrorSummary, FieldErrorPipe, LabelOfKeyPipe, NotificationBanner, RouterLink, ServiceProblem],
  templateUrl: './element-sign-off-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ElementSignOffPage {
  /** From the route, /trainees/:traineeId/elements/:elementKey/sign-off. */
  readonly traineeId = input.required<string>();
  readonly elementKey = input.required<string>();

  protected readonly store = inject(TraineeStore);
  private readonly session = inject(SessionStore);
  private readonly injector = inject(Injector);
  private readonly outcomeBanner = viewChild<ElementRef<HTMLElement>>('outcomeBanner');

  protected readonly evidenceTypes = evidenceTypeLabels;
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly saving = signal(false);
  /** What the supervisor has just done, for the success banner. */
  protected readonly outcome = signal<string | null>(null);

  protected readonly status = computed<LoadStatus>(() => {
    const statuses = [this.store.traineeStatus(), this.store.elementsStatus(), this.store.citableStatus()];
    if (statuses.includes('not-found') || (statuses[1] === 'loaded' && !this.element())) {
      return 'not-found';
    }
    if (statuses.includes('failed')) {
      return 'failed';
    }
    return statuses.every((status) => status === 'loaded') ? 'loaded' : 'loading';
  });
  protected readonly element = computed(
    () => this.store.elements()?.progress.elements.find((element) => element.key === this.elementKey()) ?? null,
  );
  protected readonly stageKey = computed(() => this.store.elements()?.progress.stage ?? '');
  private readonly latest = computed(() => this.store.latestSignOffs().get(this.elementKey()) ?? null);
  protected readonly standing = computed(() => {
    const latest = this.latest();
    return latest?.kind === 'sign-off' ? latest : null;
  });
  /** The last withdrawal and the sign-off it ended, when the element was signed off before. */
  protected readonly withdrawn = computed(() => {
    const withdrawal = this.latest();
    if (withdrawal?.kind !== 'withdrawal') {
      return null;
    }
    const signOff = this.store.elements()?.history.find((record) => record.id === withdrawal.supersedes) ?? null;
    return { withdrawal, signOff };
  });
  protected readonly canSignOff = computed(() => {
    const trainee = this.store.trainee();
    const user = this.session.user();
    return trainee !== null && user !== null && isCurrentSupervisor(trainee, user.id, isoDateToday());
  });
  protected readonly evidence = computed(() => this.store.citable()?.evidence ?? []);
  protected readonly assessments = computed(() => this.store.citable()?.assessments ?? []);
  /** The error summary links a missing citation to the first box that can be ticked. */
  protected readonly firstCheckboxId = computed(() => {
    const [firstEvidence] = this.evidence();
    const [firstAssessment] = this.assessments();
    return firstEvidence ? `evidence-${firstEvidence.id}` : firstAssessment ? `assessment-${firstAssessment.id}` : null;
  });

  private readonly pageTitle = computed(() => {
    const element = this.element();
    switch (this.status()) {
      case 'loaded':
        return element ? `${this.standing() ? 'Sign-off of' : 'Sign off'} ${element.code} ${element.title}` : null;
      case 'not-found':
        return 'Element not found';
      case 'failed':
        return 'Sorry, there is a problem with the service';
      case 'idle':
      case 'loading':
        return null;
    }
  });

  constructor() {
    effect(() => {
      const traineeId = this.traineeId();
      const elementKey = this.elementKey();
      untracked(() => void this.store.openSignOff(traineeId, elementKey));
    });
    usePageTitle(() => this.pageTitle());
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Trainees', link: ['/trainees'] },
      { label: this.store.trainee()?.displayName ?? 'Trainee', link: ['/trainees', this.traineeId()] },
    ]);
  }

  /** The evidence and assessments a sign-off cites, with their titles where the lists still hold them. */
  protected citedEvidence(signOff: ElementSignOffView): CitedItem[] {
    const titles = new Map(this.evidence().map((item) => [item.id, item.title]));
    return signOff.evidenceIds.map((id) => ({ id, title: titles.get(id) ?? null }));
  }

  protected citedAssessments(signOff: ElementSignOffView): CitedItem[] {
    const titles = new Map(this.assessments().map((item) => [item.id, item.title]));
    return signOff.assessmentIds.map((id) => ({ id, title: titles.get(id) ?? null }));
  }

  protected async signOff(event: Event): Promise<void> {
    const form = submittedForm(event);
    const element = this.element();
    if (this.saving() || !element) {
      return;
    }
    const evidenceIds = form.getAll('evidenceIds').map(String);
    const assessmentIds = form.getAll('assessmentIds').map(String);
    const note = trimmedValueOf(form, 'note');
    const citeField = this.firstCheckboxId();
    if (evidenceIds.length + assessmentIds.length === 0) {
      this.showProblems([{ field: citeField, message: 'Select the evidence or assessments your sign-off rests on' }]);
      return;
    }
    await this.save(async () => {
      await this.store.signOff(this.traineeId(), {
        elementKey: element.key,
        stageKey: this.stageKey(),
        ...(evidenceIds.length > 0 ? { evidenceIds } : {}),
        ...(assessmentIds.length > 0 ? { assessmentIds } : {}),
        ...(note ? { note } : {}),
      });
      return `Element ${element.code} is signed off`;
    }, citeField);
  }

  protected async withdraw(event: Event, signOff: ElementSignOffView): Promise<void> {
    const form = submittedForm(event);
    if (this.saving()) {
      return;
    }
    const reason = trimmedValueOf(form, 'reason');
    if (!reason) {
      this.showProblems([{ field: 'reason', message: 'Say why you are withdrawing the sign-off' }]);
      return;
    }
    await this.save(async () => {
      await this.store.withdrawSignOff(this.traineeId(), signOff.id, reason);
      return `The sign-off of element ${signOff.elementCode} has been withdrawn`;
    }, null);
  }

  protected retry(): void {
    void this.store.openSignOff(this.traineeId(), this.elementKey());
  }

  private async save(action: () => Promise<string>, citeField: string | null): Promise<void> {
    this.saving.set(true);
    this.outcome.set(null);
    this.problems.set([]);
    try {
      const outcome = await action();
      this.outcome.set(outcome);
      // The form the reader was in has gone: put them at the news of what happened.
      afterNextRender(() => this.outcomeBanner()?.nativeElement.focus(), { injector: this.injector });
    } catch (error: unknown) {
      const fields: Record<string, string> = { note: 'note', reason: 'reason' };
      if (citeField) {
        fields['evidenceIds'] = citeField;
        fields['assessmentIds'] = citeField;
      }
      this.showProblems(problemsFromApi(error, fields));
      if (statusOf(error) === 409) {
        // Someone withdrew the sign-off meanwhile: show the element as it now is.
        void this.store.openElements(this.traineeId(), { quietly: true });
      }
    } finally {
      this.saving.set(false);
    }
  }

  private showProblems(problems: FormProblem[]): void {
    this.outcome.set(null);
    this.problems.set(problems);
  }
}
