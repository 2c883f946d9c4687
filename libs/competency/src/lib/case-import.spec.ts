import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { casePackageToFramework } from './case-import';
import { type CasePackage, frameworkToCasePackage } from './case-package';
import { type FrameworkFile, listElements } from './framework-file';
import { validateFrameworkFile } from './validate-framework-file';

const root = resolve(__dirname, '../../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const frameworkSchema = readJson(join(root, 'framework-data/schema/framework.schema.json')) as object;
const mlcf = readJson(join(root, 'framework-data/mlcf/2010.json')) as FrameworkFile;
const hlm = readJson(join(root, 'framework-data/healthcare-leadership-model/2013.json')) as FrameworkFile;
const options = { baseUri: 'https://portfolio.example/ims/case/v1p1', lastChangeDateTime: '2026-11-23T10:00:00+00:00' };

function imported(casePackage: unknown, importOptions = {}): FrameworkFile {
  const result = casePackageToFramework(casePackage, importOptions);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const checked = validateFrameworkFile(result.framework, frameworkSchema);
  if (!checked.valid) throw new Error(JSON.stringify(checked.problems));
  return result.framework;
}

/** A fixed shuffle, so the test is the same every run. */
function shuffled<T>(values: T[], seed: number): T[] {
  const copy = [...values];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

describe('importing CASE 1.1 packages', () => {
  it.each([
    ['MLCF', mlcf],
    ['Healthcare Leadership Model', hlm],
  ])('round-trips the %s: export, import, export gives the same package', (_name, framework) => {
    const exported = frameworkToCasePackage(framework, options);
    const back = imported(exported);
    expect(frameworkToCasePackage(back, options)).toEqual(exported);
    expect(listElements(back).map(({ element }) => element.outcomes)).toEqual(
      listElements(framework).map(({ element }) => element.outcomes),
    );
  });

  it('rebuilds the tree of a package written in another style', () => {
    const original = frameworkToCasePackage(mlcf, options);
    const renamed: Record<string, string> = {
      Domain: 'Competency Area',
      Element: 'Competency',
      Outcome: 'Performance Indicator',
    };
    const other: CasePackage = {
      ...original,
      CFDocument: { ...original.CFDocument, extensions: {}, title: 'Leadership Framework (official wording)' },
      CFItems: shuffled(
        [
          ...original.CFItems.map((item) => ({
            ...item,
            CFItemType: renamed[item.CFItemType] ?? item.CFItemType,
            notes: undefined,
            extensions: { sourceSystem: 'another-tool' },
          })),
          {
            ...(original.CFItems[0] as CasePackage['CFItems'][number]),
            identifier: '11111111-1111-4111-8111-111111111111',
            uri: 'https://elsewhere.example/CFItems/11111111-1111-4111-8111-111111111111',
            fullStatement: 'An editorial comment',
            CFItemType: 'Comment',
          },
        ],
        7,
      ),
      CFAssociations: shuffled(
        [
          ...original.CFAssociations,
          {
            ...(original.CFAssociations[0] as CasePackage['CFAssociations'][number]),
            identifier: '22222222-2222-4222-8222-222222222222',
            associationType: 'ext:hasExample',
          },
        ],
        11,
      ),
    };
    const result = casePackageToFramework(other, { key: 'mlcf-official' });
    expect(result.itemTypes).toMatchObject({
      'competency area': 'domain',
      competency: 'element',
      'performance indicator': 'outcome',
      comment: 'ignore',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const framework = result.framework;
    expect(framework.key).toBe('mlcf-official');
    expect(framework.domains?.map((domain) => domain.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(framework.domains?.[3]?.elements.map((element) => element.title)).toEqual(
      mlcf.domains?.[3]?.elements.map((element) => element.title),
    );
    expect(listElements(framework).map(({ element }) => element.outcomes)).toEqual(
      listElements(mlcf).map(({ element }) => element.outcomes),
    );
    // Stages come from the outcomes' education levels when the package does not describe them.
    expect(framework.stages.map((stage) => stage.id)).toEqual([
      'undergraduate',
      'postgraduate',
      'continuing-practice',
      'senior-leadership',
    ]);
    expect(framework.source?.nodes['element/4.2']?.identifier).toBe(
      original.CFItems.find((item) => item.humanCodingScheme === '4.2')?.identifier,
    );
  });

  it('lets the administrator say what an unfamiliar item type is', () => {
    const original = frameworkToCasePackage(hlm, options);
    const strange = {
      ...original,
      CFItems: original.CFItems.map((item) => ({
        ...item,
        CFItemType: item.CFItemType === 'Element' ? 'Leadership Behaviour' : item.CFItemType,
      })),
    };
    const unmapped = casePackageToFramework(strange);
    expect(unmapped.ok).toBe(false);
    expect(unmapped.itemTypes['leadership behaviour']).toBe('ignore');
    const mapped = casePackageToFramework(strange, { itemTypeRoles: { 'Leadership Behaviour': 'element' } });
    expect(mapped.ok && mapped.framework.elements?.length).toBe(9);
  });

  it('names what is wrong with a package whose tree is broken', () => {
    const original = frameworkToCasePackage(hlm, options);
    const [first, ...rest] = original.CFAssociations;
    const broken = {
      ...original,
      CFAssociations: [
        {
          ...first,
          destinationNodeURI: { ...first?.destinationNodeURI, identifier: '33333333-3333-4333-8333-333333333333' },
        },
        ...rest,
        { ...rest[0], identifier: '44444444-4444-4444-8444-444444444444' },
      ],
    };
    const result = casePackageToFramework(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('neither the document nor an item of the package'),
      expect.stringContaining('is the child of two parents'),
    ]);
  });
});
