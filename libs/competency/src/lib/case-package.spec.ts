import addFormats from 'ajv-formats';
import Ajv2019 from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { caseIdentifier, frameworkToCasePackage } from './case-package';
import type { FrameworkFile } from './framework-file';

const root = resolve(__dirname, '../../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const caseSchema = readJson(join(root, 'framework-data/schema/case-v1p1-cfpackage.schema.json'));
const mlcf = readJson(join(root, 'framework-data/mlcf/2010.json')) as FrameworkFile;
const hlm = readJson(join(root, 'framework-data/healthcare-leadership-model/2013.json')) as FrameworkFile;
const options = { baseUri: 'https://portfolio.example/ims/case/v1p1', lastChangeDateTime: '2026-11-23T10:00:00+00:00' };

function validator() {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(caseSchema as object);
}

describe('frameworks as CASE 1.1 packages', () => {
  it.each([
    ['MLCF', mlcf],
    ['Healthcare Leadership Model', hlm],
  ])('exports the %s as a CFPackage the official schema accepts', (_name, framework) => {
    const validate = validator();
    const exported = frameworkToCasePackage(framework, options);
    const valid = validate(exported);
    if (!valid) throw new Error(JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    expect(valid).toBe(true);
  });

  it('gives every domain, element and outcome an item, linked into one tree with sequence numbers', () => {
    const exported = frameworkToCasePackage(mlcf, options);
    const byType = (type: string) => exported.CFItems.filter((item) => item.CFItemType === type);
    expect(byType('Domain')).toHaveLength(7);
    expect(byType('Element')).toHaveLength(28);
    expect(byType('Outcome')).toHaveLength(264);
    const element42 = byType('Element').find((item) => item.humanCodingScheme === '4.2');
    expect(element42?.fullStatement).toBe('Critically Evaluating');
    const parentOf = (identifier: string) =>
      exported.CFAssociations.find(
        (association) =>
          association.associationType === 'isChildOf' && association.originNodeURI.identifier === identifier,
      );
    const domain4 = parentOf(element42?.identifier ?? '');
    expect(domain4).toMatchObject({ sequenceNumber: 2, destinationNodeURI: { title: 'Improving Services' } });
    expect(parentOf(domain4?.destinationNodeURI.identifier ?? '')?.destinationNodeURI.identifier).toBe(
      exported.CFDocument.identifier,
    );
    const outcomes = byType('Outcome').filter(
      (item) => parentOf(item.identifier)?.originNodeURI.identifier === item.identifier,
    );
    expect(new Set(outcomes.flatMap((item) => item.educationLevel ?? []))).toEqual(
      new Set(['undergraduate', 'postgraduate', 'continuing-practice', 'senior-leadership']),
    );
    expect(exported.CFAssociations).toHaveLength(7 + 28 + 264);
  });

  it('derives the same identifiers every time, and different ones for another version', () => {
    const first = frameworkToCasePackage(mlcf, options);
    const again = frameworkToCasePackage(mlcf, { ...options, lastChangeDateTime: '2027-01-01T00:00:00+00:00' });
    expect(again.CFItems.map((item) => item.identifier)).toEqual(first.CFItems.map((item) => item.identifier));
    expect(first.CFDocument.identifier).toBe(caseIdentifier(mlcf, 'document'));
    expect(first.CFDocument.identifier).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(caseIdentifier({ ...mlcf, version: '2011' }, 'document')).not.toBe(first.CFDocument.identifier);
    expect(first.CFDocument.uri).toBe(`${options.baseUri}/CFDocuments/${first.CFDocument.identifier}`);
  });
});
