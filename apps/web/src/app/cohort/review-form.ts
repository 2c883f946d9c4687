import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';

import {
  type EvidenceSummary,
  type ProgressionReviewInput,
  type ProgressionReviewView,
  arcpOutcomes,
  evidenceTypeLabels,
  trainingYearOf,
} from '@portfolio/contracts';

import { FieldErrorPipe, type FormProblem, submittedForm } from '../shared/form-problems';
import { TextField } from '../shared/text-field';
import { type PanelMemberRow, localIsoDate, outcomeInputId, reviewInputFrom } from './review-views';

/** What the panel wants done with the form: keep it as a draft, or make it the final record. */
export interface ReviewSubmission {
  intent: 'save' | 'finalise';
  review: ProgressionReviewInput;
}

/**
 * The panel's record of a review: period, date, panel, outcome, reasons and actions, and the
 * evidence considered. Fields keep what was typed until the page gives the form another review,
 * so nothing is lost when saving fails.
 */
@Component({
  selector: 'app-review-form',
  imports: [DatePipe, FieldErrorPipe, TextField],
  templateUrl: './review-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewForm {
  /** The draft being edited; null for a new review. */
  readonly review = input<ProgressionReviewView | null>(null);
  readonly evidence = input<readonly EvidenceSummary[]>([]);
  readonly traineeName = input.required<string>();
  readonly problems = input<readonly FormProblem[]>([]);
  readonly saving = input(false);
  readonly submitted = output<ReviewSubmission>();

  protected readonly outcomes = arcpOutcomes;
  protected readonly evidenceTypes = evidenceTypeLabels;
  protected readonly outcomeInputId = outcomeInputId;
  protected readonly panelMembers = signal<PanelMemberRow[]>([{ id: 0, name: '' }]);
  private nextPanelMemberId = 1;
  /** Which button sent the form; Enter in a field counts as "Save draft", the first button. */
  private intent: ReviewSubmission['intent'] = 'save';

  protected readonly period = computed(() => this.review()?.period ?? trainingYearOf(new Date()));
  protected readonly reviewDate = computed(() => this.review()?.reviewDate ?? localIsoDate());
  protected readonly textAreas = computed(() => [
    {
      id: 'reasons',
      label: 'Reasons for the outcome',
      hint: 'What the panel saw and why it gave this outcome.',
      value: this.review()?.reasons ?? '',
    },
    {
      id: 'requiredActions',
      label: 'Actions required (optional)',
      hint: 'What the trainee should do before the next review, and by when.',
      value: this.review()?.requiredActions ?? '',
    },
  ]);
  protected readonly chosenEvidence = computed(() => new Set(this.review()?.evidenceIds ?? []));
  protected readonly firstEvidenceId = computed(() => this.evidence()[0]?.id ?? null);

  constructor() {
    // A different review (or the new draft the API made) starts the panel rows afresh.
    effect(() => {
      const members = this.review()?.panelMembers ?? [];
      untracked(() => this.resetPanelMembers(members));
    });
  }

  protected chooseIntent(intent: ReviewSubmission['intent']): void {
    this.intent = intent;
  }

  protected addPanelMember(): void {
    this.panelMembers.update((rows) => [...rows, { id: this.nextPanelMemberId++, name: '' }]);
  }

  protected removePanelMember(id: number): void {
    this.panelMembers.update((rows) => (rows.length > 1 ? rows.filter((row) => row.id !== id) : rows));
  }

  protected renamePanelMember(id: number, event: Event): void {
    const name = (event.target as HTMLInputElement).value;
    this.panelMembers.update((rows) => rows.map((row) => (row.id === id ? { ...row, name } : row)));
  }

  protected submit(event: Event): void {
    const form = submittedForm(event);
    const intent = this.intent;
    this.intent = 'save';
    if (this.saving()) {
      return;
    }
    this.submitted.emit({
      intent,
      review: reviewInputFrom(form, this.panelMembers(), this.review()?.assessmentIds ?? []),
    });
  }

  private resetPanelMembers(members: readonly string[]): void {
    const names = members.length > 0 ? members : [''];
    this.panelMembers.set(names.map((name) => ({ id: this.nextPanelMemberId++, name })));
  }
}
