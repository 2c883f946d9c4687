import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { canonicalJson } from './canonical-json';
import { listElements } from './framework-file';
import { formatProblems, validateFrameworkFile } from './validate-framework-file';

const frameworkDataDir = resolve(__dirname, '../../../../framework-data');
const schema = readJson(join(frameworkDataDir, 'schema/framework.schema.json')) as object;
const notFrameworks = new Set(['schema', 'invalid', 'assessments', 'crosswalks']);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function frameworkFiles(): string[] {
  return readdirSync(frameworkDataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !notFrameworks.has(entry.name))
    .flatMap((entry) =>
      readdirSync(join(frameworkDataDir, entry.name))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `${entry.name}/${name}`),
    );
}

describe('framework files shipped in framework-data/', () => {
  it('includes the MLCF and the Healthcare Leadership Model', () => {
    expect(frameworkFiles()).toEqual(
      expect.arrayContaining(['mlcf/2010.json', 'healthcare-leadership-model/2013.json']),
    );
  });

  it.each(frameworkFiles())('%s validates and is stored under its own key and version', (file) => {
    const result = validateFrameworkFile(readJson(join(frameworkDataDir, file)), schema);
    if (!result.valid) {
      throw new Error(`${file} is invalid:\n${formatProblems(result.problems)}`);
    }
    expect(`${result.framework.key}/${result.framework.version}.json`).toBe(file);
  });

  it('holds the MLCF as 4 stages, 7 domains and 28 elements, the senior domains at senior-leadership only', () => {
    const result = validateFrameworkFile(readJson(join(frameworkDataDir, 'mlcf/2010.json')), schema);
    if (!result.valid) throw new Error(formatProblems(result.problems));
    const mlcf = result.framework;
    expect(mlcf.stages.map((stage) => stage.id)).toEqual([
      'undergraduate',
      'postgraduate',
      'continuing-practice',
      'senior-leadership',
    ]);
    expect(mlcf.domains?.map((domain) => domain.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const elements = listElements(mlcf);
    expect(elements).toHaveLength(28);
    for (const { element, domain } of elements) {
      const stages = Object.keys(element.outcomes);
      const expected = Number(domain?.id) >= 6 ? ['senior-leadership'] : mlcf.stages.map((stage) => stage.id);
      expect({ element: element.id, stages }).toEqual({ element: element.id, stages: expected });
      for (const statements of Object.values(element.outcomes)) {
        expect(statements.length).toBeGreaterThanOrEqual(2);
        expect(statements.length).toBeLessThanOrEqual(4);
      }
    }
  });
});

describe('invalid fixtures in framework-data/invalid/', () => {
  const expectedProblems: Record<string, { path: string; message: RegExp }> = {
    'missing-element-id.json': { path: '/domains/0/elements/1', message: /missing the required property 'id'/ },
    'duplicate-element-id.json': { path: '/domains/0/elements/1/id', message: /duplicate id '1\.1'/ },
    'element-without-stage.json': { path: '/domains/0/elements/1/outcomes', message: /applies at no stage/ },
    'unknown-stage.json': {
      path: '/domains/0/elements/1/outcomes/intermediate',
      message: /unknown stage 'intermediate'/,
    },
    'domains-and-elements.json': { path: '', message: /either under 'domains' or under 'elements'/ },
    'level-without-rating-scale.json': {
      path: '/domains/0/elements/0/levelDescriptors/strong',
      message: /no ratingScale/,
    },
    'missing-framework-key.json': { path: '', message: /missing the required property 'key'/ },
    'correspondences-without-previous-version.json': {
      path: '',
      message: /'correspondences' needs 'previousVersion' beside it/,
    },
    'correspondence-to-unknown-element.json': {
      path: '/correspondences/0/element',
      message: /names element '1\.3', which this version does not have/,
    },
  };

  it('has an expectation for every fixture', () => {
    const fixtures = readdirSync(join(frameworkDataDir, 'invalid')).filter((name) => name.endsWith('.json'));
    expect(fixtures.sort()).toEqual(Object.keys(expectedProblems).sort());
  });

  it.each(Object.entries(expectedProblems))('rejects %s with a clear message', (fixture, expected) => {
    const result = validateFrameworkFile(readJson(join(frameworkDataDir, 'invalid', fixture)), schema);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.problems).toContainEqual({ path: expected.path, message: expect.stringMatching(expected.message) });
  });
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
  });
});
