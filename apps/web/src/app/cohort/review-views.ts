import {
  type ArcpOutcomeCode,
  type ProgressionReviewInput,
  type ProgressionReviewView,
  type TraineeView,
  type TrainingRecordView,
  arcpOutcomeCodes,
  isReviewPeriod,
} from '@portfolio/contracts';

import type { FormProblem } from '../shared/form-problems';
import { trimmedValueOf } from '../shared/form-problems';

export interface StatusTag {
  label: string;
  tagClass: string;
}

/** Where a review stands, as a tag: a draft, final, or final and since corrected. */
export function reviewStatusTag(review: ProgressionReviewView): StatusTag {
  if (review.status === 'draft') {
    return review.amends
      ? { label: 'Draft correction', tagClass: 'nhsuk-tag nhsuk-tag--blue' }
      : { label: 'Draft', tagClass: 'nhsuk-tag nhsuk-tag--grey' };
  }
  return review.amendedBy
    ? { label: 'Corrected', tagClass: 'nhsuk-tag nhsuk-tag--orange' }
    : { label: 'Final', tagClass: 'nhsuk-tag nhsuk-tag--green' };
}

/** The training record in force today, else the latest: what programme, stage and grade the trainee is in. */
export function currentTrainingRecord(trainee: TraineeView, today: string): TrainingRecordView | null {
  const records = [...trainee.trainingRecords].sort((first, second) => second.startsOn.localeCompare(first.startsOn));
  return (
    records.find((record) => record.startsOn <= today && (record.endsOn === null || record.endsOn >= today)) ??
    records[0] ??
    null
  );
}

/** A day as YYYY-MM-DD in the reader's time zone: today's date for a panel sitting today. */
export function localIsoDate(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A panel member's row of the form; the id keeps what is typed in each row when another is removed. */
export interface PanelMemberRow {
  id: number;
  name: string;
}

/** The form's ids for the API's fields, so the error summary links each problem to its field. */
export function reviewFieldIds(firstEvidenceId: string | null): Record<string, string> {
  return {
    period: 'period',
    reviewDate: 'reviewDate',
    panelMembers: 'panel-member-0',
    outcomeCode: 'outcomeCode',
    reasons: 'reasons',
    requiredActions: 'requiredActions',
    ...(firstEvidenceId ? { evidenceIds: `evidence-${firstEvidenceId}` } : {}),
  };
}

/** The first outcome's radio has the group's id, for the error summary; dots would not do in the others' ids. */
export function outcomeInputId(code: string, first: boolean): string {
  return first ? 'outcomeCode' : `outcomeCode-${code.replace('.', '-')}`;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!isoDatePattern.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * The review as the form now says, ready to send. Assessments are kept as they were: the API
 * has no list of a trainee's signed assessments for the deanery to choose from.
 */
export function reviewInputFrom(
  form: FormData,
  panelMembers: readonly PanelMemberRow[],
  assessmentIds: readonly string[],
): ProgressionReviewInput {
  const outcome = trimmedValueOf(form, 'outcomeCode');
  return {
    period: trimmedValueOf(form, 'period'),
    reviewDate: trimmedValueOf(form, 'reviewDate'),
    panelMembers: panelMembers.map((member) => member.name.trim()).filter((name) => name !== ''),
    evidenceIds: form.getAll('evidenceIds').map(String),
    assessmentIds: [...assessmentIds],
    outcomeCode: arcpOutcomeCodes.includes(outcome as ArcpOutcomeCode) ? (outcome as ArcpOutcomeCode) : null,
    reasons: trimmedValueOf(form, 'reasons'),
    requiredActions: trimmedValueOf(form, 'requiredActions'),
  };
}

/** What must be right before even a draft is saved; what a final review needs is the API's to say. */
export function draftProblems(input: ProgressionReviewInput): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!isReviewPeriod(input.period)) {
    problems.push({ field: 'period', message: 'Enter the review period as a training year, such as 2026-27' });
  }
  if (!isRealDate(input.reviewDate)) {
    problems.push({ field: 'reviewDate', message: 'Enter the date of the review panel' });
  }
  return problems;
}
