import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { crosswalkEvidence, validateCrosswalkElements, validateCrosswalkFile } from './crosswalk';
import type { FrameworkFile } from './framework-file';

const frameworkDataDir = resolve(__dirname, '../../../../framework-data');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(frameworkDataDir, path), 'utf8'));
const schema = readJson('schema/crosswalk.schema.json') as object;

describe('crosswalk files shipped in framework-data/crosswalks', () => {
  const files = readdirSync(join(frameworkDataDir, 'crosswalks')).filter((name) => name.endsWith('.json'));

  it('includes MLCF ↔ Healthcare Leadership Model', () => {
    expect(files).toContain('mlcf-2010--healthcare-leadership-model-2013.json');
  });

  it.each(files)('%s validates, is named after its key and maps only elements the frameworks have', (file) => {
    const result = validateCrosswalkFile(readJson(`crosswalks/${file}`), schema);
    if (!result.valid) throw new Error(JSON.stringify(result.problems));
    const { crosswalk } = result;
    expect(`${crosswalk.key}.json`).toBe(file);
    const from = readJson(`${crosswalk.from.key}/${crosswalk.from.version}.json`) as FrameworkFile;
    const to = readJson(`${crosswalk.to.key}/${crosswalk.to.version}.json`) as FrameworkFile;
    expect(validateCrosswalkElements(crosswalk, from, to)).toEqual([]);
  });

  it('keeps exact matches for statements that truly match: mostly the frameworks are only related', () => {
    const result = validateCrosswalkFile(
      readJson('crosswalks/mlcf-2010--healthcare-leadership-model-2013.json'),
      schema,
    );
    if (!result.valid) throw new Error('invalid');
    const exact = result.crosswalk.mappings.filter((mapping) => mapping.type === 'exactMatchOf');
    expect(exact.length).toBeLessThan(result.crosswalk.mappings.length / 4);
    // Every one of the nine dimensions has at least one MLCF counterpart.
    expect(new Set(result.crosswalk.mappings.map((mapping) => mapping.to)).size).toBe(9);
  });
});

describe('crosswalk validation', () => {
  const valid = {
    key: 'a-1--b-1',
    title: 'A and B',
    description: 'Test crosswalk.',
    from: { key: 'a', version: '1' },
    to: { key: 'b', version: '1' },
    mappings: [{ from: 'x', to: 'y', type: 'isRelatedTo' }],
  };

  it('refuses an unknown relation, a pair mapped twice and a framework mapped to itself', () => {
    const badType = validateCrosswalkFile({ ...valid, mappings: [{ from: 'x', to: 'y', type: 'replacedBy' }] }, schema);
    expect(!badType.valid && badType.problems[0]?.path).toBe('/mappings/0/type');
    const twice = validateCrosswalkFile({ ...valid, mappings: [...valid.mappings, ...valid.mappings] }, schema);
    expect(!twice.valid && twice.problems).toEqual([{ path: '/mappings/1', message: "'x' and 'y' are mapped twice" }]);
    const itself = validateCrosswalkFile({ ...valid, to: { key: 'a', version: '2' } }, schema);
    expect(!itself.valid && itself.problems[0]?.path).toBe('/to/key');
  });

  it('names an element a framework does not have', () => {
    const framework = (key: string, id: string) =>
      ({
        key,
        version: '1',
        elements: [{ id, title: id, summary: id, outcomes: { all: ['x'] } }],
      }) as unknown as FrameworkFile;
    const result = validateCrosswalkFile(valid, schema);
    if (!result.valid) throw new Error('invalid');
    expect(validateCrosswalkElements(result.crosswalk, framework('a', 'x'), framework('b', 'other'))).toEqual([
      { path: '/mappings/0/to', message: "b 1 has no element 'y'" },
    ]);
  });
});

describe('evidence through a crosswalk', () => {
  it('counts items linked to counterparts, once each, apart from those linked directly', () => {
    const counterpart = (elementKey: string, counterpartKey: string, relation: 'exactMatchOf' | 'isRelatedTo') => ({
      elementKey,
      frameworkKey: 'mlcf',
      frameworkVersion: '2010',
      counterpartKey,
      counterpartCode: counterpartKey,
      counterpartTitle: `Element ${counterpartKey}`,
      relation,
    });
    const linked = (evidenceId: string, elementKey: string) => ({
      evidenceId,
      frameworkKey: 'mlcf',
      frameworkVersion: '2010',
      elementKey,
    });
    const result = crosswalkEvidence(
      ['evaluating-information', 'leading-with-care', 'holding-to-account'],
      [
        counterpart('evaluating-information', '4.2', 'exactMatchOf'),
        counterpart('evaluating-information', '5.2', 'isRelatedTo'),
        counterpart('leading-with-care', '1.1', 'isRelatedTo'),
      ],
      [linked('audit', '4.2'), linked('audit', '5.2'), linked('lit-review', '5.2'), linked('reflection', '1.1')],
      new Map([['leading-with-care', new Set(['reflection'])]]),
    );
    expect(result.get('evaluating-information')).toEqual({
      evidenceCount: 2,
      sources: [
        {
          frameworkKey: 'mlcf',
          frameworkVersion: '2010',
          elementKey: '4.2',
          elementCode: '4.2',
          elementTitle: 'Element 4.2',
          relation: 'exactMatchOf',
          evidenceCount: 1,
        },
        {
          frameworkKey: 'mlcf',
          frameworkVersion: '2010',
          elementKey: '5.2',
          elementCode: '5.2',
          elementTitle: 'Element 5.2',
          relation: 'isRelatedTo',
          evidenceCount: 2,
        },
      ],
    });
    expect(result.get('leading-with-care')).toEqual({ evidenceCount: 0, sources: [] });
    expect(result.get('holding-to-account')).toEqual({ evidenceCount: 0, sources: [] });
  });
});
