import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';

import { type FrameworkFile, listElements } from './framework-file';

export type CrosswalkRelation = 'exactMatchOf' | 'isRelatedTo';

export interface CrosswalkFrameworkVersion {
  key: string;
  version: string;
}

export interface CrosswalkMapping {
  from: string;
  to: string;
  type: CrosswalkRelation;
  note?: string;
}

/** A file of `framework-data/crosswalks/`: elements of one framework version mapped to another's. */
export interface CrosswalkFile {
  key: string;
  title: string;
  description: string;
  from: CrosswalkFrameworkVersion;
  to: CrosswalkFrameworkVersion;
  mappings: CrosswalkMapping[];
}

export interface CrosswalkProblem {
  path: string;
  message: string;
}

export type CrosswalkValidation =
  | { valid: true; crosswalk: CrosswalkFile }
  | { valid: false; problems: CrosswalkProblem[] };

const compiledSchemas = new WeakMap<object, ValidateFunction>();

/** Checks a crosswalk file against its JSON Schema, and that no pair of elements is mapped twice. */
export function validateCrosswalkFile(document: unknown, schema: object): CrosswalkValidation {
  let validate = compiledSchemas.get(schema);
  if (!validate) {
    validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    compiledSchemas.set(schema, validate);
  }
  if (!validate(document)) {
    return {
      valid: false,
      problems: (validate.errors ?? []).map((error) => ({
        path: error.instancePath,
        message:
          error.keyword === 'additionalProperties'
            ? `has an unknown property '${String(error.params['additionalProperty'])}'`
            : (error.message ?? 'is not valid'),
      })),
    };
  }
  const crosswalk = document as CrosswalkFile;
  const problems: CrosswalkProblem[] = [];
  if (crosswalk.from.key === crosswalk.to.key) {
    problems.push({
      path: '/to/key',
      message:
        'a crosswalk maps two different frameworks; versions of one framework state their correspondences instead',
    });
  }
  const seen = new Set<string>();
  crosswalk.mappings.forEach((mapping, index) => {
    const pair = `${mapping.from}\u0000${mapping.to}`;
    if (seen.has(pair)) {
      problems.push({ path: `/mappings/${index}`, message: `'${mapping.from}' and '${mapping.to}' are mapped twice` });
    }
    seen.add(pair);
  });
  return problems.length === 0 ? { valid: true, crosswalk } : { valid: false, problems };
}

/** Checks that both framework versions are the ones named and hold every element mapped. */
export function validateCrosswalkElements(
  crosswalk: CrosswalkFile,
  from: FrameworkFile,
  to: FrameworkFile,
): CrosswalkProblem[] {
  const problems: CrosswalkProblem[] = [];
  const check = (side: 'from' | 'to', framework: FrameworkFile) => {
    const named = crosswalk[side];
    if (named.key !== framework.key || named.version !== framework.version) {
      problems.push({
        path: `/${side}`,
        message: `names ${named.key} ${named.version} but was checked against ${framework.key} ${framework.version}`,
      });
      return;
    }
    const ids = new Set(listElements(framework).map(({ element }) => element.id));
    crosswalk.mappings.forEach((mapping, index) => {
      if (!ids.has(mapping[side])) {
        problems.push({
          path: `/mappings/${index}/${side}`,
          message: `${framework.key} ${framework.version} has no element '${mapping[side]}'`,
        });
      }
    });
  };
  check('from', from);
  check('to', to);
  return problems;
}

/** An element of another framework that maps onto one of the viewed framework's elements. */
export interface CrosswalkCounterpart {
  /** The viewed framework's element. */
  elementKey: string;
  frameworkKey: string;
  frameworkVersion: string;
  counterpartKey: string;
  counterpartCode: string;
  counterpartTitle: string;
  relation: CrosswalkRelation;
}

/** An evidence item linked to an element of another framework version. */
export interface CounterpartEvidence {
  evidenceId: string;
  frameworkKey: string;
  frameworkVersion: string;
  elementKey: string;
}

export interface CrosswalkEvidenceSource {
  frameworkKey: string;
  frameworkVersion: string;
  elementKey: string;
  elementCode: string;
  elementTitle: string;
  relation: CrosswalkRelation;
  evidenceCount: number;
}

/** Evidence that counts towards an element only through a crosswalk, apart from the element's own. */
export interface CrosswalkEvidence {
  /** Distinct items, leaving out any already linked to the element directly. */
  evidenceCount: number;
  sources: CrosswalkEvidenceSource[];
}

/**
 * For each element of the viewed framework, the evidence linked to its counterparts in other
 * frameworks. Kept apart from the element's own counts: it never changes an element's status.
 */
export function crosswalkEvidence(
  elementKeys: readonly string[],
  counterparts: readonly CrosswalkCounterpart[],
  evidence: readonly CounterpartEvidence[],
  directEvidence: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, CrosswalkEvidence> {
  const itemsAt = new Map<string, Set<string>>();
  for (const item of evidence) {
    const at = `${item.frameworkKey}|${item.frameworkVersion}|${item.elementKey}`;
    itemsAt.set(at, (itemsAt.get(at) ?? new Set()).add(item.evidenceId));
  }
  const result = new Map<string, CrosswalkEvidence>();
  for (const elementKey of elementKeys) {
    const direct = directEvidence.get(elementKey) ?? new Set<string>();
    const counted = new Set<string>();
    const sources: CrosswalkEvidenceSource[] = [];
    for (const counterpart of counterparts.filter((candidate) => candidate.elementKey === elementKey)) {
      const items = [
        ...(itemsAt.get(`${counterpart.frameworkKey}|${counterpart.frameworkVersion}|${counterpart.counterpartKey}`) ??
          []),
      ].filter((id) => !direct.has(id));
      if (items.length === 0) continue;
      items.forEach((id) => counted.add(id));
      sources.push({
        frameworkKey: counterpart.frameworkKey,
        frameworkVersion: counterpart.frameworkVersion,
        elementKey: counterpart.counterpartKey,
        elementCode: counterpart.counterpartCode,
        elementTitle: counterpart.counterpartTitle,
        relation: counterpart.relation,
        evidenceCount: items.length,
      });
    }
    result.set(elementKey, { evidenceCount: counted.size, sources });
  }
  return result;
}
