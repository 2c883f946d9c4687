import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { sharedWith } from '../evidence/evidence-visibility';

/** Items linked to an element at a stage, counted for each audience that may read them. */
export interface EvidenceCountRow {
  element_id: string;
  stage_id: string;
  own: number;
  supervisor: number;
  panel: number;
}

export interface ElementCountRow {
  element_id: string;
  stage_id: string;
  count: number;
}

/** Everything a trainee's coverage is counted from, as of one coverage version. */
export interface TraineeCounts {
  version: string;
  evidence: EvidenceCountRow[];
  assessments: ElementCountRow[];
  signedOff: ElementCountRow[];
}

type Row<T> = T & { trainee_id: string };

/** Counts as stored: rows as arrays, about a third of the size of objects. */
interface StoredCounts {
  evidence: [elementId: string, stageId: string, own: number, supervisor: number, panel: number][];
  assessments: [elementId: string, stageId: string, count: number][];
  signedOff: [elementId: string, stageId: string, count: number][];
}

function toStored(counts: TraineeCounts): StoredCounts {
  const elementRow = (row: ElementCountRow): [string, string, number] => [row.element_id, row.stage_id, row.count];
  return {
    evidence: counts.evidence.map((row) => [row.element_id, row.stage_id, row.own, row.supervisor, row.panel]),
    assessments: counts.assessments.map(elementRow),
    signedOff: counts.signedOff.map(elementRow),
  };
}

function fromStored(version: string, stored: StoredCounts): TraineeCounts {
  const elementRow = ([element_id, stage_id, count]: [string, string, number]): ElementCountRow => ({
    element_id,
    stage_id,
    count,
  });
  return {
    version,
    evidence: stored.evidence.map(([element_id, stage_id, own, supervisor, panel]) => ({
      element_id,
      stage_id,
      own,
      supervisor,
      panel,
    })),
    assessments: stored.assessments.map(elementRow),
    signedOff: stored.signedOff.map(elementRow),
  };
}

// About 5 kB a trainee: a deanery's worth stays in memory.
const maxCachedTrainees = 10_000;

/**
 * Each trainee's coverage counts, kept in memory against the trainee's coverage version (moved
 * by triggers whenever evidence, assessments, sign-offs or training records change; see the
 * TrackCoverageVersions migration). A caller reads the versions first; counts cached at the same
 * version are current, whichever API process wrote since, and only the others are counted.
 * Counted coverage is also stored in the database (StoreCoverageCounts), so a process that has
 * just started reads what was counted before rather than counting every trainee again at once.
 */
@Injectable()
export class CoverageCounts {
  private readonly logger = new Logger(CoverageCounts.name);
  private readonly cache = new Map<string, TraineeCounts>();

  constructor(private readonly dataSource: DataSource) {}

  /** `versions`: trainee id → the coverage version read just now. */
  async of(versions: Map<string, string>): Promise<Map<string, TraineeCounts>> {
    const counts = new Map<string, TraineeCounts>();
    const stale: string[] = [];
    for (const [traineeId, version] of versions) {
      const cached = this.cache.get(traineeId);
      if (cached?.version === version) {
        // Re-inserted so the map's order is least recently used first.
        this.cache.delete(traineeId);
        this.cache.set(traineeId, cached);
        counts.set(traineeId, cached);
      } else {
        stale.push(traineeId);
      }
    }
    if (stale.length === 0) return counts;
    const current = await this.stored(stale, versions);
    const uncounted = stale.filter((traineeId) => !current.has(traineeId));
    if (uncounted.length > 0) {
      const counted = await this.count(uncounted);
      const fresh = uncounted.map((traineeId): [string, TraineeCounts] => [
        traineeId,
        { version: versions.get(traineeId) ?? '0', ...counted(traineeId) },
      ]);
      for (const [traineeId, traineeCounts] of fresh) current.set(traineeId, traineeCounts);
      await this.store(fresh);
    }
    for (const [traineeId, traineeCounts] of current) {
      counts.set(traineeId, traineeCounts);
      this.remember(traineeId, traineeCounts);
    }
    return counts;
  }

  /** Counts another process (or this one before it started) stored at the version read just now. */
  private async stored(traineeIds: string[], versions: Map<string, string>): Promise<Map<string, TraineeCounts>> {
    const rows = (await this.dataSource.query(
      `SELECT trainee_id, version::text, counts FROM trainee_coverage_counts WHERE trainee_id = ANY ($1::uuid[])`,
      [traineeIds],
    )) as { trainee_id: string; version: string; counts: StoredCounts }[];
    const stored = new Map<string, TraineeCounts>();
    for (const row of rows) {
      if (row.version === versions.get(row.trainee_id)) stored.set(row.trainee_id, fromStored(row.version, row.counts));
    }
    return stored;
  }

  /**
   * Stores counts for other processes and later starts, unless a newer version is stored already.
   * Only a saving: a read does not fail for want of it.
   */
  private async store(counted: [traineeId: string, counts: TraineeCounts][]): Promise<void> {
    await this.dataSource
      .query(
        `INSERT INTO trainee_coverage_counts (trainee_id, version, counts)
         SELECT trainee_id, version, counts
           FROM unnest($1::uuid[], $2::bigint[], $3::json[]) AS fresh (trainee_id, version, counts)
          WHERE EXISTS (SELECT 1 FROM app_user WHERE app_user.id = fresh.trainee_id)
          ORDER BY trainee_id
         ON CONFLICT (trainee_id) DO UPDATE SET version = excluded.version, counts = excluded.counts
          WHERE trainee_coverage_counts.version < excluded.version`,
        [
          counted.map(([traineeId]) => traineeId),
          counted.map(([, counts]) => counts.version),
          counted.map(([, counts]) => JSON.stringify(toStored(counts))),
        ],
      )
      .catch((error: unknown) => this.logger.warn(`Counted coverage was not stored: ${String(error)}`));
  }

  private remember(traineeId: string, counts: TraineeCounts): void {
    this.cache.delete(traineeId);
    this.cache.set(traineeId, counts);
    if (this.cache.size > maxCachedTrainees) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  private async count(traineeIds: string[]) {
    const [evidence, assessments, signedOff] = await Promise.all([
      // The link's key includes the item, so each row is one item.
      this.dataSource.query(
        `SELECT item.trainee_id, link.element_id, link.stage_id, count(*)::int AS own,
                (count(*) FILTER (WHERE ${sharedWith.supervisor('item')}))::int AS supervisor,
                (count(*) FILTER (WHERE ${sharedWith.panel('item')}))::int AS panel
           FROM evidence_item item JOIN evidence_element_link link ON link.evidence_id = item.id
          WHERE item.trainee_id = ANY ($1::uuid[])
          GROUP BY item.trainee_id, link.element_id, link.stage_id`,
        [traineeIds],
      ) as Promise<Row<EvidenceCountRow>[]>,
      // Signed assessments, counting a corrected one once: its correction replaces it when signed.
      this.dataSource.query(
        `SELECT assessment.trainee_id, covered.element_id, covered.stage_id, count(DISTINCT assessment.id)::int AS count
           FROM assessment JOIN assessment_element covered ON covered.assessment_id = assessment.id
          WHERE assessment.trainee_id = ANY ($1::uuid[]) AND assessment.status = 'signed-off'
            AND NOT EXISTS (SELECT 1 FROM assessment correction
                             WHERE correction.amends = assessment.id AND correction.status = 'signed-off')
          GROUP BY assessment.trainee_id, covered.element_id, covered.stage_id`,
        [traineeIds],
      ) as Promise<Row<ElementCountRow>[]>,
      this.dataSource.query(
        `SELECT record.trainee_id, record.element_id, record.stage_id, 1 AS count
           FROM element_sign_off record
          WHERE record.trainee_id = ANY ($1::uuid[]) AND record.kind = 'sign-off'
            AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)`,
        [traineeIds],
      ) as Promise<Row<ElementCountRow>[]>,
    ]);
    const byTrainee = <T>(rows: Row<T>[]) => {
      const grouped = new Map<string, T[]>();
      for (const { trainee_id, ...row } of rows) {
        const own = grouped.get(trainee_id) ?? [];
        own.push(row as T);
        grouped.set(trainee_id, own);
      }
      return grouped;
    };
    const [evidenceOf, assessmentsOf, signedOffOf] = [
      byTrainee(evidence),
      byTrainee(assessments),
      byTrainee(signedOff),
    ];
    return (traineeId: string) => ({
      evidence: evidenceOf.get(traineeId) ?? [],
      assessments: assessmentsOf.get(traineeId) ?? [],
      signedOff: signedOffOf.get(traineeId) ?? [],
    });
  }
}
