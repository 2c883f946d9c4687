import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { listElements } from './framework-file';
import { validateAssessmentTemplate } from './validate-assessment-template';
import { formatProblems, validateFrameworkFile } from './validate-framework-file';

const frameworkDataDir = resolve(__dirname, '../../../../framework-data');
const assessmentsDir = join(frameworkDataDir, 'assessments');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const schema = readJson(join(frameworkDataDir, 'schema/assessment-template.schema.json')) as object;

function mlcfElementKeys(): Set<string> {
  const result = validateFrameworkFile(
    readJson(join(frameworkDataDir, 'mlcf/2010.json')),
    readJson(join(frameworkDataDir, 'schema/framework.schema.json')) as object,
  );
  if (!result.valid) throw new Error(formatProblems(result.problems));
  return new Set(listElements(result.framework).map(({ element }) => element.id));
}

const templates = readdirSync(assessmentsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'invalid')
  .flatMap((entry) => readdirSync(join(assessmentsDir, entry.name)).map((file) => `${entry.name}/${file}`));

describe('assessment templates shipped in framework-data/assessments/', () => {
  it('include the business plan, the leadership case-based discussion and the placement review', () => {
    expect(templates.sort()).toEqual([
      'leadership-case-based-discussion/1.json',
      'service-improvement-business-plan/1.json',
      'supervisor-placement-review/1.json',
    ]);
  });

  it.each(templates)('%s validates against the schema and the MLCF', (file) => {
    const result = validateAssessmentTemplate(readJson(join(assessmentsDir, file)), schema, mlcfElementKeys());
    if (!result.valid) throw new Error(`${file}:\n${formatProblems(result.problems)}`);
    expect(`${result.template.key}/${result.template.version}.json`).toBe(file);
  });

  it('maps the business plan sections to the elements framework-facts.md gives', () => {
    const result = validateAssessmentTemplate(
      readJson(join(assessmentsDir, 'service-improvement-business-plan/1.json')),
      schema,
      null,
    );
    if (!result.valid) throw new Error(formatProblems(result.problems));
    const mapping = Object.fromEntries(
      (result.template.criteria ?? []).map((criterion) => [criterion.id, criterion.elements.join(',')]),
    );
    expect(mapping).toEqual({
      problem: '4.2,5.1',
      aim: '',
      stakeholders: '2.1,2.2,2.3,2.4',
      baseline: '5.2',
      options: '5.3',
      method: '4.3,4.4',
      measures: '5.4',
      resources: '3.2',
      risks: '4.1',
      'future-demand': '3.1,5.1',
      implementation: '3.1,3.4',
      sustainability: '4.4',
      reflection: '1.1,1.3',
    });
    expect(result.template.ratingScale.map((level) => level.title)).toEqual([
      'Below expectations',
      'Meets expectations',
      'Above expectations',
    ]);
  });
});

describe('invalid templates in framework-data/assessments/invalid/', () => {
  const expected: Record<string, RegExp> = {
    'duplicate-criterion-id.json': /duplicate criterion id 'personal-qualities'/,
    'criterion-for-unknown-section.json': /unknown section 'no-such-section'/,
    'unknown-element.json': /element '9\.9', which mlcf does not have/,
    'one-level-rating-scale.json': /must NOT have fewer than 2 items/,
    'select-without-options.json': /missing the required property 'options'/,
  };

  it('has an expectation for every fixture', () => {
    expect(readdirSync(join(assessmentsDir, 'invalid')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('rejects %s with a clear message', (fixture, message) => {
    const result = validateAssessmentTemplate(
      readJson(join(assessmentsDir, 'invalid', fixture)),
      schema,
      mlcfElementKeys(),
    );
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(formatProblems(result.problems)).toMatch(message);
  });
});
