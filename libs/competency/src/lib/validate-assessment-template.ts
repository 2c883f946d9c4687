import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';

import type { FrameworkFileProblem } from './validate-framework-file';

/** An assessment template file in `framework-data/assessments/`, as its JSON Schema describes it. */
export interface AssessmentTemplateFile {
  key: string;
  version: string;
  status: 'draft' | 'published';
  title: string;
  description: string;
  frameworkKey: string;
  assessorRoles?: ('supervisor' | 'assessor' | 'external')[];
  evidenceType?: string;
  sections: {
    id: string;
    title: string;
    help?: string;
    fields: {
      id: string;
      type: 'text' | 'markdown' | 'date' | 'number' | 'select' | 'elements';
      label: string;
      help?: string;
      required: boolean;
      maxLength?: number;
      options?: { id: string; title: string; description?: string }[];
    }[];
  }[];
  criteria?: { id: string; title: string; description?: string; section?: string; elements: string[] }[];
  rateLinkedElements?: boolean;
  ratingScale: { id: string; title: string; description?: string }[];
  overallJudgement: { label: string; options: { id: string; title: string; description?: string }[] };
  feedback: { label: string; help?: string; required: boolean };
}

export type AssessmentTemplateValidation =
  | { valid: true; template: AssessmentTemplateFile }
  | { valid: false; problems: FrameworkFileProblem[] };

const compiledSchemas = new WeakMap<object, ValidateFunction>();

/**
 * Checks a template against its schema and against what a schema cannot say: ids unique where
 * they must be, criteria naming sections that exist, and elements that exist in the framework
 * (when `frameworkElementKeys` is given).
 */
export function validateAssessmentTemplate(
  document: unknown,
  schema: object,
  frameworkElementKeys: ReadonlySet<string> | null,
): AssessmentTemplateValidation {
  let validate = compiledSchemas.get(schema);
  if (!validate) {
    validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
    compiledSchemas.set(schema, validate);
  }
  if (!validate(document)) {
    return {
      valid: false,
      problems: (validate.errors ?? [])
        .filter((error) => error.keyword !== 'if')
        .map((error) => ({
          path: error.instancePath,
          message:
            error.keyword === 'required'
              ? `is missing the required property '${String(error.params['missingProperty'])}'`
              : (error.message ?? 'is not valid'),
        })),
    };
  }
  const template = document as AssessmentTemplateFile;
  const problems: FrameworkFileProblem[] = [];
  const requireUnique = (ids: string[], pointer: (index: number) => string, what: string) => {
    const seen = new Map<string, number>();
    ids.forEach((id, index) => {
      const earlier = seen.get(id);
      if (earlier === undefined) {
        seen.set(id, index);
      } else {
        problems.push({
          path: `${pointer(index)}/id`,
          message: `duplicate ${what} id '${id}' (already used at ${pointer(earlier)}/id)`,
        });
      }
    });
  };
  requireUnique(
    template.sections.map((section) => section.id),
    (index) => `/sections/${index}`,
    'section',
  );
  template.sections.forEach((section, sectionIndex) =>
    requireUnique(
      section.fields.map((field) => field.id),
      (index) => `/sections/${sectionIndex}/fields/${index}`,
      'field',
    ),
  );
  const criteria = template.criteria ?? [];
  requireUnique(
    criteria.map((criterion) => criterion.id),
    (index) => `/criteria/${index}`,
    'criterion',
  );
  requireUnique(
    template.ratingScale.map((level) => level.id),
    (index) => `/ratingScale/${index}`,
    'rating level',
  );
  const sectionIds = new Set(template.sections.map((section) => section.id));
  criteria.forEach((criterion, index) => {
    if (criterion.section && !sectionIds.has(criterion.section)) {
      problems.push({
        path: `/criteria/${index}/section`,
        message: `criterion '${criterion.id}' refers to unknown section '${criterion.section}'`,
      });
    }
    for (const element of criterion.elements) {
      if (frameworkElementKeys && !frameworkElementKeys.has(element)) {
        problems.push({
          path: `/criteria/${index}/elements`,
          message: `criterion '${criterion.id}' maps to element '${element}', which ${template.frameworkKey} does not have`,
        });
      }
    }
  });
  if (criteria.length === 0 && !template.rateLinkedElements) {
    problems.push({ path: '/criteria', message: 'a template needs criteria to rate, or rateLinkedElements' });
  }
  return problems.length === 0 ? { valid: true, template } : { valid: false, problems };
}
