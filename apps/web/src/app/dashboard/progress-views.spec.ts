import type { ProgressView } from '@portfolio/contracts';

import { progressFixture } from '../testing/evidence-fixtures';
import {
  chartColours,
  chartSeries,
  crosswalkSourceLines,
  domainCoverage,
  elementGroups,
  gapElements,
} from './progress-views';

describe('progress views', () => {
  it('makes one stacked bar per domain, one segment per status, with the API counts', () => {
    expect(chartSeries(progressFixture())).toEqual([
      {
        name: '1 Demonstrating Personal Qualities',
        series: [
          { name: 'Signed off', value: 0 },
          { name: 'Assessed', value: 1 },
          { name: 'Evidenced', value: 1 },
          { name: 'Not started', value: 0 },
        ],
      },
      {
        name: '2 Working with Others',
        series: [
          { name: 'Signed off', value: 0 },
          { name: 'Assessed', value: 0 },
          { name: 'Evidenced', value: 0 },
          { name: 'Not started', value: 2 },
        ],
      },
    ]);
  });

  it('gives every segment its NHS colour', () => {
    expect(chartColours()).toEqual([
      { name: 'Signed off', value: '#007f3b' },
      { name: 'Assessed', value: '#330072' },
      { name: 'Evidenced', value: '#005eb8' },
      { name: 'Not started', value: '#768692' },
    ]);
  });

  it('has rows that add up to the totals the API gave', () => {
    const progress = progressFixture();
    const rows = domainCoverage(progress);
    for (const status of ['not-started', 'evidenced', 'assessed', 'signed-off'] as const) {
      expect(rows.reduce((sum, row) => sum + row.totals[status], 0)).toBe(progress.totals[status]);
    }
    expect(rows.reduce((sum, row) => sum + row.elements, 0)).toBe(progress.elements.length);
  });

  it('adds a row for elements outside any domain, so nothing is left uncounted', () => {
    const progress: ProgressView = {
      ...progressFixture(),
      domains: [],
      totals: { 'not-started': 3, evidenced: 1, assessed: 0, 'signed-off': 0 },
      elements: progressFixture().elements.map((element) => ({
        ...element,
        domainKey: null,
        assessmentCount: 0,
        status: element.evidenceCount > 0 ? ('evidenced' as const) : ('not-started' as const),
      })),
    };
    const rows = domainCoverage({ ...progress, elements: progress.elements.slice(1) });
    expect(rows).toEqual([
      {
        key: '(ungrouped)',
        label: 'Elements',
        elements: 3,
        totals: { 'not-started': 2, evidenced: 1, assessed: 0, 'signed-off': 0 },
      },
    ]);
    expect(elementGroups(progress).map((group) => group.heading)).toEqual(['Elements']);
  });

  it('groups the elements by domain for the grid', () => {
    expect(
      elementGroups(progressFixture()).map((group) => [group.heading, group.elements.map((element) => element.code)]),
    ).toEqual([
      ['1 Demonstrating Personal Qualities', ['1.1', '1.2']],
      ['2 Working with Others', ['2.1', '2.2']],
    ]);
  });

  it('lists the gaps the API named, in its order, with their titles', () => {
    expect(gapElements(progressFixture()).map((element) => `${element.code} ${element.title}`)).toEqual([
      '2.1 Developing Networks',
      '2.2 Building and Maintaining Relationships',
    ]);
    expect(gapElements({ ...progressFixture(), gaps: ['9.9', '2.2'] }).map((element) => element.code)).toEqual(['2.2']);
  });
  it('describes each crosswalk counterpart of an element with its relation and count', () => {
    const [element] = progressFixture().elements;
    if (!element) throw new Error('no element');
    const source = {
      frameworkKey: 'healthcare-leadership-model',
      frameworkVersion: '2013',
      elementKey: 'evaluating-information',
      elementCode: '3',
      elementTitle: 'Evaluating information',
      relation: 'exactMatchOf' as const,
      evidenceCount: 1,
    };
    expect(crosswalkSourceLines(element)).toEqual([]);
    expect(
      crosswalkSourceLines({
        ...element,
        crosswalk: { evidenceCount: 3, sources: [source, { ...source, relation: 'isRelatedTo', evidenceCount: 3 }] },
      }),
    ).toEqual(['3 Evaluating information (exact match): 1 piece', '3 Evaluating information (related): 3 pieces']);
  });
});
