import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { AssessmentAnswers, AssessmentStatus, AssessorJudgement, AssessorKind } from '@portfolio/contracts';

export interface AssessmentRow {
  id: string;
  trainee_id: string;
  template_id: string;
  title: string;
  stage_id: string | null;
  answers: AssessmentAnswers;
  work_evidence_id: string | null;
  evidence_ids: string[];
  status: AssessmentStatus;
  assessor_kind: AssessorKind | null;
  assessor_id: string | null;
  assessor_name: string | null;
  assessor_email: string | null;
  judgement: AssessorJudgement | null;
  requested_at: Date | null;
  signed_at: Date | null;
  signed_by_name: string | null;
  signed_content_sha256: string | null;
  sign_off_idempotency_key: string | null;
  amends: string | null;
  correction_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface RoundRow {
  id: string;
  number: number;
  sent_at: Date;
  answers: AssessmentAnswers;
  assessor_name: string;
  decision: 'returned' | 'signed-off' | 'withdrawn' | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  comments: string;
  judgement: AssessorJudgement | null;
}

export interface TicketRow {
  id: string;
  assessment_id: string;
  round_id: string;
  email: string;
  name: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const assessmentColumns = `assessment.id, assessment.trainee_id, assessment.template_id, assessment.title,
  assessment.stage_id, assessment.answers, assessment.work_evidence_id, assessment.evidence_ids, assessment.status,
  assessment.assessor_kind, assessment.assessor_id, assessment.assessor_name, assessment.assessor_email,
  assessment.judgement, assessment.requested_at, assessment.signed_at, assessment.signed_by_name,
  assessment.signed_content_sha256, assessment.sign_off_idempotency_key, assessment.amends,
  assessment.correction_reason, assessment.version, assessment.created_at, assessment.updated_at`;

/** The assessment tables; callers decide who may do what. */
@Injectable()
export class AssessmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<AssessmentRow | null> {
    const [row] = (await manager.query(`SELECT ${assessmentColumns} FROM assessment WHERE id = $1`, [
      id,
    ])) as AssessmentRow[];
    return row ?? null;
  }

  /** Reads and row-locks an assessment, so concurrent changes to it queue. */
  async findForUpdate(manager: EntityManager, id: string): Promise<AssessmentRow | null> {
    const [row] = (await manager.query(`SELECT ${assessmentColumns} FROM assessment WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as AssessmentRow[];
    return row ?? null;
  }

  async findVisible(viewerId: string, condition: string, id: string): Promise<AssessmentRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${assessmentColumns} FROM assessment WHERE assessment.id = $2 AND ${condition}`,
      [viewerId, id],
    )) as AssessmentRow[];
    return row ?? null;
  }

  async insert(
    manager: EntityManager,
    fields: Pick<
      AssessmentRow,
      'trainee_id' | 'template_id' | 'title' | 'stage_id' | 'answers' | 'work_evidence_id' | 'evidence_ids'
    > &
      Partial<
        Pick<
          AssessmentRow,
          | 'status'
          | 'assessor_kind'
          | 'assessor_id'
          | 'assessor_name'
          | 'assessor_email'
          | 'judgement'
          | 'amends'
          | 'correction_reason'
        >
      >,
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO assessment (trainee_id, template_id, title, stage_id, answers, work_evidence_id, evidence_ids,
                               status, assessor_kind, assessor_id, assessor_name, assessor_email, judgement,
                               amends, correction_reason, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
               CASE WHEN $8 = 'draft' THEN NULL ELSE now() END)
       RETURNING id`,
      [
        fields.trainee_id,
        fields.template_id,
        fields.title,
        fields.stage_id,
        fields.answers,
        fields.work_evidence_id,
        fields.evidence_ids,
        fields.status ?? 'draft',
        fields.assessor_kind ?? null,
        fields.assessor_id ?? null,
        fields.assessor_name ?? null,
        fields.assessor_email ?? null,
        fields.judgement ? JSON.stringify(fields.judgement) : null,
        fields.amends ?? null,
        fields.correction_reason ?? null,
      ],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  /** Changes the named columns and moves the version on. */
  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<Record<keyof AssessmentRow | 'signed_content' | 'reminder_queued_at', unknown>>,
  ): Promise<void> {
    const entries = Object.entries(changes);
    const assignments = entries.map(([column], index) => `${column} = $${index + 2}`);
    await manager.query(
      `UPDATE assessment SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      [
        id,
        ...entries.map(([, value]) =>
          value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
            ? JSON.stringify(value)
            : value,
        ),
      ],
    );
  }

  async rounds(assessmentId: string, manager: EntityManager = this.dataSource.manager): Promise<RoundRow[]> {
    return (await manager.query(
      `SELECT id, number, sent_at, answers, assessor_name, decision, decided_at, decided_by_name, comments, judgement
         FROM assessment_round WHERE assessment_id = $1 ORDER BY number`,
      [assessmentId],
    )) as RoundRow[];
  }

  async openRound(manager: EntityManager, assessmentId: string): Promise<RoundRow | null> {
    const rounds = await this.rounds(assessmentId, manager);
    const last = rounds.at(-1);
    return last && last.decision === null ? last : null;
  }

  async startRound(
    manager: EntityManager,
    assessmentId: string,
    answers: AssessmentAnswers,
    assessorName: string,
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO assessment_round (assessment_id, number, answers, assessor_name)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3 FROM assessment_round WHERE assessment_id = $1
       RETURNING id`,
      [assessmentId, JSON.stringify(answers), assessorName],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  async decideRound(
    manager: EntityManager,
    roundId: string,
    decision: NonNullable<RoundRow['decision']>,
    decidedBy: string,
    comments: string,
    judgement: AssessorJudgement | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE assessment_round SET decision = $2, decided_at = now(), decided_by_name = $3, comments = $4, judgement = $5
        WHERE id = $1`,
      [roundId, decision, decidedBy, comments, judgement ? JSON.stringify(judgement) : null],
    );
  }

  async latestTicket(
    assessmentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TicketRow | null> {
    const [row] = (await manager.query(
      `SELECT id, assessment_id, round_id, email, name, created_at, expires_at, used_at, revoked_at
         FROM assessment_ticket WHERE assessment_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [assessmentId],
    )) as TicketRow[];
    return row ?? null;
  }

  async amendedBy(assessmentId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = (await manager.query(`SELECT id FROM assessment WHERE amends = $1`, [assessmentId])) as {
      id: string;
    }[];
    return row?.id ?? null;
  }
}
