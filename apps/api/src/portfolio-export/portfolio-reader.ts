import type { QueryRunner } from 'typeorm';

import {
  type ArcpOutcomeCode,
  type AssessmentAnswers,
  type AssessmentStatus,
  type AssessorJudgement,
  type AssessorKind,
  type EvidenceStatus,
  type EvidenceType,
  type EvidenceVisibility,
  type PortfolioAddendum,
  type PortfolioAssessment,
  type PortfolioAssessmentRound,
  type PortfolioElementSignOff,
  type PortfolioEvidenceItem,
  type PortfolioEvidenceLink,
  type PortfolioProgressionOutcome,
  type PortfolioSupervisorAssignment,
  type PortfolioTrainee,
  type PortfolioTrainingRecord,
  arcpOutcome,
} from '@portfolio/contracts';

import {
  UniqueNames,
  assessmentPath,
  attachmentPath,
  evidencePath,
  evidenceStem,
  safeFileName,
} from './portfolio-names';

const evidenceBatchSize = 100;
const assessmentBatchSize = 50;
// Judgements are the trainee's to see once decided; until then they are the assessor's draft.
const decidedStatuses = new Set<AssessmentStatus>(['returned', 'signed-off']);

/** An evidence item as exported, with where each attachment's content is stored. */
export interface ExportedEvidence {
  item: PortfolioEvidenceItem;
  storageKeys: Map<string, string>;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/**
 * Reads one trainee's whole portfolio through one query runner, in batches so that no more than
 * a batch is held at once. Run it inside a REPEATABLE READ transaction and every pass over the
 * evidence sees the same items in the same order, so names given in one pass hold in the next.
 */
export class PortfolioReader {
  constructor(
    private readonly runner: QueryRunner,
    private readonly traineeId: string,
  ) {}

  async trainee(): Promise<PortfolioTrainee> {
    const [row] = (await this.runner.query(
      `SELECT id, display_name, email, gmc_number, profession FROM app_user WHERE id = $1`,
      [this.traineeId],
    )) as { id: string; display_name: string; email: string; gmc_number: string | null; profession: string | null }[];
    if (!row) throw new Error(`trainee ${this.traineeId} is not stored`);
    return {
      id: row.id,
      name: row.display_name,
      email: row.email,
      gmcNumber: row.gmc_number,
      profession: row.profession,
    };
  }

  async trainingRecords(): Promise<PortfolioTrainingRecord[]> {
    const rows = (await this.runner.query(
      `SELECT deanery.name AS deanery, programme.name AS programme, record.stage_key, record.grade,
              record.starts_on::text AS starts_on, record.ends_on::text AS ends_on
         FROM training_record record
         JOIN programme ON programme.id = record.programme_id
         JOIN deanery ON deanery.id = programme.deanery_id
        WHERE record.trainee_id = $1 ORDER BY record.starts_on, record.created_at, record.id`,
      [this.traineeId],
    )) as Record<string, string | null>[];
    return rows.map((row) => ({
      deanery: row['deanery'] ?? '',
      programme: row['programme'] ?? '',
      stageKey: row['stage_key'] ?? '',
      grade: row['grade'] ?? '',
      startsOn: row['starts_on'] ?? '',
      endsOn: row['ends_on'] ?? null,
    }));
  }

  async supervisors(): Promise<PortfolioSupervisorAssignment[]> {
    const rows = (await this.runner.query(
      `SELECT supervisor.display_name, assignment.starts_on::text AS starts_on, assignment.ends_on::text AS ends_on
         FROM supervisor_assignment assignment JOIN app_user supervisor ON supervisor.id = assignment.supervisor_id
        WHERE assignment.trainee_id = $1 ORDER BY assignment.starts_on, assignment.id`,
      [this.traineeId],
    )) as { display_name: string; starts_on: string; ends_on: string | null }[];
    return rows.map((row) => ({ name: row.display_name, startsOn: row.starts_on, endsOn: row.ends_on }));
  }

  async elementSignOffs(): Promise<PortfolioElementSignOff[]> {
    const rows = (await this.runner.query(
      `SELECT record.id, record.kind, element.key AS element_key, element.code AS element_code,
              element.title AS element_title, stage.key AS stage_key, recorder.display_name AS recorded_by,
              record.recorded_at, record.evidence_ids, record.assessment_ids, record.note, record.supersedes
         FROM element_sign_off record
         JOIN framework_element element ON element.id = record.element_id
         JOIN framework_stage stage ON stage.id = record.stage_id
         JOIN app_user recorder ON recorder.id = record.recorded_by
        WHERE record.trainee_id = $1 ORDER BY record.recorded_at, record.id`,
      [this.traineeId],
    )) as {
      id: string;
      kind: 'sign-off' | 'withdrawal';
      element_key: string;
      element_code: string;
      element_title: string;
      stage_key: string;
      recorded_by: string;
      recorded_at: Date;
      evidence_ids: string[];
      assessment_ids: string[];
      note: string;
      supersedes: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      elementKey: row.element_key,
      elementCode: row.element_code,
      elementTitle: row.element_title,
      stageKey: row.stage_key,
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at.toISOString(),
      evidenceIds: row.evidence_ids,
      assessmentIds: row.assessment_ids,
      note: row.note,
      supersedes: row.supersedes,
    }));
  }

  /** Final reviews only: a draft is the panel's work in progress, not yet an outcome. */
  async progressionOutcomes(): Promise<PortfolioProgressionOutcome[]> {
    const rows = (await this.runner.query(
      `SELECT id, period, review_date::text AS review_date, outcome_code, panel_members, reasons, required_actions,
              finalised_at, finalised_by_name, amends, correction_reason
         FROM progression_review WHERE trainee_id = $1 AND status = 'final' ORDER BY period, finalised_at, id`,
      [this.traineeId],
    )) as {
      id: string;
      period: string;
      review_date: string;
      outcome_code: ArcpOutcomeCode;
      panel_members: string[];
      reasons: string;
      required_actions: string;
      finalised_at: Date;
      finalised_by_name: string | null;
      amends: string | null;
      correction_reason: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      period: row.period,
      reviewDate: row.review_date,
      outcomeCode: row.outcome_code,
      outcomeTitle: arcpOutcome(row.outcome_code)?.title ?? row.outcome_code,
      panelMembers: row.panel_members,
      reasons: row.reasons,
      requiredActions: row.required_actions,
      finalisedAt: row.finalised_at.toISOString(),
      finalisedBy: row.finalised_by_name,
      amends: row.amends,
      correctionReason: row.correction_reason,
    }));
  }

  /** Every evidence item in date order, a batch at a time, numbered from 1 in that order. */
  async *evidence(): AsyncGenerator<ExportedEvidence[]> {
    let after: { occurredOn: string; id: string } | null = null;
    let position = 0;
    for (;;) {
      const rows = (await this.runner.query(
        `SELECT id, type, title, occurred_on::text AS occurred_on, status, visibility, body, created_at, updated_at,
                submitted_at, locked_at
           FROM evidence_item
          WHERE trainee_id = $1 AND ($2::date IS NULL OR (occurred_on, id) > ($2::date, $3::uuid))
          ORDER BY occurred_on, id LIMIT $4`,
        [this.traineeId, after?.occurredOn ?? null, after?.id ?? null, evidenceBatchSize],
      )) as EvidenceRow[];
      if (rows.length === 0) return;
      const ids = rows.map((row) => row.id);
      const [links, addenda, attachments] = await Promise.all([
        this.linksOf(ids),
        this.addendaOf(ids),
        this.attachmentsOf(ids),
      ]);
      yield rows.map((row) => {
        position += 1;
        const stem = evidenceStem(position, row.occurred_on, row.title);
        const names = new UniqueNames();
        const storageKeys = new Map<string, string>();
        const item: PortfolioEvidenceItem = {
          id: row.id,
          type: row.type,
          title: row.title,
          occurredOn: row.occurred_on,
          status: row.status,
          visibility: row.visibility,
          body: row.body,
          path: evidencePath(stem),
          createdAt: row.created_at.toISOString(),
          updatedAt: row.updated_at.toISOString(),
          submittedAt: iso(row.submitted_at),
          lockedAt: iso(row.locked_at),
          links: links.get(row.id) ?? [],
          addenda: addenda.get(row.id) ?? [],
          attachments: (attachments.get(row.id) ?? []).map((attachment) => {
            storageKeys.set(attachment.id, attachment.storage_key);
            return {
              id: attachment.id,
              fileName: attachment.file_name,
              path: attachmentPath(stem, names.claim(safeFileName(attachment.file_name))),
              sha256: attachment.sha256.trim(),
              size: attachment.size_bytes,
              contentType: attachment.content_type,
              uploadedAt: attachment.created_at.toISOString(),
            };
          }),
        };
        return { item, storageKeys };
      });
      const last = rows[rows.length - 1] as EvidenceRow;
      after = { occurredOn: last.occurred_on, id: last.id };
    }
  }

  /** Every assessment in the order they were started, a batch at a time. */
  async *assessments(): AsyncGenerator<PortfolioAssessment[]> {
    let after: { createdAt: string; id: string } | null = null;
    let position = 0;
    for (;;) {
      const rows = (await this.runner.query(
        `SELECT assessment.id, assessment.title, assessment.status, assessment.answers, assessment.work_evidence_id,
                assessment.evidence_ids, assessment.assessor_kind,
                coalesce(assessor.display_name, assessment.assessor_name) AS assessor_name,
                assessment.requested_at, assessment.judgement, assessment.signed_at, assessment.signed_by_name,
                assessment.signed_content, assessment.signed_content_sha256, assessment.amends,
                assessment.correction_reason, assessment.created_at, assessment.created_at::text AS created_key,
                to_char(assessment.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS created_on, assessment.updated_at,
                template.key AS template_key, template.version AS template_version, template.title AS template_title,
                stage.key AS stage_key,
                (SELECT choice ->> 'title'
                   FROM jsonb_array_elements(template.definition -> 'overallJudgement' -> 'options') choice
                  WHERE choice ->> 'id' = assessment.judgement ->> 'overallJudgement' LIMIT 1) AS overall_title
           FROM assessment
           JOIN assessment_template template ON template.id = assessment.template_id
           LEFT JOIN framework_stage stage ON stage.id = assessment.stage_id
           LEFT JOIN app_user assessor ON assessor.id = assessment.assessor_id
          WHERE assessment.trainee_id = $1
            AND ($2::timestamptz IS NULL OR (assessment.created_at, assessment.id) > ($2::timestamptz, $3::uuid))
          ORDER BY assessment.created_at, assessment.id LIMIT $4`,
        [this.traineeId, after?.createdAt ?? null, after?.id ?? null, assessmentBatchSize],
      )) as AssessmentRow[];
      if (rows.length === 0) return;
      const rounds = await this.roundsOf(rows.map((row) => row.id));
      yield rows.map((row) => {
        position += 1;
        const decided = decidedStatuses.has(row.status);
        return {
          id: row.id,
          path: assessmentPath(position, row.created_on, row.title),
          title: row.title,
          template: { key: row.template_key, version: row.template_version, title: row.template_title },
          status: row.status,
          stageKey: row.stage_key,
          answers: row.answers,
          workEvidenceId: row.work_evidence_id,
          evidenceIds: row.evidence_ids,
          assessor: { kind: row.assessor_kind, name: row.assessor_name },
          requestedAt: iso(row.requested_at),
          judgement: decided ? row.judgement : null,
          overallJudgementTitle: decided ? row.overall_title : null,
          rounds: rounds.get(row.id) ?? [],
          signature:
            row.status === 'signed-off' && row.signed_at && row.signed_content && row.signed_content_sha256
              ? {
                  signedAt: row.signed_at.toISOString(),
                  signedBy: row.signed_by_name ?? '',
                  contentSha256: row.signed_content_sha256,
                  content: row.signed_content,
                }
              : null,
          amends: row.amends,
          correctionReason: row.correction_reason,
          createdAt: row.created_at.toISOString(),
          updatedAt: row.updated_at.toISOString(),
        };
      });
      const last = rows[rows.length - 1] as AssessmentRow;
      after = { createdAt: last.created_key, id: last.id };
    }
  }

  private async linksOf(ids: string[]): Promise<Map<string, PortfolioEvidenceLink[]>> {
    const rows = (await this.runner.query(
      `SELECT link.evidence_id, framework.key AS framework_key, framework.version AS framework_version,
              element.key AS element_key, element.code AS element_code, element.title AS element_title,
              stage.key AS stage_key, link.note
         FROM evidence_element_link link
         JOIN framework_element element ON element.id = link.element_id
         JOIN framework ON framework.id = element.framework_id
         JOIN framework_stage stage ON stage.id = link.stage_id
        WHERE link.evidence_id = ANY ($1) ORDER BY element.sequence, stage.sequence`,
      [ids],
    )) as Record<string, string>[];
    return groupBy(
      rows,
      (row) => row['evidence_id'] ?? '',
      (row) => ({
        frameworkKey: row['framework_key'] ?? '',
        frameworkVersion: row['framework_version'] ?? '',
        elementKey: row['element_key'] ?? '',
        elementCode: row['element_code'] ?? '',
        elementTitle: row['element_title'] ?? '',
        stageKey: row['stage_key'] ?? '',
        note: row['note'] ?? '',
      }),
    );
  }

  private async addendaOf(ids: string[]): Promise<Map<string, PortfolioAddendum[]>> {
    const rows = (await this.runner.query(
      `SELECT addendum.id, addendum.evidence_id, addendum.body, addendum.created_at, author.display_name
         FROM evidence_addendum addendum JOIN app_user author ON author.id = addendum.author_id
        WHERE addendum.evidence_id = ANY ($1) ORDER BY addendum.created_at, addendum.id`,
      [ids],
    )) as { id: string; evidence_id: string; body: string; created_at: Date; display_name: string }[];
    return groupBy(
      rows,
      (row) => row.evidence_id,
      (row) => ({
        id: row.id,
        authorName: row.display_name,
        body: row.body,
        createdAt: row.created_at.toISOString(),
      }),
    );
  }

  private async attachmentsOf(ids: string[]): Promise<Map<string, AttachmentRow[]>> {
    const rows = (await this.runner.query(
      `SELECT id, evidence_id, file_name, content_type, size_bytes, sha256, storage_key, created_at
         FROM evidence_attachment WHERE evidence_id = ANY ($1) ORDER BY created_at, id`,
      [ids],
    )) as AttachmentRow[];
    return groupBy(
      rows,
      (row) => row.evidence_id,
      (row) => row,
    );
  }

  private async roundsOf(ids: string[]): Promise<Map<string, PortfolioAssessmentRound[]>> {
    const rows = (await this.runner.query(
      `SELECT assessment_id, number, sent_at, answers, assessor_name, decision, decided_at, decided_by_name, comments,
              judgement
         FROM assessment_round WHERE assessment_id = ANY ($1) ORDER BY number`,
      [ids],
    )) as RoundRow[];
    return groupBy(
      rows,
      (row) => row.assessment_id,
      (row) => ({
        number: row.number,
        sentAt: row.sent_at.toISOString(),
        assessorName: row.assessor_name,
        answers: row.answers,
        decision: row.decision,
        decidedAt: iso(row.decided_at),
        decidedBy: row.decided_by_name,
        comments: row.comments,
        judgement: row.decision ? row.judgement : null,
      }),
    );
  }
}

function groupBy<Row, Value>(rows: Row[], keyOf: (row: Row) => string, valueOf: (row: Row) => Value) {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? [];
    group.push(valueOf(row));
    groups.set(key, group);
  }
  return groups;
}

interface EvidenceRow {
  id: string;
  type: EvidenceType;
  title: string;
  occurred_on: string;
  status: EvidenceStatus;
  visibility: EvidenceVisibility;
  body: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  locked_at: Date | null;
}

interface AttachmentRow {
  id: string;
  evidence_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Date;
}

interface AssessmentRow {
  id: string;
  title: string;
  status: AssessmentStatus;
  answers: AssessmentAnswers;
  work_evidence_id: string | null;
  evidence_ids: string[];
  assessor_kind: AssessorKind | null;
  assessor_name: string | null;
  requested_at: Date | null;
  judgement: AssessorJudgement | null;
  signed_at: Date | null;
  signed_by_name: string | null;
  signed_content: Record<string, unknown> | null;
  signed_content_sha256: string | null;
  amends: string | null;
  correction_reason: string | null;
  created_at: Date;
  created_key: string;
  created_on: string;
  updated_at: Date;
  template_key: string;
  template_version: string;
  template_title: string;
  stage_key: string | null;
  overall_title: string | null;
}

interface RoundRow {
  assessment_id: string;
  number: number;
  sent_at: Date;
  answers: AssessmentAnswers;
  assessor_name: string;
  decision: PortfolioAssessmentRound['decision'];
  decided_at: Date | null;
  decided_by_name: string | null;
  comments: string;
  judgement: AssessorJudgement | null;
}
