import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ElementSignOffView, SignOffElementRequest } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import { visibleEvidenceCondition } from '../evidence/evidence-visibility';
import { TraineeFramework } from '../evidence/trainee-framework';
import { currentAssignment, visibleTraineeCondition } from '../trainees/trainee-visibility';
import { SignOffsRepository } from './sign-offs.repository';

const traineeNotFound = 'There is no trainee with that id that you supervise.';

/** Element sign-off by the trainee's current educational supervisor: recorded once, never edited. */
@Injectable()
export class SignOffsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signOffs: SignOffsRepository,
    private readonly traineeFramework: TraineeFramework,
    private readonly audit: AuditService,
  ) {}

  /** Signs off the element; if it already is, answers the existing record (a retry signs once). */
  signOff(
    user: SessionUser,
    traineeId: string,
    request: SignOffElementRequest,
  ): Promise<{ created: boolean; signOff: ElementSignOffView }> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireCurrentSupervisor(manager, user, traineeId);
      const placement = await this.traineeFramework.placementOf(manager, traineeId);
      if (!placement) {
        throw new NotFoundException('No framework is loaded.');
      }
      const { links, errors } = await this.traineeFramework.resolveLinks(manager, placement, [
        { elementKey: request.elementKey, stageKey: request.stageKey },
      ]);
      const [target] = links;
      if (errors.length > 0 || !target) {
        const [problem] = errors;
        throw fieldError(
          problem?.field.endsWith('stageKey') ? 'stageKey' : 'elementKey',
          problem?.message ?? 'Unknown element',
        );
      }
      const evidenceIds = [...new Set(request.evidenceIds ?? [])];
      const assessmentIds = [...new Set(request.assessmentIds ?? [])];
      if (evidenceIds.length + assessmentIds.length === 0) {
        throw fieldError('evidenceIds', 'Cite at least one evidence item or signed assessment');
      }
      await this.requireCitedEvidence(manager, user, traineeId, evidenceIds);
      await this.requireCitedAssessments(manager, traineeId, assessmentIds);
      // One sign-off at a time per trainee, element and stage; the unique index backs this up.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `sign-off:${traineeId}:${target.elementId}:${target.stageId}`,
      ]);
      const head = await this.signOffs.currentHead(manager, traineeId, target.elementId, target.stageId);
      if (head?.kind === 'sign-off') {
        return { created: false, signOff: head };
      }
      const id = await this.signOffs.insert(manager, {
        traineeId,
        elementId: target.elementId,
        stageId: target.stageId,
        kind: 'sign-off',
        recordedBy: user.id,
        evidenceIds,
        assessmentIds,
        note: request.note?.trim() ?? '',
        supersedes: head?.id ?? null,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'element.signed-off',
          entityType: 'element_sign_off',
          entityId: id,
          details: { traineeId, elementKey: request.elementKey },
        },
        manager,
      );
      const created = await this.signOffs.currentHead(manager, traineeId, target.elementId, target.stageId);
      return { created: true, signOff: created as ElementSignOffView };
    });
  }

  /** Withdraws a sign-off by recording a withdrawal with a reason; the sign-off itself stays. */
  withdraw(user: SessionUser, traineeId: string, signOffId: string, reason: string): Promise<ElementSignOffView> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireCurrentSupervisor(manager, user, traineeId);
      const record = await this.signOffs.findById(manager, traineeId, signOffId);
      if (!record) {
        throw new NotFoundException('There is no sign-off with that id for this trainee.');
      }
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `sign-off:${traineeId}:${record.elementId}:${record.stageId}`,
      ]);
      const current = await this.signOffs.findById(manager, traineeId, signOffId);
      if (!current || current.kind !== 'sign-off' || !current.isHead) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: 'This sign-off has already been withdrawn or followed by a later record.',
        });
      }
      const id = await this.signOffs.insert(manager, {
        traineeId,
        elementId: current.elementId,
        stageId: current.stageId,
        kind: 'withdrawal',
        recordedBy: user.id,
        evidenceIds: [],
        assessmentIds: [],
        note: reason.trim(),
        supersedes: current.id,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'element.sign-off-withdrawn',
          entityType: 'element_sign_off',
          entityId: id,
          details: { traineeId, withdrawn: signOffId },
        },
        manager,
      );
      return (await this.signOffs.currentHead(
        manager,
        traineeId,
        current.elementId,
        current.stageId,
      )) as ElementSignOffView;
    });
  }

  async history(user: SessionUser, traineeId: string): Promise<ElementSignOffView[]> {
    const visible = await this.dataSource.query(
      `SELECT 1 FROM app_user trainee WHERE trainee.id = $2 AND ${visibleTraineeCondition(user, 'trainee', '$1')}`,
      [user.id, traineeId],
    );
    if (visible.length === 0) {
      throw new NotFoundException('There is no trainee with that id that you can see.');
    }
    return this.signOffs.history(traineeId);
  }

  private async requireCurrentSupervisor(manager: EntityManager, user: SessionUser, traineeId: string): Promise<void> {
    const rows = await manager.query(
      `SELECT 1 FROM supervisor_assignment assignment
        WHERE assignment.trainee_id = $1 AND assignment.supervisor_id = $2
          AND ${currentAssignment('assignment')}`,
      [traineeId, user.id],
    );
    if (rows.length === 0) {
      throw new NotFoundException(traineeNotFound);
    }
  }

  private async requireCitedAssessments(
    manager: EntityManager,
    traineeId: string,
    assessmentIds: string[],
  ): Promise<void> {
    if (assessmentIds.length === 0) return;
    const found = (await manager.query(
      `SELECT id FROM assessment WHERE id = ANY ($1::uuid[]) AND trainee_id = $2 AND status = 'signed-off'`,
      [assessmentIds, traineeId],
    )) as { id: string }[];
    if (found.length !== assessmentIds.length) {
      throw fieldError('assessmentIds', 'Cite signed assessments of this trainee');
    }
  }

  private async requireCitedEvidence(
    manager: EntityManager,
    user: SessionUser,
    traineeId: string,
    evidenceIds: string[],
  ): Promise<void> {
    const wanted = evidenceIds;
    if (wanted.length === 0) return;
    const found = (await manager.query(
      `SELECT item.id FROM evidence_item item
        WHERE item.id = ANY ($2::uuid[]) AND item.trainee_id = $3 AND ${visibleEvidenceCondition(user, 'item', '$1')}`,
      [user.id, wanted, traineeId],
    )) as { id: string }[];
    if (found.length !== wanted.length) {
      throw fieldError('evidenceIds', 'Cite evidence of this trainee that has been shared with you');
    }
  }
}
