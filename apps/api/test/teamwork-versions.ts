import type { FrameworkFile, FrameworkFileElement } from '@portfolio/competency';

const element = (id: string, stages = ['early', 'late']): FrameworkFileElement => ({
  id,
  title: `Element ${id}`,
  summary: `What ${id} is about.`,
  outcomes: Object.fromEntries(stages.map((stage) => [stage, [`Shows ${id} at ${stage}.`]])),
});

const base = {
  key: 'teamwork',
  status: 'published' as const,
  title: 'Teamwork',
  description: 'A small framework made for tests of versions.',
  stages: [
    { id: 'early', title: 'Early', description: 'Early in training.' },
    { id: 'late', title: 'Late', description: 'Late in training.' },
  ],
};

/** A small hand-made framework in two versions. */
export const teamworkVersion1: FrameworkFile = {
  ...base,
  version: '1',
  domains: [
    {
      id: 't',
      title: 'Team',
      summary: 'Team work.',
      elements: ['t1', 't2', 't3', 't4', 't6'].map((id) => element(id)),
    },
  ],
};

/** t1 unchanged, t2 renamed t2b, t3 split into t3a and t3b, t4 retired, t6 kept but now only for late stages. */
export const teamworkVersion2: FrameworkFile = {
  ...base,
  version: '2',
  previousVersion: '1',
  domains: [
    {
      id: 't',
      title: 'Team',
      summary: 'Team work.',
      elements: [element('t1'), element('t2b'), element('t3a'), element('t3b'), element('t6', ['late'])],
    },
  ],
  correspondences: [
    { type: 'exactMatchOf', previousElement: 't1', element: 't1' },
    { type: 'replacedBy', previousElement: 't2', element: 't2b' },
    { type: 'replacedBy', previousElement: 't3', element: 't3a' },
    { type: 'replacedBy', previousElement: 't3', element: 't3b' },
    { type: 'exactMatchOf', previousElement: 't6', element: 't6' },
  ],
};
