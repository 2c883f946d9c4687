import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type CarryOverInput, planCarryOver, validateCorrespondences } from './correspondences';
import type { FrameworkFile, FrameworkFileElement } from './framework-file';
import { formatProblems, validateFrameworkFile } from './validate-framework-file';

const schema = JSON.parse(
  readFileSync(join(resolve(__dirname, '../../../..'), 'framework-data/schema/framework.schema.json'), 'utf8'),
) as object;

const element = (id: string, stages: string[] = ['early', 'late']): FrameworkFileElement => ({
  id,
  title: `Element ${id}`,
  summary: `What ${id} is about.`,
  outcomes: Object.fromEntries(stages.map((stage) => [stage, [`Shows ${id} at ${stage}.`]])),
});

const base = {
  key: 'teamwork',
  status: 'published' as const,
  title: 'Teamwork',
  description: 'A small framework for tests.',
  stages: [
    { id: 'early', title: 'Early', description: 'Early in training.' },
    { id: 'late', title: 'Late', description: 'Late in training.' },
  ],
};

/** Version 1: four elements. Version 2 keeps t1, renames t2, splits t3 and retires t4; t5 is new and late-only. */
const version1: FrameworkFile = {
  ...base,
  version: '1',
  domains: [
    { id: 't', title: 'Team', summary: 'Team work.', elements: ['t1', 't2', 't3', 't4'].map((id) => element(id)) },
  ],
};
const version2: FrameworkFile = {
  ...base,
  version: '2',
  previousVersion: '1',
  domains: [
    {
      id: 't',
      title: 'Team',
      summary: 'Team work.',
      elements: [element('t1'), element('t2b'), element('t3a'), element('t3b'), element('t5', ['late'])],
    },
  ],
  correspondences: [
    { type: 'exactMatchOf', previousElement: 't1', element: 't1' },
    { type: 'replacedBy', previousElement: 't2', element: 't2b' },
    { type: 'replacedBy', previousElement: 't3', element: 't3a' },
    { type: 'replacedBy', previousElement: 't3', element: 't3b' },
  ],
};

const newStagesOf = new Map([
  ['t1', new Set(['early', 'late'])],
  ['t2b', new Set(['early', 'late'])],
  ['t3a', new Set(['early', 'late'])],
  ['t3b', new Set(['early', 'late'])],
  ['t5', new Set(['late'])],
]);

describe('version correspondences', () => {
  it('accepts a version that states them, and checks them against the previous version', () => {
    const result = validateFrameworkFile(version2, schema);
    if (!result.valid) throw new Error(formatProblems(result.problems));
    expect(validateCorrespondences(version2, version1)).toEqual([]);
  });

  it('refuses correspondences without a previous version, or naming elements neither version has', () => {
    const { previousVersion: _dropped, ...withoutPrevious } = version2;
    const missing = validateFrameworkFile(withoutPrevious, schema);
    expect(missing.valid).toBe(false);
    expect(!missing.valid && missing.problems[0]?.message).toBe("'correspondences' needs 'previousVersion' beside it");

    const unknownHere = validateFrameworkFile(
      { ...version2, correspondences: [{ type: 'replacedBy', previousElement: 't2', element: 'nope' }] },
      schema,
    );
    expect(!unknownHere.valid && unknownHere.problems).toEqual([
      {
        path: '/correspondences/0/element',
        message: "correspondence names element 'nope', which this version does not have",
      },
    ]);

    const unknownThere = validateCorrespondences(
      { ...version2, correspondences: [{ type: 'replacedBy', previousElement: 'zz', element: 't2b' }] },
      version1,
    );
    expect(unknownThere).toEqual([
      { path: '/correspondences/0/previousElement', message: "teamwork 1 has no element 'zz'" },
    ]);
  });

  it('refuses an exact match that also corresponds to something else, and a wrong previous version', () => {
    const problems = validateCorrespondences(
      {
        ...version2,
        correspondences: [
          { type: 'exactMatchOf', previousElement: 't1', element: 't1' },
          { type: 'replacedBy', previousElement: 't1', element: 't2b' },
        ],
      },
      version1,
    );
    expect(problems.map((problem) => problem.path)).toEqual(['/correspondences/0']);
    expect(validateCorrespondences({ ...version2, previousVersion: '0' }, version1)[0]?.path).toBe('/previousVersion');
  });
});

describe('planning a carry-over', () => {
  const input = (overrides: Partial<CarryOverInput> = {}): CarryOverInput => ({
    correspondences: version2.correspondences ?? [],
    newStagesOf,
    links: [
      { traineeId: 'ann', evidenceId: 'e1', elementKey: 't1', stageKey: 'early' },
      { traineeId: 'ann', evidenceId: 'e2', elementKey: 't2', stageKey: 'late' },
      { traineeId: 'ann', evidenceId: 'e3', elementKey: 't3', stageKey: 'early' },
      { traineeId: 'ann', evidenceId: 'e4', elementKey: 't4', stageKey: 'early' },
    ],
    signOffs: [
      { traineeId: 'ann', signOffId: 's1', elementKey: 't1', stageKey: 'early' },
      { traineeId: 'ann', signOffId: 's2', elementKey: 't2', stageKey: 'late' },
      { traineeId: 'ann', signOffId: 's3', elementKey: 't3', stageKey: 'early' },
      { traineeId: 'ann', signOffId: 's4', elementKey: 't4', stageKey: 'early' },
    ],
    existingLinks: [],
    existingSignOffs: [],
    ...overrides,
  });

  it('carries exact matches and replacements, splits links across, and reports retired elements', () => {
    const [plan] = planCarryOver(input());
    expect(plan?.carried).toEqual([
      {
        kind: 'evidence-link',
        id: 'e1',
        from: { elementKey: 't1', stageKey: 'early' },
        to: { elementKey: 't1', stageKey: 'early' },
        relation: 'exactMatchOf',
        alreadyPresent: false,
      },
      {
        kind: 'evidence-link',
        id: 'e2',
        from: { elementKey: 't2', stageKey: 'late' },
        to: { elementKey: 't2b', stageKey: 'late' },
        relation: 'replacedBy',
        alreadyPresent: false,
      },
      {
        kind: 'evidence-link',
        id: 'e3',
        from: { elementKey: 't3', stageKey: 'early' },
        to: { elementKey: 't3a', stageKey: 'early' },
        relation: 'replacedBy',
        alreadyPresent: false,
      },
      {
        kind: 'evidence-link',
        id: 'e3',
        from: { elementKey: 't3', stageKey: 'early' },
        to: { elementKey: 't3b', stageKey: 'early' },
        relation: 'replacedBy',
        alreadyPresent: false,
      },
      {
        kind: 'sign-off',
        id: 's1',
        from: { elementKey: 't1', stageKey: 'early' },
        to: { elementKey: 't1', stageKey: 'early' },
        relation: 'exactMatchOf',
        alreadyPresent: false,
      },
      {
        kind: 'sign-off',
        id: 's2',
        from: { elementKey: 't2', stageKey: 'late' },
        to: { elementKey: 't2b', stageKey: 'late' },
        relation: 'replacedBy',
        alreadyPresent: false,
      },
    ]);
    expect(plan?.notCarried.map(({ kind, id, reason }) => ({ kind, id, reason }))).toEqual([
      { kind: 'evidence-link', id: 'e4', reason: 'retired' },
      { kind: 'sign-off', id: 's3', reason: 'needs-new-judgement' },
      { kind: 'sign-off', id: 's4', reason: 'retired' },
    ]);
    expect(plan?.notCarried[1]?.message).toBe('Element t3 was split into t3a, t3b: a supervisor judges each afresh');
  });

  it('does not carry onto a stage the new element does not apply at', () => {
    const [plan] = planCarryOver(
      input({
        correspondences: [{ type: 'replacedBy', previousElement: 't4', element: 't5' }],
        links: [{ traineeId: 'bo', evidenceId: 'e9', elementKey: 't4', stageKey: 'early' }],
        signOffs: [],
      }),
    );
    expect(plan?.carried).toEqual([]);
    expect(plan?.notCarried[0]).toMatchObject({
      reason: 'stage-not-applicable',
      to: { elementKey: 't5', stageKey: 'early' },
    });
  });

  it('plans nothing new when run again over what it wrote, and leaves other judgements alone', () => {
    const again = planCarryOver(
      input({
        existingLinks: [
          { traineeId: 'ann', evidenceId: 'e1', elementKey: 't1', stageKey: 'early' },
          { traineeId: 'ann', evidenceId: 'e2', elementKey: 't2b', stageKey: 'late' },
          { traineeId: 'ann', evidenceId: 'e3', elementKey: 't3a', stageKey: 'early' },
          { traineeId: 'ann', evidenceId: 'e3', elementKey: 't3b', stageKey: 'early' },
        ],
        existingSignOffs: [
          { traineeId: 'ann', elementKey: 't1', stageKey: 'early', carriedFrom: 's1' },
          { traineeId: 'ann', elementKey: 't2b', stageKey: 'late', carriedFrom: null },
        ],
      }),
    );
    expect(again[0]?.carried.every((record) => record.alreadyPresent)).toBe(true);
    expect(again[0]?.carried.map((record) => record.id)).toEqual(['e1', 'e2', 'e3', 'e3', 's1']);
    expect(again[0]?.notCarried.find((record) => record.id === 's2')?.reason).toBe('already-judged');
  });
});
