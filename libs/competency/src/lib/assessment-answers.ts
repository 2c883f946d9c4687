import type { AssessmentTemplateFile } from './validate-assessment-template';

/** A problem with the trainee's answers or the assessor's judgement, named by a dotted field path. */
export interface AssessmentProblem {
  field: string;
  message: string;
}

export type TemplateAnswer = string | number | string[] | null;
export type TemplateAnswers = Record<string, Record<string, TemplateAnswer>>;

export interface TemplateJudgement {
  ratings: Record<string, string>;
  overallJudgement: string | null;
  feedback: string;
}

type Field = AssessmentTemplateFile['sections'][number]['fields'][number];

const defaultMaxLength = { text: 500, markdown: 20000 } as const;
const maxLinkedElements = 30;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the trainee's part against the template: only its sections and fields, each answer of
 * the field's type and length. With `complete`, every required field must be filled (a draft may
 * be unfinished; a request sent to an assessor may not).
 */
export function checkAnswers(
  template: AssessmentTemplateFile,
  answers: unknown,
  { complete }: { complete: boolean },
): AssessmentProblem[] {
  if (!isRecord(answers)) {
    return [{ field: 'answers', message: 'must be an object of sections' }];
  }
  const problems: AssessmentProblem[] = [];
  const sections = new Map(template.sections.map((section) => [section.id, section]));
  for (const [sectionId, sectionAnswers] of Object.entries(answers)) {
    const section = sections.get(sectionId);
    if (!section) {
      problems.push({ field: `answers.${sectionId}`, message: `is not a section of ${template.title}` });
    } else if (!isRecord(sectionAnswers)) {
      problems.push({ field: `answers.${sectionId}`, message: 'must be an object of fields' });
    } else {
      const fields = new Set(section.fields.map((field) => field.id));
      for (const fieldId of Object.keys(sectionAnswers)) {
        if (!fields.has(fieldId)) {
          problems.push({ field: `answers.${sectionId}.${fieldId}`, message: `is not a field of '${section.title}'` });
        }
      }
    }
  }
  for (const section of template.sections) {
    const sectionAnswers = answers[section.id];
    for (const field of section.fields) {
      const value = isRecord(sectionAnswers) ? sectionAnswers[field.id] : undefined;
      const path = `answers.${section.id}.${field.id}`;
      const problem = checkAnswer(field, value);
      if (problem) {
        problems.push({ field: path, message: problem });
      } else if (complete && field.required && isEmpty(value)) {
        problems.push({ field: path, message: `Fill in '${field.label}'` });
      }
    }
  }
  return problems;
}

function checkAnswer(field: Field, value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  switch (field.type) {
    case 'text':
    case 'markdown': {
      const limit = field.maxLength ?? defaultMaxLength[field.type];
      if (typeof value !== 'string') return 'must be text';
      return value.length > limit ? `must be at most ${limit} characters (it has ${value.length})` : null;
    }
    case 'date':
      return typeof value === 'string' && (value === '' || isValidDate(value)) ? null : 'must be a date (YYYY-MM-DD)';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'select': {
      const ids = (field.options ?? []).map((option) => option.id);
      return value === '' || (typeof value === 'string' && ids.includes(value))
        ? null
        : `must be one of: ${ids.join(', ')}`;
    }
    case 'elements':
      if (!Array.isArray(value) || !value.every((key) => typeof key === 'string'))
        return 'must be a list of element keys';
      if (new Set(value).size !== value.length) return 'lists an element more than once';
      return value.length > maxLinkedElements ? `may list at most ${maxLinkedElements} elements` : null;
  }
}

/** The element keys the trainee listed in the template's `elements` fields. */
export function listedElementKeys(template: AssessmentTemplateFile, answers: TemplateAnswers): string[] {
  const keys: string[] = [];
  for (const section of template.sections) {
    for (const field of section.fields) {
      const value = answers[section.id]?.[field.id];
      if (field.type === 'elements' && Array.isArray(value)) keys.push(...value);
    }
  }
  return [...new Set(keys)];
}

/** What the assessor rates: each criterion, then (for a discussion) each element the trainee listed. */
export function ratingKeysOf(template: AssessmentTemplateFile, answers: TemplateAnswers): string[] {
  const criteria = (template.criteria ?? []).map((criterion) => criterion.id);
  const elements = template.rateLinkedElements
    ? listedElementKeys(template, answers).map((key) => `element:${key}`)
    : [];
  return [...criteria, ...elements];
}

/** Framework elements a signed assessment evidences: its criteria's elements and, for a discussion, those listed. */
export function assessedElementKeys(template: AssessmentTemplateFile, answers: TemplateAnswers): string[] {
  const fromCriteria = (template.criteria ?? []).flatMap((criterion) => criterion.elements);
  const listed = template.rateLinkedElements ? listedElementKeys(template, answers) : [];
  return [...new Set([...fromCriteria, ...listed])];
}

/**
 * Checks the assessor's judgement: ratings only for what is rated and only on the scale. With
 * `complete` (signing off), everything must be rated, the overall judgement given and, where the
 * template asks for it, feedback written.
 */
export function checkJudgement(
  template: AssessmentTemplateFile,
  answers: TemplateAnswers,
  judgement: TemplateJudgement,
  { complete }: { complete: boolean },
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  const rated = ratingKeysOf(template, answers);
  const scale = template.ratingScale.map((level) => level.id);
  for (const [key, rating] of Object.entries(judgement.ratings)) {
    if (!rated.includes(key)) {
      problems.push({ field: `ratings.${key}`, message: 'is not something this assessment rates' });
    } else if (!scale.includes(rating)) {
      problems.push({ field: `ratings.${key}`, message: `must be one of: ${scale.join(', ')}` });
    }
  }
  const overall = template.overallJudgement.options.map((option) => option.id);
  if (judgement.overallJudgement !== null && !overall.includes(judgement.overallJudgement)) {
    problems.push({ field: 'overallJudgement', message: `must be one of: ${overall.join(', ')}` });
  }
  if (complete) {
    for (const key of rated) {
      if (!judgement.ratings[key]) {
        problems.push({ field: `ratings.${key}`, message: `Rate '${ratingTitle(template, key)}'` });
      }
    }
    if (judgement.overallJudgement === null) {
      problems.push({ field: 'overallJudgement', message: `Choose '${template.overallJudgement.label}'` });
    }
    if (template.feedback.required && judgement.feedback.trim() === '') {
      problems.push({ field: 'feedback', message: `Write '${template.feedback.label}'` });
    }
  }
  return problems;
}

function ratingTitle(template: AssessmentTemplateFile, key: string): string {
  if (key.startsWith('element:')) return `element ${key.slice('element:'.length)}`;
  return template.criteria?.find((criterion) => criterion.id === key)?.title ?? key;
}

/**
 * The title the work goes by: the template's first text field when filled; else the template's
 * title with the first date given (two discussions a month apart are told apart in a list).
 */
export function workTitle(template: AssessmentTemplateFile, answers: TemplateAnswers): string {
  const fields = template.sections.flatMap((section) =>
    section.fields.map((field) => ({ field, value: answers[section.id]?.[field.id] })),
  );
  const text = fields.find(({ field, value }) => field.type === 'text' && typeof value === 'string' && value.trim());
  if (text) return String(text.value).trim().slice(0, 200);
  const date = fields.find(
    ({ field, value }) => field.type === 'date' && typeof value === 'string' && isValidDate(value),
  );
  return (date ? `${template.title}, ${String(date.value)}` : template.title).slice(0, 200);
}

/** The trainee's part as one Markdown document: what the evidence log keeps of it. */
export function workMarkdown(template: AssessmentTemplateFile, answers: TemplateAnswers): string {
  const parts: string[] = [];
  for (const section of template.sections) {
    const lines: string[] = [];
    for (const field of section.fields) {
      const value = answers[section.id]?.[field.id];
      if (isEmpty(value)) continue;
      const shown =
        field.type === 'select'
          ? (field.options?.find((option) => option.id === value)?.title ?? String(value))
          : Array.isArray(value)
            ? value.join(', ')
            : String(value);
      lines.push(field.type === 'markdown' && section.fields.length === 1 ? shown : `**${field.label}:** ${shown}`);
    }
    if (lines.length > 0) parts.push(`## ${section.title}\n\n${lines.join('\n\n')}`);
  }
  return parts.join('\n\n');
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isValidDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
