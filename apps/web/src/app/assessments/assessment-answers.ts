import type {
  AssessmentAnswer,
  AssessmentAnswers,
  AssessmentFieldView,
  AssessmentSectionView,
  AssessmentTemplateView,
} from '@portfolio/contracts';

/** The id of the input for one field of the trainee's part; the API names it `answers.<section>.<field>`. */
export function answerInputId(sectionId: string, fieldId: string): string {
  return `answer-${sectionId}-${fieldId}`;
}

function emptyAnswer(field: AssessmentFieldView): AssessmentAnswer {
  switch (field.type) {
    case 'elements':
      return [];
    case 'number':
      return null;
    case 'text':
    case 'markdown':
    case 'date':
    case 'select':
      return '';
  }
}

/**
 * Every field of the template, with what was saved where there is an answer and an empty one
 * elsewhere: the form always has a value to show, and a save always sends the whole part.
 */
export function answersFor(template: AssessmentTemplateView, saved: AssessmentAnswers = {}): AssessmentAnswers {
  return Object.fromEntries(
    template.sections.map((section) => [
      section.id,
      Object.fromEntries(
        section.fields.map((field) => [field.id, saved[section.id]?.[field.id] ?? emptyAnswer(field)]),
      ),
    ]),
  );
}

export function withAnswer(
  answers: AssessmentAnswers,
  sectionId: string,
  fieldId: string,
  answer: AssessmentAnswer,
): AssessmentAnswers {
  return { ...answers, [sectionId]: { ...answers[sectionId], [fieldId]: answer } };
}

/** A number field as typed: an empty box is no answer, not zero. */
export function numberAnswer(typed: string): number | null {
  const trimmed = typed.trim();
  if (!trimmed) {
    return null;
  }
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

export function isBlank(answer: AssessmentAnswer | undefined): boolean {
  if (answer === null || answer === undefined) {
    return true;
  }
  if (Array.isArray(answer)) {
    return answer.length === 0;
  }
  return typeof answer === 'string' && answer.trim() === '';
}

export function textOf(answer: AssessmentAnswer | undefined): string {
  return typeof answer === 'string' ? answer : typeof answer === 'number' ? String(answer) : '';
}

export function listOf(answer: AssessmentAnswer | undefined): string[] {
  return Array.isArray(answer) ? answer : [];
}

/** The element keys the trainee listed in the template's `elements` fields, in the order chosen. */
export function listedElementKeys(template: AssessmentTemplateView, answers: AssessmentAnswers): string[] {
  const keys = template.sections.flatMap((section) =>
    section.fields
      .filter((field) => field.type === 'elements')
      .flatMap((field) => listOf(answers[section.id]?.[field.id])),
  );
  return [...new Set(keys)];
}

/** The API's field names for the trainee's part, and the inputs they are about. */
export function answerInputIds(sections: readonly AssessmentSectionView[]): Record<string, string> {
  return Object.fromEntries(
    sections.flatMap((section) =>
      section.fields.map((field) => [`answers.${section.id}.${field.id}`, answerInputId(section.id, field.id)]),
    ),
  );
}

/** Whether two sets of answers say the same thing, ignoring the order their keys were written in. */
export function sameAnswers(first: AssessmentAnswers, second: AssessmentAnswers): boolean {
  const sectionIds = new Set([...Object.keys(first), ...Object.keys(second)]);
  return [...sectionIds].every((sectionId) => {
    const one = first[sectionId] ?? {};
    const other = second[sectionId] ?? {};
    const fieldIds = new Set([...Object.keys(one), ...Object.keys(other)]);
    return [...fieldIds].every(
      (fieldId) => JSON.stringify(one[fieldId] ?? null) === JSON.stringify(other[fieldId] ?? null),
    );
  });
}
