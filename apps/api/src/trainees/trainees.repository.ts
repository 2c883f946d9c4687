import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { TraineeSummary, TraineeView, TrainingRecordView } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { visibleTraineeCondition } from './trainee-visibility';

export interface PageRequest {
  after: { displayName: string; id: string } | null;
  limit: number;
}

@Injectable()
export class TraineesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Trainees the user may see, by name, one keyset page at a time, with each one's latest training record. */
  async listVisible(user: SessionUser, page: PageRequest): Promise<TraineeSummary[]> {
    const rows = (await this.dataSource.query(
      `SELECT trainee.id, trainee.display_name, trainee.gmc_number, latest.programme_name, latest.stage_key, latest.grade
         FROM app_user trainee
         LEFT JOIN LATERAL (
           SELECT programme.name AS programme_name, record.stage_key, record.grade
             FROM training_record record JOIN programme ON programme.id = record.programme_id
            WHERE record.trainee_id = trainee.id
            ORDER BY record.starts_on DESC LIMIT 1) latest ON true
        WHERE 'trainee' = ANY (trainee.roles)
          AND ${visibleTraineeCondition(user, 'trainee', '$1')}
          AND ($2::text IS NULL OR (trainee.display_name, trainee.id) > ($2::text, $3::uuid))
        ORDER BY trainee.display_name, trainee.id
        LIMIT $4`,
      [user.id, page.after?.displayName ?? null, page.after?.id ?? null, page.limit],
    )) as {
      id: string;
      display_name: string;
      gmc_number: string | null;
      programme_name: string | null;
      stage_key: string | null;
      grade: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      gmcNumber: row.gmc_number,
      programmeName: row.programme_name,
      stageKey: row.stage_key,
      grade: row.grade,
    }));
  }

  /** The trainee, or null when there is none the user may see (the two are not told apart). */
  async findVisible(user: SessionUser, traineeId: string): Promise<TraineeView | null> {
    const [trainee] = (await this.dataSource.query(
      `SELECT trainee.id, trainee.display_name, trainee.email, trainee.gmc_number
         FROM app_user trainee
        WHERE trainee.id = $2 AND 'trainee' = ANY (trainee.roles)
          AND ${visibleTraineeCondition(user, 'trainee', '$1')}`,
      [user.id, traineeId],
    )) as { id: string; display_name: string; email: string; gmc_number: string | null }[];
    if (!trainee) {
      return null;
    }
    const [records, supervisors] = await Promise.all([
      this.dataSource.query(
        `SELECT record.id, record.programme_id, programme.name AS programme_name, deanery.id AS deanery_id,
                deanery.name AS deanery_name, record.stage_key, record.grade,
                to_char(record.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(record.ends_on, 'YYYY-MM-DD') AS ends_on
           FROM training_record record
           JOIN programme ON programme.id = record.programme_id
           JOIN deanery ON deanery.id = programme.deanery_id
          WHERE record.trainee_id = $1 ORDER BY record.starts_on DESC`,
        [traineeId],
      ) as Promise<Record<string, string | null>[]>,
      this.dataSource.query(
        `SELECT supervisor.id, supervisor.display_name, to_char(assignment.starts_on, 'YYYY-MM-DD') AS starts_on,
                to_char(assignment.ends_on, 'YYYY-MM-DD') AS ends_on
           FROM supervisor_assignment assignment JOIN app_user supervisor ON supervisor.id = assignment.supervisor_id
          WHERE assignment.trainee_id = $1 ORDER BY assignment.starts_on DESC`,
        [traineeId],
      ) as Promise<{ id: string; display_name: string; starts_on: string; ends_on: string | null }[]>,
    ]);
    return {
      id: trainee.id,
      displayName: trainee.display_name,
      email: trainee.email,
      gmcNumber: trainee.gmc_number,
      trainingRecords: records.map(toTrainingRecordView),
      supervisors: supervisors.map((row) => ({
        id: row.id,
        displayName: row.display_name,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
      })),
    };
  }
}

function toTrainingRecordView(row: Record<string, string | null>): TrainingRecordView {
  return {
    id: row['id'] ?? '',
    programmeId: row['programme_id'] ?? '',
    programmeName: row['programme_name'] ?? '',
    deaneryId: row['deanery_id'] ?? '',
    deaneryName: row['deanery_name'] ?? '',
    stageKey: row['stage_key'] ?? '',
    grade: row['grade'] ?? '',
    startsOn: row['starts_on'] ?? '',
    endsOn: row['ends_on'] ?? null,
  };
}
