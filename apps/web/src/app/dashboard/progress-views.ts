import type {
  CrosswalkRelationName,
  ElementProgressStatusView,
  ElementProgressView,
  ProgressView,
  StatusTotalsView,
} from '@portfolio/contracts';

/** The statuses in the order coverage builds up, which is also the order the chart stacks them. */
export const progressStatuses: readonly ElementProgressStatusView[] = [
  'signed-off',
  'assessed',
  'evidenced',
  'not-started',
];

export const progressStatusLabels: Record<ElementProgressStatusView, string> = {
  'not-started': 'Not started',
  evidenced: 'Evidenced',
  assessed: 'Assessed',
  'signed-off': 'Signed off',
};

/** NHS colours, each at least 3:1 against white so that the bars can be told apart from the page. */
export const progressStatusColours: Record<ElementProgressStatusView, string> = {
  'not-started': '#768692',
  evidenced: '#005eb8',
  assessed: '#330072',
  'signed-off': '#007f3b',
};

export const progressStatusTagClasses: Record<ElementProgressStatusView, string> = {
  'not-started': 'nhsuk-tag nhsuk-tag--grey',
  evidenced: 'nhsuk-tag nhsuk-tag--blue',
  assessed: 'nhsuk-tag nhsuk-tag--purple',
  'signed-off': 'nhsuk-tag nhsuk-tag--green',
};

/** One bar of ngx-charts' stacked bar chart: a domain, with one segment per status. */
export interface ChartSeries {
  name: string;
  series: { name: string; value: number }[];
}

/** A row of the chart and of the table that says the same in words. */
export interface DomainCoverage {
  key: string;
  label: string;
  elements: number;
  totals: StatusTotalsView;
}

export interface ElementGroup {
  key: string;
  heading: string;
  elements: ElementProgressView[];
}

const ungroupedKey = '(ungrouped)';

function countByStatus(elements: readonly ElementProgressView[]): StatusTotalsView {
  const totals: StatusTotalsView = { 'not-started': 0, evidenced: 0, assessed: 0, 'signed-off': 0 };
  for (const element of elements) {
    totals[element.status]++;
  }
  return totals;
}

/**
 * Each domain's coverage as the API counted it, in framework order, and a row for elements of a
 * framework that has no domains, so the rows always add up to the stage's totals.
 */
export function domainCoverage(progress: ProgressView): DomainCoverage[] {
  const rows: DomainCoverage[] = progress.domains.map((domain) => ({
    key: domain.key,
    label: `${domain.code} ${domain.title}`,
    elements: domain.elements,
    totals: domain.totals,
  }));
  const ungrouped = progress.elements.filter((element) => element.domainKey === null);
  if (ungrouped.length > 0) {
    rows.push({ key: ungroupedKey, label: 'Elements', elements: ungrouped.length, totals: countByStatus(ungrouped) });
  }
  return rows;
}

export function chartSeries(progress: ProgressView): ChartSeries[] {
  return domainCoverage(progress).map((row) => ({
    name: row.label,
    series: progressStatuses.map((status) => ({ name: progressStatusLabels[status], value: row.totals[status] })),
  }));
}

/** ngx-charts colours by segment name. */
export function chartColours(): { name: string; value: string }[] {
  return progressStatuses.map((status) => ({
    name: progressStatusLabels[status],
    value: progressStatusColours[status],
  }));
}

/** The elements of each domain, for the grid of tiles. */
export function elementGroups(progress: ProgressView): ElementGroup[] {
  const groups: ElementGroup[] = progress.domains.map((domain) => ({
    key: domain.key,
    heading: `${domain.code} ${domain.title}`,
    elements: progress.elements.filter((element) => element.domainKey === domain.key),
  }));
  const ungrouped = progress.elements.filter((element) => element.domainKey === null);
  if (ungrouped.length > 0) {
    groups.push({ key: ungroupedKey, heading: 'Elements', elements: ungrouped });
  }
  return groups.filter((group) => group.elements.length > 0);
}

/** The elements with no evidence at all, in framework order, as the API listed them. */
export function gapElements(progress: ProgressView): ElementProgressView[] {
  const byKey = new Map(progress.elements.map((element) => [element.key, element]));
  return progress.gaps
    .map((key) => byKey.get(key))
    .filter((element): element is ElementProgressView => element !== undefined);
}

export const crosswalkRelationLabels: Record<CrosswalkRelationName, string> = {
  exactMatchOf: 'exact match',
  isRelatedTo: 'related',
};

/** One line per counterpart whose evidence counts towards an element through a crosswalk. */
export function crosswalkSourceLines(element: ElementProgressView): string[] {
  return (element.crosswalk?.sources ?? []).map(
    (source) =>
      `${source.elementCode} ${source.elementTitle} (${crosswalkRelationLabels[source.relation]}): ` +
      `${source.evidenceCount} ${source.evidenceCount === 1 ? 'piece' : 'pieces'}`,
  );
}
