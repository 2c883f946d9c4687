import { Injectable } from '@nestjs/common';

import type { CohortSort } from '@portfolio/contracts';

import { type CohortFilter, CohortRepository, type CohortSnapshotRecord } from './cohort.repository';

/** One page of the filtered, sorted cohort, and what is counted over all of the filtered cohort. */
export interface CohortSelection {
  programmes: { id: string; name: string }[];
  rows: CohortSnapshotRecord[];
  total: number;
  outcomeCounts: Record<string, number>;
}

// A deanery of 5,000 trainees takes about 2 MB in memory; a few dozen are kept at most.
const maxSnapshots = 32;

/** What each sort orders by; text columns by their rank in the database's collation. */
const sortKeys: Record<CohortSort, (row: CohortSnapshotRecord) => number | null> = {
  name: (row) => row.name_rank,
  programme: (row) => row.programme_rank,
  stage: (row) => row.stage_rank,
  'signed-off': (row) => row.signed_off,
  assessments: (row) => row.assessments_signed,
  outcome: (row) => (row.outcome_code === null ? null : row.outcome_rank),
};

/** A deanery's whole cohort for a period, as of one version of it, with its sorted orders as asked for. */
class CohortSnapshot {
  private readonly orders = new Map<string, CohortSnapshotRecord[]>();

  constructor(
    readonly version: string,
    readonly programmes: { id: string; name: string }[],
    /** By name, then trainee id. */
    readonly rows: CohortSnapshotRecord[],
  ) {
    this.orders.set('name asc', rows);
  }

  /**
   * Ordered as the SQL `<column> <direction> NULLS LAST, display_name, trainee_id` orders: the
   * rows are already by name and trainee id, and the sort is stable, so ties keep that order.
   */
  sorted(sort: CohortSort, direction: 'asc' | 'desc'): CohortSnapshotRecord[] {
    const name = `${sort} ${direction}`;
    const kept = this.orders.get(name);
    if (kept) return kept;
    const keyOf = sortKeys[sort];
    const sign = direction === 'desc' ? -1 : 1;
    const ordered = [...this.rows].sort((left, right) => {
      const [a, b] = [keyOf(left), keyOf(right)];
      if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
      return sign * (a - b);
    });
    this.orders.set(name, ordered);
    return ordered;
  }
}

const noCohort = new CohortSnapshot('0', [], []);

/**
 * Each deanery's cohort kept in memory per period against the deanery's cohort version (moved by
 * triggers whenever a row of its cohort could change; see the TrackCohortVersions migration). A
 * request reads the viewer's deanery and its version in one small statement; a snapshot kept at
 * that version is current, whichever API process wrote since, and is filtered, sorted, paged and
 * counted in memory. Otherwise the whole cohort is loaded again in one statement.
 */
@Injectable()
export class CohortSnapshots {
  private readonly kept = new Map<string, CohortSnapshot>();
  /** Loads under way, so that administrators opening the cohort together load it once. */
  private readonly loading = new Map<string, Promise<CohortSnapshot>>();

  constructor(private readonly repository: CohortRepository) {}

  /** One page of the viewer's deanery's cohort, filtered and sorted as the query asks. */
  async page(
    viewerId: string,
    filter: CohortFilter,
    sort: CohortSort,
    direction: 'asc' | 'desc',
    limit: number,
    offset: number,
  ): Promise<CohortSelection> {
    const snapshot = await this.of(viewerId, filter.period);
    const selected = select(snapshot.sorted(sort, direction), filter);
    const outcomeCounts: Record<string, number> = {};
    for (const row of selected) {
      const code = row.outcome_code ?? 'none';
      outcomeCounts[code] = (outcomeCounts[code] ?? 0) + 1;
    }
    return {
      programmes: snapshot.programmes,
      rows: selected.slice(offset, offset + limit),
      total: selected.length,
      outcomeCounts,
    };
  }

  /** The whole filtered cohort, by name. */
  async all(viewerId: string, filter: CohortFilter): Promise<CohortSnapshotRecord[]> {
    return select((await this.of(viewerId, filter.period)).rows, filter);
  }

  private async of(viewerId: string, period: string): Promise<CohortSnapshot> {
    const { deaneryId, version } = await this.repository.viewersDeanery(viewerId);
    if (!deaneryId) return noCohort;
    const key = `${deaneryId} ${period}`;
    const kept = this.kept.get(key);
    if (kept?.version === version) {
      // Re-inserted so the map's order is least recently used first.
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept;
    }
    const loadKey = `${key} ${version}`;
    let loading = this.loading.get(loadKey);
    if (!loading) {
      loading = this.load(key, deaneryId, period).finally(() => this.loading.delete(loadKey));
      this.loading.set(loadKey, loading);
    }
    return loading;
  }

  /** Loaded as of a version at least the one read: data and version come from one statement. */
  private async load(key: string, deaneryId: string, period: string): Promise<CohortSnapshot> {
    const { version, programmes, rows } = await this.repository.snapshot(deaneryId, period);
    const snapshot = new CohortSnapshot(version, programmes, rows);
    const kept = this.kept.get(key);
    // Two loads may finish out of order; the newer one is kept.
    if (!kept || BigInt(kept.version) <= BigInt(version)) {
      this.kept.delete(key);
      this.kept.set(key, snapshot);
      if (this.kept.size > maxSnapshots) {
        const oldest = this.kept.keys().next().value;
        if (oldest !== undefined) this.kept.delete(oldest);
      }
    }
    return snapshot;
  }
}

/** The rows the filter keeps, in their order (`$2::uuid` compares ids whatever their case). */
function select(rows: CohortSnapshotRecord[], filter: CohortFilter): CohortSnapshotRecord[] {
  const programmeId = filter.programmeId?.toLowerCase();
  const { stageKey, grade } = filter;
  if (programmeId === undefined && stageKey === undefined && grade === undefined) return rows;
  return rows.filter(
    (row) =>
      (programmeId === undefined || row.programme_id === programmeId) &&
      (stageKey === undefined || row.stage_key === stageKey) &&
      (grade === undefined || row.grade === grade),
  );
}
