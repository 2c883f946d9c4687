import { type CohortDomainCell, type CohortRow, arcpOutcome, arcpOutcomes } from '@portfolio/contracts';

/** The key outcomeCounts uses for trainees with no finalised outcome in the period. */
export const noOutcomeKey = 'none';

/** "Outcome 1: Satisfactory progress", or the bare code if the contracts do not know it. */
export function outcomeLabel(code: string): string {
  const outcome = arcpOutcome(code);
  return outcome ? `Outcome ${outcome.code}: ${outcome.title}` : `Outcome ${code}`;
}

/** A domain's elements that are signed off or assessed, as a whole percentage of them. */
export function domainShare(cell: CohortDomainCell): number {
  if (cell.elements === 0) {
    return 0;
  }
  return Math.round(((cell.totals['signed-off'] + cell.totals.assessed) / cell.elements) * 100);
}

/** The words behind a domain's cell in the strip: "Domain 1, Demonstrating Personal Qualities: 2 signed off, …". */
export function domainCellText(cell: CohortDomainCell): string {
  const { totals } = cell;
  return (
    `Domain ${cell.code}, ${cell.title}: ${totals['signed-off']} signed off, ${totals.assessed} assessed, ` +
    `${totals.evidenced} evidenced, of ${cell.elements} ${cell.elements === 1 ? 'element' : 'elements'}`
  );
}

/** Column names of the heatmap and its table: "Domain 1" and so on, in the order the API gave. */
export function domainColumns(rows: readonly CohortRow[]): { key: string; code: string; title: string }[] {
  const columns = new Map<string, { key: string; code: string; title: string }>();
  for (const row of rows) {
    for (const cell of row.domains) {
      if (!columns.has(cell.key)) {
        columns.set(cell.key, { key: cell.key, code: cell.code, title: cell.title });
      }
    }
  }
  return [...columns.values()];
}

/**
 * A name for each row that no other row on the page has: ngx-charts merges rows of the same
 * name, and two trainees may share one. The GMC number tells them apart.
 */
export function rowLabels(rows: readonly CohortRow[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    counts.set(row.displayName, (counts.get(row.displayName) ?? 0) + 1);
  }
  return rows.map((row, index) => {
    if ((counts.get(row.displayName) ?? 0) < 2) {
      return row.displayName;
    }
    return `${row.displayName} (${row.gmcNumber ?? `row ${index + 1}`})`;
  });
}

/** One ngx-charts series: for the heatmap a domain (a column) with a cell per trainee. */
export interface ChartSeries {
  name: string;
  series: { name: string; value: number }[];
}

/**
 * The heatmap: domains across, the trainees of the page down, each cell the domain's share
 * signed off or assessed. ngx-charts draws the first row at the bottom, so the rows are given
 * last first, to read top to bottom in the table's order.
 */
export function heatmapSeries(rows: readonly CohortRow[]): ChartSeries[] {
  const labels = rowLabels(rows);
  return domainColumns(rows).map((column) => ({
    name: `Domain ${column.code}`,
    series: rows
      .map((row, index) => {
        const cell = row.domains.find((domain) => domain.key === column.key);
        return { name: labels[index] ?? row.displayName, value: cell ? domainShare(cell) : 0 };
      })
      .reverse(),
  }));
}

/** Axis ticks for a count: 0 to at least the largest, in steps of 1, 2 or 5 times a power of ten. */
export function countTicks(largest: number, mostTicks = 6): number[] {
  const top = Math.max(1, largest);
  const roughStep = top / (mostTicks - 1);
  const power = 10 ** Math.floor(Math.log10(roughStep));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((multiple) => multiple * power).find((candidate) => candidate >= roughStep) ?? power * 10,
  );
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, index) => index * step);
}

/** One bar of the outcome chart and one row of the table beside it. */
export interface OutcomeCount {
  key: string;
  label: string;
  count: number;
}

/**
 * The outcomes given in the period, in the Gold Guide's order, then those still without one.
 * Codes nobody was given are left out of the chart; the table says how many in total.
 */
export function outcomeCountRows(counts: Readonly<Record<string, number>>): OutcomeCount[] {
  const given = arcpOutcomes
    .filter((outcome) => (counts[outcome.code] ?? 0) > 0)
    .map((outcome) => ({ key: outcome.code, label: outcomeLabel(outcome.code), count: counts[outcome.code] ?? 0 }));
  const none = counts[noOutcomeKey] ?? 0;
  return none > 0 ? [...given, { key: noOutcomeKey, label: 'No outcome yet', count: none }] : given;
}
