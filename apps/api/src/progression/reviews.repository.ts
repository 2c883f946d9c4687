import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ArcpOutcomeCode, ProgressionReviewInput, ProgressionReviewView } from '@portfolio/contracts';

export interface ReviewRow {
  id: string;
  trainee_id: string;
  trainee_name: string;
  period: string;
  review_date: string;
  panel_members: string[];
  evidence_ids: string[];
  assessment_ids: string[];
  outcome_code: ArcpOutcomeCode | null;
  reasons: string;
  required_actions: string;
  status: 'draft' | 'final';
  finalised_at: Date | null;
  finalised_by_name: string | null;
  amends: string | null;
  correction_reason: string | null;
  amended_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const columns = `review.id, review.trainee_id, trainee.display_name AS trainee_name, review.period,
  to_char(review.review_date, 'YYYY-MM-DD') AS review_date, review.panel_members, review.evidence_ids,
  review.assessment_ids, review.outcome_code, review.reasons, review.required_actions, review.status,
  review.finalised_at, review.finalised_by_name, review.amends, review.correction_reason,
  (SELECT correction.id FROM progression_review correction WHERE correction.amends = review.id) AS amended_by,
  review.created_at, review.updated_at, review.version`;
const joins = `FROM progression_review review JOIN app_user trainee ON trainee.id = review.trainee_id`;

@Injectable()
export class ReviewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ReviewRow | null> {
    const [row] = (await manager.query(
      `SELECT ${columns} ${joins} WHERE review.id = $1 ${lock ? 'FOR UPDATE OF review' : ''}`,
      [id],
    )) as ReviewRow[];
    return row ?? null;
  }

  async listFor(traineeId: string, finalOnly: boolean): Promise<ReviewRow[]> {
    return (await this.dataSource.query(
      `SELECT ${columns} ${joins} WHERE review.trainee_id = $1 AND ($2::boolean = false OR review.status = 'final')
        ORDER BY review.period DESC, review.created_at DESC`,
      [traineeId, finalOnly],
    )) as ReviewRow[];
  }

  async insert(
    manager: EntityManager,
    traineeId: string,
    createdBy: string,
    input: ProgressionReviewInput,
    amends: { id: string; reason: string } | null = null,
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO progression_review (trainee_id, period, review_date, panel_members, evidence_ids, assessment_ids,
                                       outcome_code, reasons, required_actions, created_by, amends, correction_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        traineeId,
        input.period,
        input.reviewDate,
        input.panelMembers,
        input.evidenceIds,
        input.assessmentIds,
        input.outcomeCode,
        input.reasons,
        input.requiredActions,
        createdBy,
        amends?.id ?? null,
        amends?.reason ?? null,
      ],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  async update(manager: EntityManager, id: string, input: ProgressionReviewInput): Promise<void> {
    await manager.query(
      `UPDATE progression_review SET period = $2, review_date = $3, panel_members = $4, evidence_ids = $5,
              assessment_ids = $6, outcome_code = $7, reasons = $8, required_actions = $9,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        id,
        input.period,
        input.reviewDate,
        input.panelMembers,
        input.evidenceIds,
        input.assessmentIds,
        input.outcomeCode,
        input.reasons,
        input.requiredActions,
      ],
    );
  }

  async finalise(manager: EntityManager, id: string, userId: string, userName: string): Promise<void> {
    await manager.query(
      `UPDATE progression_review SET status = 'final', finalised_at = now(), finalised_by = $2, finalised_by_name = $3,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, userId, userName],
    );
  }
}

export function toReviewView(row: ReviewRow): ProgressionReviewView {
  return {
    id: row.id,
    traineeId: row.trainee_id,
    traineeName: row.trainee_name,
    period: row.period,
    reviewDate: row.review_date,
    panelMembers: row.panel_members,
    evidenceIds: row.evidence_ids,
    assessmentIds: row.assessment_ids,
    outcomeCode: row.outcome_code,
    reasons: row.reasons,
    requiredActions: row.required_actions,
    status: row.status,
    finalisedAt: row.finalised_at?.toISOString() ?? null,
    finalisedBy: row.finalised_by_name,
    amends: row.amends && row.correction_reason ? { id: row.amends, reason: row.correction_reason } : null,
    amendedBy: row.amended_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
