import { type AssessmentView, type AssessorJudgement, elementRatingKey } from '@portfolio/contracts';

import type { FormProblem } from '../shared/form-problems';
import { listedElementKeys } from './assessment-answers';

/** Element titles by key, as far as the framework has loaded. */
export type ElementTitles = Readonly<Partial<Record<string, string>>>;

/** One thing the assessor rates: a criterion of the template, or an element the trainee listed. */
export interface RatedItem {
  /** The key in `ratings`: a criterion id, or `element:<key>`. */
  key: string;
  title: string;
  description: string | null;
  elementKeys: string[];
  /** The section of the trainee's part it judges, when it judges one. */
  sectionId: string | null;
}

/** What the assessor rates, in the order the form asks. */
export function ratedItems(assessment: AssessmentView, elementTitles: ElementTitles = {}): RatedItem[] {
  const template = assessment.template;
  const criteria = template.criteria.map((criterion) => ({
    key: criterion.id,
    title: criterion.title,
    description: criterion.description ?? null,
    elementKeys: criterion.elementKeys,
    sectionId: criterion.section ?? null,
  }));
  const elements = template.rateLinkedElements
    ? listedElementKeys(template, assessment.answers).map((elementKey) => ({
        key: elementRatingKey(elementKey),
        title: elementTitles[elementKey] ? `${elementKey} ${elementTitles[elementKey]}` : `Element ${elementKey}`,
        description: null,
        elementKeys: [],
        sectionId: null,
      }))
    : [];
  return [...criteria, ...elements];
}

/** The id of a rating's first radio, where the error summary takes the assessor. */
export function ratingInputId(key: string): string {
  return `rating-${key.replace(/[^a-zA-Z0-9-]+/g, '-')}`;
}

export const overallJudgementInputId = 'overall-judgement';
export const feedbackInputId = 'feedback';
export const commentsInputId = 'return-comments';

/** The API's field names for the judgement, and the inputs they are about. */
export function judgementInputIds(items: readonly RatedItem[]): Record<string, string> {
  return {
    ...Object.fromEntries(items.map((item) => [`ratings.${item.key}`, ratingInputId(item.key)])),
    ratings: items.length > 0 ? ratingInputId(items[0].key) : overallJudgementInputId,
    overallJudgement: overallJudgementInputId,
    feedback: feedbackInputId,
    comments: commentsInputId,
  };
}

/** The judgement the form starts from: the assessor's saved draft, with nothing for items since added. */
export function startingJudgement(assessment: AssessmentView, items: readonly RatedItem[]): AssessorJudgement {
  const saved = assessment.judgement;
  const keys = new Set(items.map((item) => item.key));
  return {
    ratings: Object.fromEntries(Object.entries(saved?.ratings ?? {}).filter(([key]) => keys.has(key))),
    overallJudgement: saved?.overallJudgement ?? null,
    feedback: saved?.feedback ?? '',
  };
}

/** What stops a sign-off: every item rated, an overall judgement, and feedback where the template wants it. */
export function signOffProblems(
  assessment: AssessmentView,
  items: readonly RatedItem[],
  judgement: AssessorJudgement,
): FormProblem[] {
  const problems: FormProblem[] = items
    .filter((item) => !judgement.ratings[item.key])
    .map((item) => ({ field: ratingInputId(item.key), message: `Rate ${item.title}` }));
  if (!judgement.overallJudgement) {
    problems.push({
      field: overallJudgementInputId,
      message: `Choose the ${assessment.template.overallJudgement.label.toLowerCase()}`,
    });
  }
  if (assessment.template.feedback.required && !judgement.feedback.trim()) {
    problems.push({ field: feedbackInputId, message: `Write the ${assessment.template.feedback.label.toLowerCase()}` });
  }
  return problems;
}

/** Returning the work needs only the comments that tell the trainee what to change. */
export function returnProblems(comments: string): FormProblem[] {
  return comments.trim()
    ? []
    : [{ field: commentsInputId, message: 'Write what the trainee should change before you return it' }];
}

/** The judgement as the API takes it: ratings only for the items on the form, feedback without stray spaces. */
export function judgementRequest(items: readonly RatedItem[], judgement: AssessorJudgement): AssessorJudgement {
  return {
    ratings: Object.fromEntries(
      items.filter((item) => judgement.ratings[item.key]).map((item) => [item.key, judgement.ratings[item.key]]),
    ),
    overallJudgement: judgement.overallJudgement,
    feedback: judgement.feedback.trim(),
  };
}

/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only on secure origins, so a plain-HTTP
 * deployment builds the same version-4 UUID from random bytes.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
