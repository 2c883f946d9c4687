import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ElementSignOffView } from '@portfolio/contracts';

const viewColumns = `record.id, record.trainee_id, element.key AS element_key, element.code AS element_code,
  element.title AS element_title, stage.key AS stage_key, record.kind, record.recorded_by,
  recorder.display_name AS recorded_by_name, record.recorded_at, record.evidence_ids, record.assessment_ids, record.note, record.supersedes`;

const viewJoins = `JOIN framework_element element ON element.id = record.element_id
  JOIN framework_stage stage ON stage.id = record.stage_id
  JOIN app_user recorder ON recorder.id = record.recorded_by`;

/** The head of a chain: the record no later record supersedes. */
const isHead = `NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)`;

interface SignOffRow {
  id: string;
  trainee_id: string;
  element_key: string;
  element_code: string;
  element_title: string;
  stage_key: string;
  kind: 'sign-off' | 'withdrawal';
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
  evidence_ids: string[];
  assessment_ids: string[];
  note: string;
  supersedes: string | null;
}

export interface NewSignOffRecord {
  traineeId: string;
  elementId: string;
  stageId: string;
  kind: 'sign-off' | 'withdrawal';
  recordedBy: string;
  evidenceIds: string[];
  assessmentIds: string[];
  note: string;
  supersedes: string | null;
}

@Injectable()
export class SignOffsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async currentHead(
    manager: EntityManager,
    traineeId: string,
    elementId: string,
    stageId: string,
  ): Promise<ElementSignOffView | null> {
    const [row] = (await manager.query(
      `SELECT ${viewColumns} FROM element_sign_off record ${viewJoins}
        WHERE record.trainee_id = $1 AND record.element_id = $2 AND record.stage_id = $3 AND ${isHead}`,
      [traineeId, elementId, stageId],
    )) as SignOffRow[];
    return row ? toView(row) : null;
  }

  async findById(
    manager: EntityManager,
    traineeId: string,
    id: string,
  ): Promise<(ElementSignOffView & { isHead: boolean; elementId: string; stageId: string }) | null> {
    const [row] = (await manager.query(
      `SELECT ${viewColumns}, record.element_id, record.stage_id, ${isHead} AS is_head
         FROM element_sign_off record ${viewJoins} WHERE record.id = $1 AND record.trainee_id = $2`,
      [id, traineeId],
    )) as (SignOffRow & { element_id: string; stage_id: string; is_head: boolean })[];
    return row ? { ...toView(row), isHead: row.is_head, elementId: row.element_id, stageId: row.stage_id } : null;
  }

  async insert(manager: EntityManager, record: NewSignOffRecord): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO element_sign_off (trainee_id, element_id, stage_id, kind, recorded_by, evidence_ids, assessment_ids,
                                     note, supersedes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        record.traineeId,
        record.elementId,
        record.stageId,
        record.kind,
        record.recordedBy,
        record.evidenceIds,
        record.assessmentIds,
        record.note,
        record.supersedes,
      ],
    )) as { id: string }[];
    return row?.id ?? '';
  }

  async history(traineeId: string): Promise<ElementSignOffView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${viewColumns} FROM element_sign_off record ${viewJoins}
        WHERE record.trainee_id = $1 ORDER BY record.recorded_at, record.id`,
      [traineeId],
    )) as SignOffRow[];
    return rows.map(toView);
  }
}

function toView(row: SignOffRow): ElementSignOffView {
  return {
    id: row.id,
    traineeId: row.trainee_id,
    elementKey: row.element_key,
    elementCode: row.element_code,
    elementTitle: row.element_title,
    stageKey: row.stage_key,
    kind: row.kind,
    recordedBy: { id: row.recorded_by, displayName: row.recorded_by_name },
    recordedAt: new Date(row.recorded_at).toISOString(),
    evidenceIds: row.evidence_ids,
    assessmentIds: row.assessment_ids,
    note: row.note,
    supersedes: row.supersedes,
  };
}
