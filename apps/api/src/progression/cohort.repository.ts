import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ArcpOutcomeCode } from '@portfolio/contracts';

import { preparedQuery } from '../database/prepared-query';
import { currentFinalReview } from './deanery-scope';

export interface CohortFilter {
  programmeId?: string;
  stageKey?: string;
  grade?: string;
  period: string;
}

/** A trainee's row of the cohort table, as far as SQL computes it (coverage comes from CoverageQueries). */
export interface CohortRowRecord {
  trainee_id: string;
  display_name: string;
  gmc_number: string | null;
  programme_name: string;
  stage_key: string;
  grade: string;
  signed_off: number;
  assessments_signed: number;
  assessments_pending: number;
  outcome_code: ArcpOutcomeCode | null;
  review_id: string | null;
  review_date: string | null;
}

/**
 * A row of the whole cohort as kept in memory: with its programme, to filter by, and the rank of
 * each text column it may be sorted by in the database's collation (equal values, equal rank).
 */
export interface CohortSnapshotRecord extends CohortRowRecord {
  programme_id: string;
  name_rank: number;
  programme_rank: number;
  stage_rank: number;
  outcome_rank: number;
}

/** The whole cohort of a deanery for a period, as of `version` of its cohort. */
export interface CohortSnapshotRows {
  version: string;
  programmes: { id: string; name: string }[];
  /** Ordered by name, then trainee id, as the database orders them. */
  rows: CohortSnapshotRecord[];
}

/**
 * The deanery's cohort in one statement: each trainee's latest training record, with counts
 * aggregated in SQL (no query per trainee).
 */
@Injectable()
export class CohortRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The trainees of the deanery `deanerySql` as `cohort`: each one's latest training record, filtered. */
  private cohortCtes(deanerySql: string): string {
    return `
      WITH latest AS (
        SELECT DISTINCT ON (record.trainee_id) record.trainee_id, record.stage_key, record.grade,
               programme.id AS programme_id, programme.name AS programme_name
          FROM training_record record JOIN programme ON programme.id = record.programme_id
         WHERE programme.deanery_id = ${deanerySql}
         ORDER BY record.trainee_id, record.starts_on DESC
      ), cohort AS (
        SELECT latest.*, trainee.display_name, trainee.gmc_number
          FROM latest JOIN app_user trainee ON trainee.id = latest.trainee_id
         WHERE trainee.disabled_at IS NULL
           AND ($2::uuid IS NULL OR latest.programme_id = $2)
           AND ($3::text IS NULL OR latest.stage_key = $3)
           AND ($4::text IS NULL OR latest.grade = $4)
      )`;
  }

  /** The table's columns for each trainee of `relation`, counts aggregated in SQL. */
  private rowsOf(relation: string, extraColumns = ''): string {
    return `
      SELECT ${relation}.trainee_id, ${relation}.display_name, ${relation}.gmc_number, ${relation}.programme_name,
             ${relation}.stage_key, ${relation}.grade, ${extraColumns}
             (SELECT count(*)::int FROM element_sign_off record
                JOIN framework_stage stage ON stage.id = record.stage_id
               WHERE record.trainee_id = ${relation}.trainee_id AND stage.key = ${relation}.stage_key
                 AND record.kind = 'sign-off'
                 AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)) AS signed_off,
             counts.signed AS assessments_signed, counts.pending AS assessments_pending,
             outcome.outcome_code, outcome.id AS review_id, outcome.review_date
        FROM ${relation}
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE assessment.status = 'signed-off'
                                    AND NOT EXISTS (SELECT 1 FROM assessment correction
                                                     WHERE correction.amends = assessment.id))::int AS signed,
                 count(*) FILTER (WHERE assessment.status IN ('requested', 'in-progress'))::int AS pending
            FROM assessment WHERE assessment.trainee_id = ${relation}.trainee_id) counts
        LEFT JOIN LATERAL (
          SELECT review.id, review.outcome_code, to_char(review.review_date, 'YYYY-MM-DD') AS review_date
            FROM progression_review review
           WHERE review.trainee_id = ${relation}.trainee_id AND review.period = $5 AND ${currentFinalReview('review')}
           ORDER BY review.finalised_at DESC LIMIT 1) outcome ON true`;
  }

  /** The viewer's deanery's cohort, filtered, by name. */
  async all(deaneryAdminId: string, filter: CohortFilter): Promise<CohortRowRecord[]> {
    return (await this.dataSource.query(
      `${this.cohortCtes('(SELECT deanery_id FROM app_user WHERE id = $1)')} ${this.rowsOf('cohort')}
        ORDER BY display_name, trainee_id`,
      [deaneryAdminId, filter.programmeId ?? null, filter.stageKey ?? null, filter.grade ?? null, filter.period],
    )) as CohortRowRecord[];
  }

  /** The viewer's deanery and the version of its cohort (0 until something moves it): every page reads it. */
  async viewersDeanery(viewerId: string): Promise<{ deaneryId: string | null; version: string }> {
    const [row] = await preparedQuery<{ deanery_id: string | null; version: string }>(
      this.dataSource,
      'cohort-version',
      `SELECT viewer.deanery_id, coalesce(counted.version, 0)::text AS version
         FROM app_user viewer LEFT JOIN deanery_cohort_version counted ON counted.deanery_id = viewer.deanery_id
        WHERE viewer.id = $1`,
      [viewerId],
    );
    return { deaneryId: row?.deanery_id ?? null, version: row?.version ?? '0' };
  }

  /**
   * The deanery's whole cohort for the period, its programmes and the version of its cohort, in
   * one statement so that all three are of the same moment; each row ranked for sorting in memory.
   */
  async snapshot(deaneryId: string, period: string): Promise<CohortSnapshotRows> {
    const [row] = (await this.dataSource.query(
      `${this.cohortCtes('$1::uuid')}, counted AS (${this.rowsOf('cohort', 'cohort.programme_id,')}),
       ranked AS (
         SELECT counted.*,
                dense_rank() OVER (ORDER BY display_name)::int AS name_rank,
                dense_rank() OVER (ORDER BY programme_name)::int AS programme_rank,
                dense_rank() OVER (ORDER BY stage_key)::int AS stage_rank,
                dense_rank() OVER (ORDER BY outcome_code)::int AS outcome_rank
           FROM counted
       )
       SELECT coalesce((SELECT version FROM deanery_cohort_version WHERE deanery_id = $1), 0)::text AS version,
              (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name) ORDER BY name), '[]')
                 FROM programme WHERE deanery_id = $1) AS programmes,
              (SELECT coalesce(json_agg(ranked ORDER BY display_name, trainee_id), '[]') FROM ranked) AS rows`,
      [deaneryId, null, null, null, period],
    )) as CohortSnapshotRows[];
    return row ?? { version: '0', programmes: [], rows: [] };
  }
}
