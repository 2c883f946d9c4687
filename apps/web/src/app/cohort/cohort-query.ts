import { HttpParams } from '@angular/common/http';

import {
  type CohortSort,
  type StartReportBatchRequest,
  cohortSorts,
  isReviewPeriod,
  trainingYearOf,
} from '@portfolio/contracts';

export type SortDirection = 'asc' | 'desc';

/** What the cohort table shows: it lives in the address's query parameters, so a view can be shared. */
export interface CohortFilters {
  programmeId: string | null;
  stageKey: string | null;
  grade: string | null;
  /** The review period whose outcomes show, such as 2026-27. */
  period: string;
  sort: CohortSort;
  direction: SortDirection;
  /** 1-based, as the API counts. */
  page: number;
}

export type CohortFilterParams = Partial<Record<keyof CohortFilters, string | null | undefined>>;

/** Rows per page: the API's default, small enough for the heatmap to stay readable. */
export const COHORT_PAGE_SIZE = 25;

export const defaultCohortSort: CohortSort = 'name';
export const defaultSortDirection: SortDirection = 'asc';

export const cohortSortLabels: Record<CohortSort, string> = {
  name: 'Name',
  programme: 'Programme',
  stage: 'Stage',
  'signed-off': 'Elements signed off',
  assessments: 'Assessments',
  outcome: 'Outcome',
};

export function defaultCohortFilters(today = new Date()): CohortFilters {
  return {
    programmeId: null,
    stageKey: null,
    grade: null,
    period: trainingYearOf(today),
    sort: defaultCohortSort,
    direction: defaultSortDirection,
    page: 1,
  };
}

// The same shapes the API accepts, so that a hand-edited address never earns a 400.
const keyPattern = /^[a-z0-9][a-z0-9.-]{0,63}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const largestPage = 10_000;

function trimmed(value: string | null | undefined, maxLength: number): string | null {
  const text = value?.trim().slice(0, maxLength) ?? '';
  return text || null;
}

/** Reads the filters from query parameters, putting the default in place of anything the API would refuse. */
export function filtersFromParams(params: CohortFilterParams, today = new Date()): CohortFilters {
  const defaults = defaultCohortFilters(today);
  const stageKey = params.stageKey?.trim() ?? '';
  const period = params.period?.trim() ?? '';
  const page = Number(params.page);
  const programmeId = params.programmeId?.trim() ?? '';
  return {
    programmeId: uuidPattern.test(programmeId) ? programmeId : null,
    stageKey: keyPattern.test(stageKey) ? stageKey : null,
    grade: trimmed(params.grade, 50),
    period: isReviewPeriod(period) ? period : defaults.period,
    sort: cohortSorts.includes(params.sort as CohortSort) ? (params.sort as CohortSort) : defaults.sort,
    direction: params.direction === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 && page <= largestPage ? page : 1,
  };
}

/** Query parameters for the router: null removes a parameter; the default sort and the first page are left out. */
export function filtersToQueryParams(filters: CohortFilters): Record<keyof CohortFilters, string | null> {
  const defaultOrder = filters.sort === defaultCohortSort && filters.direction === defaultSortDirection;
  return {
    programmeId: filters.programmeId,
    stageKey: filters.stageKey,
    grade: filters.grade,
    period: filters.period,
    sort: defaultOrder ? null : filters.sort,
    direction: defaultOrder ? null : filters.direction,
    page: filters.page > 1 ? String(filters.page) : null,
  };
}

/** What narrows the cohort, as the API names it, without the order or the page. */
function narrowingParams(filters: CohortFilters): HttpParams {
  let params = new HttpParams().set('period', filters.period);
  if (filters.programmeId) {
    params = params.set('programmeId', filters.programmeId);
  }
  if (filters.stageKey) {
    params = params.set('stageKey', filters.stageKey);
  }
  if (filters.grade) {
    params = params.set('grade', filters.grade);
  }
  return params;
}

/** The API request for one page of the table. */
export function filtersToHttpParams(filters: CohortFilters): HttpParams {
  return narrowingParams(filters)
    .set('sort', filters.sort)
    .set('direction', filters.direction)
    .set('page', filters.page)
    .set('pageSize', COHORT_PAGE_SIZE);
}

/** The whole filtered table as CSV, in the order on screen. */
export function exportQuery(filters: CohortFilters): string {
  return narrowingParams(filters).set('sort', filters.sort).set('direction', filters.direction).toString();
}

/** Reports for everyone the filters select, for the period shown. */
export function batchRequestOf(filters: CohortFilters): StartReportBatchRequest {
  return {
    period: filters.period,
    ...(filters.programmeId ? { programmeId: filters.programmeId } : {}),
    ...(filters.stageKey ? { stageKey: filters.stageKey } : {}),
    ...(filters.grade ? { grade: filters.grade } : {}),
  };
}

/**
 * The filters after choosing a column to sort by: the same column again reverses the order, a
 * new one starts from A to Z. Either way the reader goes back to the first page.
 */
export function sortedBy(filters: CohortFilters, sort: CohortSort): CohortFilters {
  const direction: SortDirection =
    filters.sort === sort ? (filters.direction === 'asc' ? 'desc' : 'asc') : defaultSortDirection;
  return { ...filters, sort, direction, page: 1 };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** A page link, or null for the gap ("⋯") between far-apart pages. */
export type PageLink = number | null;

/**
 * The numbered links NHS pagination shows: the first and last pages, and those either side of
 * the current one, with a gap where pages are skipped. 200 pages never make 200 links.
 */
export function pageLinks(current: number, count: number): PageLink[] {
  const wanted = new Set([1, count, current - 1, current, current + 1].filter((page) => page >= 1 && page <= count));
  const pages = [...wanted].sort((first, second) => first - second);
  const links: PageLink[] = [];
  pages.forEach((page, index) => {
    const previous = pages[index - 1];
    if (previous !== undefined && page - previous > 1) {
      links.push(page - previous === 2 ? previous + 1 : null);
    }
    links.push(page);
  });
  return links;
}
