import { cohortRow } from '../testing/progression-fixtures';
import { countTicks, domainCellText, heatmapSeries, outcomeCountRows, rowLabels } from './cohort-views';

describe('cohort views', () => {
  it('draws the heatmap a column per domain, the first trainee on top, shares as whole percentages', () => {
    const rows = [cohortRow(), cohortRow({ traineeId: 'trainee-2', displayName: 'Dr Ben Okafor', domains: [] })];
    expect(heatmapSeries(rows)).toEqual([
      {
        name: 'Domain 1',
        series: [
          { name: 'Dr Ben Okafor', value: 0 },
          { name: 'Dr Aisha Khan', value: 75 },
        ],
      },
      {
        name: 'Domain 2',
        series: [
          { name: 'Dr Ben Okafor', value: 0 },
          { name: 'Dr Aisha Khan', value: 0 },
        ],
      },
    ]);
  });

  it('tells apart trainees of the same name by GMC number, as the chart would merge them', () => {
    const rows = [cohortRow(), cohortRow({ traineeId: 'trainee-2', gmcNumber: null }), cohortRow({ displayName: 'X' })];
    expect(rowLabels(rows)).toEqual(['Dr Aisha Khan (7654321)', 'Dr Aisha Khan (row 2)', 'X']);
  });

  it("says each domain's counts in words", () => {
    expect(domainCellText(cohortRow().domains[0]!)).toBe(
      'Domain 1, Demonstrating Personal Qualities: 2 signed off, 1 assessed, 1 evidenced, of 4 elements',
    );
  });

  it('lists the outcomes given, in the Gold Guide order, then those without one', () => {
    expect(outcomeCountRows({ none: 4, '10.1': 1, '2': 0, '1': 9 })).toEqual([
      { key: '1', label: 'Outcome 1: Satisfactory progress', count: 9 },
      {
        key: '10.1',
        label: 'Outcome 10.1: Progress delayed by COVID-19: not at a critical progression point',
        count: 1,
      },
      { key: 'none', label: 'No outcome yet', count: 4 },
    ]);
  });

  it('puts round steps between the ticks of a count', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(countTicks(640)).toEqual([0, 200, 400, 600, 800]);
  });
});
