import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';

import { type FrameworkFile, listElements } from './framework-file';

/** One reason a framework file was refused, with the JSON pointer of the offending value. */
export interface FrameworkFileProblem {
  path: string;
  message: string;
}

export type FrameworkFileValidation =
  | { valid: true; framework: FrameworkFile }
  | { valid: false; problems: FrameworkFileProblem[] };

const compiledSchemas = new WeakMap<object, ValidateFunction>();

/**
 * Checks a framework file against its JSON Schema, then against the rules a schema cannot
 * express: ids unique within the file, outcomes and level descriptors naming declared stages
 * and rating levels.
 */
export function validateFrameworkFile(document: unknown, schema: object): FrameworkFileValidation {
  const validate = compile(schema);
  if (!validate(document)) {
    return { valid: false, problems: describeSchemaErrors(validate.errors ?? []) };
  }
  const framework = document as FrameworkFile;
  const problems = [...findDuplicateIds(framework), ...findUnknownReferences(framework)];
  return problems.length === 0 ? { valid: true, framework } : { valid: false, problems };
}

/** The problems as one readable paragraph, one line per problem. */
export function formatProblems(problems: FrameworkFileProblem[]): string {
  return problems.map((problem) => `${problem.path || '/'}: ${problem.message}`).join('\n');
}

function compile(schema: object): ValidateFunction {
  let validate = compiledSchemas.get(schema);
  if (!validate) {
    validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
    compiledSchemas.set(schema, validate);
  }
  return validate;
}

function describeSchemaErrors(errors: ErrorObject[]): FrameworkFileProblem[] {
  const problems: FrameworkFileProblem[] = [];
  for (const error of errors) {
    // The branches of the root oneOf only repeat what the oneOf message below says better.
    if (error.schemaPath.startsWith('#/oneOf/')) {
      continue;
    }
    problems.push({ path: error.instancePath, message: describeSchemaError(error) });
  }
  return dedupe(problems);
}

function describeSchemaError(error: ErrorObject): string {
  if (error.keyword === 'oneOf' && error.instancePath === '') {
    return "must list its elements either under 'domains' or under 'elements', not both and not neither";
  }
  if (error.keyword === 'minProperties' && error.instancePath.endsWith('/outcomes')) {
    return 'element applies at no stage: outcomes must name at least one stage';
  }
  if (error.keyword === 'dependentRequired') {
    return `'${String(error.params['property'])}' needs '${String(error.params['missingProperty'])}' beside it`;
  }
  if (error.keyword === 'required') {
    return `is missing the required property '${String(error.params['missingProperty'])}'`;
  }
  if (error.keyword === 'additionalProperties') {
    return `has an unknown property '${String(error.params['additionalProperty'])}'`;
  }
  if (error.keyword === 'enum') {
    return `must be one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
  }
  return error.message ?? 'is not valid';
}

function findDuplicateIds(framework: FrameworkFile): FrameworkFileProblem[] {
  const firstSeenAt = new Map<string, string>();
  const problems: FrameworkFileProblem[] = [];
  const note = (id: string, pointer: string) => {
    const earlier = firstSeenAt.get(id);
    if (earlier) {
      problems.push({ path: `${pointer}/id`, message: `duplicate id '${id}' (already used at ${earlier}/id)` });
    } else {
      firstSeenAt.set(id, pointer);
    }
  };
  framework.stages.forEach((stage, index) => note(stage.id, `/stages/${index}`));
  framework.ratingScale?.forEach((level, index) => note(level.id, `/ratingScale/${index}`));
  framework.domains?.forEach((domain, index) => note(domain.id, `/domains/${index}`));
  for (const { element, pointer } of listElements(framework)) {
    note(element.id, pointer);
  }
  return problems;
}

function findUnknownReferences(framework: FrameworkFile): FrameworkFileProblem[] {
  const stageIds = framework.stages.map((stage) => stage.id);
  const levelIds = (framework.ratingScale ?? []).map((level) => level.id);
  const problems: FrameworkFileProblem[] = [];
  for (const { element, pointer } of listElements(framework)) {
    for (const stageId of Object.keys(element.outcomes)) {
      if (!stageIds.includes(stageId)) {
        problems.push({
          path: `${pointer}/outcomes/${stageId}`,
          message: `element '${element.id}' refers to unknown stage '${stageId}' (declared stages: ${stageIds.join(', ')})`,
        });
      }
    }
    for (const levelId of Object.keys(element.levelDescriptors ?? {})) {
      if (!levelIds.includes(levelId)) {
        problems.push({
          path: `${pointer}/levelDescriptors/${levelId}`,
          message:
            levelIds.length === 0
              ? `element '${element.id}' describes rating level '${levelId}' but the framework has no ratingScale`
              : `element '${element.id}' refers to unknown rating level '${levelId}' (declared levels: ${levelIds.join(', ')})`,
        });
      }
    }
  }
  const elementIds = new Set(listElements(framework).map(({ element }) => element.id));
  framework.correspondences?.forEach((correspondence, index) => {
    if (!elementIds.has(correspondence.element)) {
      problems.push({
        path: `/correspondences/${index}/element`,
        message: `correspondence names element '${correspondence.element}', which this version does not have`,
      });
    }
  });
  return problems;
}

function dedupe(problems: FrameworkFileProblem[]): FrameworkFileProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
