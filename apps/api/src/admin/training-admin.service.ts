import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type {
  CreateAssignmentRequest,
  CreateTrainingRecordRequest,
  Role,
  SupervisorAssignmentView,
} from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';

/** Supervisor assignments and trainees' training records, kept by administrators. */
@Injectable()
export class TrainingAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  assignSupervisor(actor: SessionUser, request: CreateAssignmentRequest): Promise<SupervisorAssignmentView> {
    checkDates(request.startsOn, request.endsOn ?? null);
    return this.dataSource.transaction(async (manager) => {
      await requireRole(manager, request.traineeId, 'trainee', 'traineeId');
      await requireRole(manager, request.supervisorId, 'supervisor', 'supervisorId');
      if (request.traineeId === request.supervisorId) {
        throw fieldError('supervisorId', 'A trainee cannot supervise themselves');
      }
      const [row] = (await manager.query(
        `INSERT INTO supervisor_assignment (trainee_id, supervisor_id, starts_on, ends_on) VALUES ($1, $2, $3, $4) RETURNING id`,
        [request.traineeId, request.supervisorId, request.startsOn, request.endsOn ?? null],
      )) as { id: string }[];
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'supervisor-assignment.created',
          entityType: 'supervisor_assignment',
          entityId: row?.id,
          details: { ...request },
        },
        manager,
      );
      return { id: row?.id ?? '', ...request, endsOn: request.endsOn ?? null };
    });
  }

  addTrainingRecord(actor: SessionUser, request: CreateTrainingRecordRequest): Promise<{ id: string }> {
    checkDates(request.startsOn, request.endsOn ?? null);
    return this.dataSource.transaction(async (manager) => {
      await requireRole(manager, request.traineeId, 'trainee', 'traineeId');
      await requireStageOfProgramme(manager, request.programmeId, request.stageKey);
      const [row] = (await manager.query(
        `INSERT INTO training_record (trainee_id, programme_id, stage_key, grade, starts_on, ends_on)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          request.traineeId,
          request.programmeId,
          request.stageKey,
          request.grade.trim(),
          request.startsOn,
          request.endsOn ?? null,
        ],
      )) as { id: string }[];
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'training-record.created',
          entityType: 'training_record',
          entityId: row?.id,
          details: { ...request },
        },
        manager,
      );
      return { id: row?.id ?? '' };
    });
  }
}

function checkDates(startsOn: string, endsOn: string | null): void {
  if (endsOn !== null && endsOn < startsOn) {
    throw fieldError('endsOn', 'endsOn must be on or after startsOn');
  }
}

async function requireRole(manager: EntityManager, userId: string, role: Role, field: string): Promise<void> {
  const rows = await manager.query(
    `SELECT 1 FROM app_user WHERE id = $1 AND $2 = ANY (roles) AND disabled_at IS NULL`,
    [userId, role],
  );
  if (rows.length === 0) {
    throw fieldError(field, `There is no active ${role} with that id`);
  }
}

/** The stage must be one the programme's framework has. */
export async function requireStageOfProgramme(
  manager: EntityManager,
  programmeId: string,
  stageKey: string,
): Promise<void> {
  const [programme] = (await manager.query(
    `SELECT programme.framework_key,
            EXISTS (SELECT 1 FROM framework JOIN framework_stage stage ON stage.framework_id = framework.id
                     WHERE framework.key = programme.framework_key AND stage.key = $2) AS stage_known
       FROM programme WHERE programme.id = $1`,
    [programmeId, stageKey],
  )) as { framework_key: string; stage_known: boolean }[];
  if (!programme) {
    throw fieldError('programmeId', 'There is no programme with that id');
  }
  if (!programme.stage_known) {
    throw fieldError('stageKey', `'${stageKey}' is not a stage of the ${programme.framework_key} framework`);
  }
}
