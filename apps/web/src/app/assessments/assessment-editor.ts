import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';

import type { AssessmentTemplateView, AssessmentView } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { AutosaveStatus } from '../evidence/autosave-status';
import { ErrorSummary } from '../shared/error-summary';
import type { FormProblem } from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { answerInputIds } from './assessment-answers';
import { AssessmentAutosave } from './assessment-autosave';
import { AssessmentConflictPanel } from './assessment-conflict-panel';
import { type AnswerChange, AssessmentFields } from './assessment-fields';
import { AssessmentStore } from './assessment-store';
import { AssessorChoiceForm, type AssessorChoiceSubmission, assessorInputIds } from './assessor-choice-form';
import { FurtherEvidencePicker } from './further-evidence-picker';

/**
 * The trainee writing their part of an assessment, new or returned for revision: it saves
 * itself as they write, and ends with the choice of who should assess it.
 */
@Component({
  selector: 'app-assessment-editor',
  imports: [
    AssessmentConflictPanel,
    AssessmentFields,
    AssessorChoiceForm,
    AutosaveStatus,
    DatePipe,
    ErrorSummary,
    FurtherEvidencePicker,
    NotificationBanner,
  ],
  providers: [AssessmentAutosave],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-error-summary [problems]="problems()" />
    <!-- The page's heading, when it has one, goes below the error summary. -->
    <ng-content />

    @if (autosave.restoredAt(); as restoredAt) {
      <app-notification-banner heading="We have restored changes that had not been saved">
        <p>
          They were kept in this browser at {{ restoredAt | date: 'HH:mm' }} on {{ restoredAt | date: 'd MMMM' }}, when
          the portfolio could not save them. Check them before you carry on: they are saved to the portfolio
          automatically.
        </p>
      </app-notification-banner>
    }

    <div class="app-autosave-bar">
      <app-autosave-status [state]="autosave.state()" (retry)="autosave.saveNow()" />
    </div>

    @if (conflict(); as conflict) {
      <app-assessment-conflict-panel
        [template]="template()"
        [mine]="autosave.answers()"
        [current]="conflict.current"
        (keepMine)="autosave.keepMine()"
        (takeCurrent)="autosave.takeCurrent()"
      />
    }

    <app-assessment-fields
      [template]="template()"
      [answers]="autosave.answers()"
      [problems]="problems()"
      [elements]="elements()"
      (answerChange)="answer($event)"
    />

    <app-further-evidence-picker [chosen]="autosave.evidenceIds()" (chosenChange)="autosave.chooseEvidence($event)" />

    <h2 class="nhsuk-heading-l app-assessment-send-heading">Send for assessment</h2>
    <p>
      When your part is ready, choose who should assess it. They are told by email. From then on your part cannot change
      unless they return it to you for revision.
    </p>
    <app-assessor-choice-form
      [kinds]="template().assessorKinds"
      [problems]="problems()"
      [sending]="sending()"
      (submitted)="send($event)"
    />
  `,
})
export class AssessmentEditor {
  readonly template = input.required<AssessmentTemplateView>();
  /** The saved assessment to revise, or null for a new one. */
  readonly assessment = input<AssessmentView | null>(null);
  /** The assessment once it has been created, so that the page can give it its own address. */
  readonly created = output<AssessmentView>();
  readonly sent = output<AssessmentView>();

  protected readonly autosave = inject(AssessmentAutosave);
  private readonly store = inject(AssessmentStore);
  private readonly session = inject(SessionStore);

  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly sending = signal(false);
  protected readonly conflict = computed(() => {
    const state = this.autosave.state();
    return state.kind === 'conflict' ? state : null;
  });
  private readonly needsElements = computed(() =>
    this.template().sections.some((section) => section.fields.some((field) => field.type === 'elements')),
  );
  protected readonly elements = computed(() =>
    this.needsElements() ? this.store.elementsOf(this.template().frameworkKey) : [],
  );

  constructor() {
    let openedFor: string | null = null;
    effect(() => {
      const template = this.template();
      const assessment = this.assessment();
      const slot = `${template.key}/${assessment?.id ?? 'new'}`;
      if (slot !== openedFor) {
        openedFor = slot;
        untracked(() => this.autosave.open(this.session.user()?.id ?? '', template, assessment));
      }
    });
    effect(() => {
      if (this.needsElements()) {
        const frameworkKey = this.template().frameworkKey;
        untracked(() => this.store.loadElements(frameworkKey));
      }
    });
    let announcedId = this.assessment()?.id ?? null;
    effect(() => {
      const created = this.autosave.assessment();
      if (created && created.id !== announcedId && !this.assessment()) {
        announcedId = created.id;
        untracked(() => this.created.emit(created));
      }
    });
  }

  protected answer(change: AnswerChange): void {
    this.autosave.answer(change.sectionId, change.fieldId, change.answer);
  }

  protected async send(submission: AssessorChoiceSubmission): Promise<void> {
    if (this.sending()) {
      return;
    }
    if (!submission.choice) {
      this.problems.set(submission.problems);
      return;
    }
    this.problems.set([]);
    this.sending.set(true);
    try {
      const fieldIds = { ...answerInputIds(this.template().sections), ...assessorInputIds };
      const result = await this.autosave.send(submission.choice, fieldIds);
      switch (result.outcome) {
        case 'sent':
          this.sent.emit(result.assessment);
          return;
        case 'refused':
          this.problems.set(result.problems);
          return;
        case 'not-saved':
          this.problems.set([
            {
              field: null,
              message: this.autosave.assessment()
                ? 'Your changes could not be saved, so the assessment was not sent.'
                : 'Write your part before you send it.',
            },
          ]);
          return;
      }
    } finally {
      this.sending.set(false);
    }
  }
}
