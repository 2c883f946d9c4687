import { HttpParams } from '@angular/common/http';

import {
  type EvidenceSort,
  type EvidenceStatus,
  type EvidenceType,
  type EvidenceVisibility,
  evidenceSorts,
  evidenceStatuses,
  evidenceTypes,
  evidenceVisibilities,
} from '@portfolio/contracts';

import { isRealIsoDate } from './evidence-draft';

/** What the evidence list is narrowed to and ordered by; it lives in the address's query parameters. */
export interface EvidenceFilters {
  q: string | null;
  type: EvidenceType | null;
  elementKey: string | null;
  stageKey: string | null;
  status: EvidenceStatus | null;
  visibility: EvidenceVisibility | null;
  from: string | null;
  to: string | null;
  sort: EvidenceSort;
}

export type EvidenceFilterParams = Partial<Record<keyof EvidenceFilters, string | null | undefined>>;

export const defaultEvidenceSort: EvidenceSort = 'occurred-desc';

export const evidenceSortLabels: Record<EvidenceSort, string> = {
  'occurred-desc': 'Newest first',
  'occurred-asc': 'Oldest first',
  'updated-desc': 'Recently changed',
  'title-asc': 'Title A to Z',
};

export function noEvidenceFilters(): EvidenceFilters {
  return {
    q: null,
    type: null,
    elementKey: null,
    stageKey: null,
    status: null,
    visibility: null,
    from: null,
    to: null,
    sort: defaultEvidenceSort,
  };
}

// The same shapes the API accepts, so that a hand-edited address never earns a 400.
const keyPattern = /^[a-z0-9][a-z0-9.-]{0,63}$/;

function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined): T | null {
  return allowed.includes(value as T) ? (value as T) : null;
}

function matching(pattern: RegExp, value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return pattern.test(trimmed) ? trimmed : null;
}

function realDate(value: string | null | undefined): string | null {
  const date = value?.trim() ?? '';
  return isRealIsoDate(date) ? date : null;
}

/** Reads filters from query parameters, dropping any value the API would refuse. */
export function filtersFromParams(params: EvidenceFilterParams): EvidenceFilters {
  const q = params.q?.trim().slice(0, 200) ?? '';
  return {
    q: q || null,
    type: oneOf(evidenceTypes, params.type),
    elementKey: matching(keyPattern, params.elementKey),
    stageKey: matching(keyPattern, params.stageKey),
    status: oneOf(evidenceStatuses, params.status),
    visibility: oneOf(evidenceVisibilities, params.visibility),
    from: realDate(params.from),
    to: realDate(params.to),
    sort: oneOf(evidenceSorts, params.sort) ?? defaultEvidenceSort,
  };
}

/** Query parameters for the router: null removes a parameter, and the default sort is left out. */
export function filtersToQueryParams(filters: EvidenceFilters): Record<keyof EvidenceFilters, string | null> {
  return { ...filters, sort: filters.sort === defaultEvidenceSort ? null : filters.sort };
}

/** The API request for one page of the list. */
export function filtersToHttpParams(filters: EvidenceFilters, cursor: string | null, traineeId?: string): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== null) {
      params = params.set(name, value);
    }
  }
  if (traineeId) {
    params = params.set('traineeId', traineeId);
  }
  return cursor ? params.set('cursor', cursor) : params;
}

/** True when something narrows the list, so that an empty list is explained by the filters. */
export function hasNarrowingFilters(filters: EvidenceFilters): boolean {
  return Object.entries(filters).some(([name, value]) => name !== 'sort' && value !== null);
}

export function sameFilters(first: EvidenceFilters, second: EvidenceFilters): boolean {
  return (Object.keys(first) as (keyof EvidenceFilters)[]).every((name) => first[name] === second[name]);
}
