import addFormats from 'ajv-formats';
import Ajv2019 from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { casePackageToFramework } from './case-import';
import { type CaseAssociation, frameworkToCasePackage } from './case-package';
import type { CrosswalkFile } from './crosswalk';
import type { FrameworkFile } from './framework-file';
import { validateFrameworkFile } from './validate-framework-file';

const root = resolve(__dirname, '../../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const caseSchema = readJson('framework-data/schema/case-v1p1-cfpackage.schema.json') as object;
const frameworkSchema = readJson('framework-data/schema/framework.schema.json') as object;
const mlcf = readJson('framework-data/mlcf/2010.json') as FrameworkFile;
const hlm = readJson('framework-data/healthcare-leadership-model/2013.json') as FrameworkFile;
const crosswalk = readJson(
  'framework-data/crosswalks/mlcf-2010--healthcare-leadership-model-2013.json',
) as CrosswalkFile & { $schema?: string };
const options = { baseUri: 'https://portfolio.example/ims/case/v1p1', lastChangeDateTime: '2026-11-23T10:00:00+00:00' };

/** The MLCF again as version 2026: 1.1 unchanged, 3.4 renamed, 4.4 retired. */
const mlcf2026: FrameworkFile = {
  ...mlcf,
  version: '2026',
  previousVersion: '2010',
  domains: (mlcf.domains ?? []).map((domain) => ({
    ...domain,
    elements: domain.elements
      .filter((element) => element.id !== '4.4')
      .map((element) =>
        element.id === '3.4' ? { ...element, id: '3.5', title: 'Holding Services to Account' } : element,
      ),
  })),
  correspondences: [
    { type: 'exactMatchOf', previousElement: '1.1', element: '1.1' },
    { type: 'replacedBy', previousElement: '3.4', element: '3.5' },
  ],
};

function validate(value: unknown): void {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(caseSchema);
  if (!check(value)) throw new Error(JSON.stringify(check.errors?.slice(0, 5), null, 2));
}

describe('correspondences and crosswalks as CASE associations', () => {
  it('exports exactMatchOf from the new element and replacedBy from the old one, pointing into the previous version', () => {
    const exported = frameworkToCasePackage(mlcf2026, { ...options, previous: mlcf });
    validate(exported);
    const previousPackage = frameworkToCasePackage(mlcf, options);
    const previousItem = (code: string) =>
      previousPackage.CFItems.find((item) => item.humanCodingScheme === code && item.CFItemType === 'Element');
    const ownItem = (code: string) =>
      exported.CFItems.find((item) => item.humanCodingScheme === code && item.CFItemType === 'Element');
    const byType = (type: string) =>
      exported.CFAssociations.filter((association) => association.associationType === type);
    expect(byType('exactMatchOf')).toEqual([
      expect.objectContaining({
        originNodeURI: expect.objectContaining({ identifier: ownItem('1.1')?.identifier }),
        destinationNodeURI: {
          title: 'Developing Self Awareness',
          identifier: previousItem('1.1')?.identifier,
          uri: previousItem('1.1')?.uri,
        },
        extensions: { counterpart: { frameworkKey: 'mlcf', frameworkVersion: '2010', elementId: '1.1' } },
      }),
    ]);
    expect(byType('replacedBy')).toEqual([
      expect.objectContaining({
        originNodeURI: expect.objectContaining({ identifier: previousItem('3.4')?.identifier }),
        destinationNodeURI: expect.objectContaining({ identifier: ownItem('3.5')?.identifier }),
      }),
    ]);
  });

  it('round-trips correspondences: export, import, export gives the same package', () => {
    const exported = frameworkToCasePackage(mlcf2026, { ...options, previous: mlcf });
    const result = casePackageToFramework(exported);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(validateFrameworkFile(result.framework, frameworkSchema).valid).toBe(true);
    expect(result.framework.previousVersion).toBe('2010');
    expect(result.framework.correspondences).toEqual(mlcf2026.correspondences);
    expect(result.crosswalks).toEqual([]);
    expect(frameworkToCasePackage(result.framework, { ...options, previous: mlcf })).toEqual(exported);
  });

  it('exports a crosswalk from the framework it starts at, and reads it back with its notes', () => {
    const exported = frameworkToCasePackage(mlcf, { ...options, crosswalks: [{ crosswalk, counterpart: hlm }] });
    validate(exported);
    const related = exported.CFAssociations.filter((association) => association.associationType === 'isRelatedTo');
    expect(related).toHaveLength(crosswalk.mappings.filter((mapping) => mapping.type === 'isRelatedTo').length);
    const hlmPackage = frameworkToCasePackage(hlm, options);
    const engaging = hlmPackage.CFItems.find((item) => item.fullStatement === 'Engaging the team');
    expect(
      exported.CFAssociations.find(
        (association: CaseAssociation) =>
          association.associationType === 'exactMatchOf' &&
          association.destinationNodeURI.identifier === engaging?.identifier,
      )?.notes,
    ).toContain('contribute ideas');

    const result = casePackageToFramework(exported);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.framework.correspondences).toBeUndefined();
    const [back] = result.crosswalks;
    expect(back).toMatchObject({ key: crosswalk.key, from: crosswalk.from, to: crosswalk.to });
    expect(back?.mappings).toEqual(crosswalk.mappings);
    expect(
      frameworkToCasePackage(result.framework, { ...options, crosswalks: [{ crosswalk, counterpart: hlm }] }),
    ).toEqual(exported);
  });

  it('places the far end of an association without extensions through the resolver, as a package from elsewhere', () => {
    const exported = frameworkToCasePackage(mlcf2026, { ...options, previous: mlcf });
    const bare = {
      ...exported,
      CFAssociations: exported.CFAssociations.map(({ extensions: _dropped, ...association }) => association),
    };
    const previousPackage = frameworkToCasePackage(mlcf, options);
    const byIdentifier = new Map(
      previousPackage.CFItems.filter((item) => item.CFItemType === 'Element').map((item) => [
        item.identifier,
        { frameworkKey: 'mlcf', frameworkVersion: '2010', elementId: item.humanCodingScheme ?? '' },
      ]),
    );
    const result = casePackageToFramework(bare, { resolveCounterpart: (identifier) => byIdentifier.get(identifier) });
    expect(result.ok && result.framework.correspondences).toEqual(mlcf2026.correspondences);
    const unplaced = casePackageToFramework(bare);
    expect(unplaced.ok && unplaced.framework.correspondences).toBeUndefined();
  });
});
