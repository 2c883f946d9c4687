import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ArcpOutcomeCode, CohortSort } from '@portfolio/contracts';

import { currentFinalReview } from './deanery-scope';

export interface CohortFilter {
  programmeId?: string;
  stageKey?: string;
  grade?: string;
  period: string;
}

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
  total: number;
}

const orderBy: Record<CohortSort, string> = {
  name: 'display_name',
  programme: 'programme_name',
  stage: 'stage_key',
  'signed-off': 'signed_off',
  assessments: 'assessments_signed',
  outcome: 'outcome_code',
};

/**
 * The deanery's cohort in one statement: each trainee's latest training record, with counts
 * aggregated in SQL, filtered, sorted and paged by the database (no query per trainee).
 */
@Injectable()
export class CohortRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The deanery's trainees as `cohort`: each one's latest training record, filtered. */
  private cohortCtes(): string {
    return `
      WITH latest AS (
        SELECT DISTINCT ON (record.trainee_id) record.trainee_id, record.stage_key, record.grade,
               programme.id AS programme_id, programme.name AS programme_name
          FROM training_record record JOIN programme ON programme.id = record.programme_id
         WHERE programme.deanery_id = (SELECT deanery_id FROM app_user WHERE id = $1)
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

  /** The period's current outcome of each trainee of `relation`. */
  private outcomeJoin(relation: string): string {
    return `LEFT JOIN LATERAL (
          SELECT review.id, review.outcome_code, to_char(review.review_date, 'YYYY-MM-DD') AS review_date
            FROM progression_review review
           WHERE review.trainee_id = ${relation}.trainee_id AND review.period = $5 AND ${currentFinalReview('review')}
           ORDER BY review.finalised_at DESC LIMIT 1) outcome ON true`;
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
        ${this.outcomeJoin(relation)}`;
  }

  /**
   * One page, in one statement. Sorted by a trainee's own columns, the page is cut first and
   * only its rows are counted; sorted by a count, every trainee's counts are needed to order.
   */
  async page(
    deaneryAdminId: string,
    filter: CohortFilter,
    sort: CohortSort,
    direction: 'asc' | 'desc',
    limit: number,
    offset: number,
  ): Promise<CohortRowRecord[]> {
    const order = `${orderBy[sort]} ${direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, display_name, trainee_id`;
    const parameters = [...this.parameters(deaneryAdminId, filter), limit, offset];
    if (sort === 'name' || sort === 'programme' || sort === 'stage') {
      return (await this.dataSource.query(
        `${this.cohortCtes()}, paged AS (
           SELECT cohort.*, count(*) OVER ()::int AS total FROM cohort ORDER BY ${order} LIMIT $6 OFFSET $7
         )
         ${this.rowsOf('paged', 'paged.total,')}
         ORDER BY ${order}`,
        parameters,
      )) as CohortRowRecord[];
    }
    return (await this.dataSource.query(
      `SELECT *, count(*) OVER ()::int AS total FROM (${this.cohortCtes()} ${this.rowsOf('cohort')}) rows
        ORDER BY ${order} LIMIT $6 OFFSET $7`,
      parameters,
    )) as CohortRowRecord[];
  }

  async all(deaneryAdminId: string, filter: CohortFilter): Promise<CohortRowRecord[]> {
    return (await this.dataSource.query(
      `${this.cohortCtes()} ${this.rowsOf('cohort')} ORDER BY display_name, trainee_id`,
      this.parameters(deaneryAdminId, filter),
    )) as CohortRowRecord[];
  }

  async programmes(deaneryAdminId: string): Promise<{ id: string; name: string }[]> {
    return (await this.dataSource.query(
      `SELECT id, name FROM programme WHERE deanery_id = (SELECT deanery_id FROM app_user WHERE id = $1) ORDER BY name`,
      [deaneryAdminId],
    )) as { id: string; name: string }[];
  }

  async outcomeCounts(deaneryAdminId: string, filter: CohortFilter): Promise<Record<string, number>> {
    const rows = (await this.dataSource.query(
      `${this.cohortCtes()}
       SELECT coalesce(outcome.outcome_code, 'none') AS code, count(*)::int AS count
         FROM cohort ${this.outcomeJoin('cohort')} GROUP BY 1`,
      this.parameters(deaneryAdminId, filter),
    )) as { code: string; count: number }[];
    return Object.fromEntries(rows.map((row) => [row.code, row.count]));
  }

  private parameters(deaneryAdminId: string, filter: CohortFilter): unknown[] {
    return [deaneryAdminId, filter.programmeId ?? null, filter.stageKey ?? null, filter.grade ?? null, filter.period];
  }
}
