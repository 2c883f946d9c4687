import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type FieldError,
  type ProgressionReviewInput,
  type ProgressionReviewView,
  type UpdateProgressionReviewRequest,
  hasPermission,
  isReviewPeriod,
} from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { fieldError, rethrowUniqueViolation } from '../common/field-errors';
import { visibleEvidenceCondition } from '../evidence/evidence-visibility';
import { visibleTraineeCondition } from '../trainees/trainee-visibility';
import { inViewersDeanery } from './deanery-scope';
import { type ReviewRow, ReviewsRepository, toReviewView } from './reviews.repository';

const reviewNotFound = 'There is no progression review with that id that you can see.';
const traineeNotFound = 'There is no trainee with that id in your deanery.';

/**
 * Progression reviews: recorded by the trainee's deanery, a draft until finalised, then never
 * changed (a correction is a new review that amends it). Trainees and supervisors see final ones.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: SessionUser, traineeId: string): Promise<ProgressionReviewView[]> {
    const manages = await this.manages(this.dataSource.manager, user, traineeId);
    if (!manages && !(await this.canSeeTrainee(user, traineeId))) {
      throw new NotFoundException('There is no trainee with that id that you can see.');
    }
    return (await this.reviews.listFor(traineeId, !manages)).map(toReviewView);
  }

  async get(user: SessionUser, id: string): Promise<ProgressionReviewView> {
    const row = await this.reviews.find(id);
    if (!row) throw new NotFoundException(reviewNotFound);
    const manages = await this.manages(this.dataSource.manager, user, row.trainee_id);
    if (!manages && !(row.status === 'final' && (await this.canSeeTrainee(user, row.trainee_id)))) {
      throw new NotFoundException(reviewNotFound);
    }
    return toReviewView(row);
  }

  async create(user: SessionUser, traineeId: string, input: ProgressionReviewInput): Promise<ProgressionReviewView> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.manages(manager, user, traineeId))) throw new NotFoundException(traineeNotFound);
      await this.checkInput(manager, user, traineeId, input);
      const newId = await this.reviews.insert(manager, traineeId, user.id, clean(input)).catch((error: unknown) =>
        rethrowUniqueViolation(error, {
          progression_review_one_per_period: [
            'period',
            `This trainee already has a review for ${input.period}: open it, or correct it once final`,
          ],
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'review.created',
          entityType: 'progression_review',
          entityId: newId,
          details: { traineeId, period: input.period },
        },
        manager,
      );
      return newId;
    });
    return this.get(user, id);
  }

  async update(user: SessionUser, id: string, request: UpdateProgressionReviewRequest): Promise<ProgressionReviewView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.draftForChange(manager, user, id, request.version);
      const input: ProgressionReviewInput = {
        period: request.period,
        reviewDate: request.reviewDate,
        panelMembers: request.panelMembers,
        evidenceIds: request.evidenceIds,
        assessmentIds: request.assessmentIds,
        outcomeCode: request.outcomeCode,
        reasons: request.reasons,
        requiredActions: request.requiredActions,
      };
      await this.checkInput(manager, user, row.trainee_id, input);
      if (input.period !== row.period && row.amends) {
        throw fieldError('period', 'A correction keeps the period of the review it corrects');
      }
      await this.reviews.update(manager, id, clean(input)).catch((error: unknown) =>
        rethrowUniqueViolation(error, {
          progression_review_one_per_period: ['period', `This trainee already has a review for ${input.period}`],
        }),
      );
      await this.audit.record(
        { actorId: user.id, action: 'review.updated', entityType: 'progression_review', entityId: id },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** Finalises the review: it then never changes, and the trainee and supervisor see the outcome. */
  async finalise(user: SessionUser, id: string, version: number): Promise<ProgressionReviewView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.draftForChange(manager, user, id, version);
      const problems: FieldError[] = [];
      if (!row.outcome_code) problems.push({ field: 'outcomeCode', message: 'Choose the outcome' });
      if (row.reasons.trim() === '') problems.push({ field: 'reasons', message: 'Give the reasons for the outcome' });
      if (row.panel_members.length === 0) problems.push({ field: 'panelMembers', message: 'Name the panel members' });
      if (problems.length > 0) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: `The review cannot be finalised yet: ${problems.map((problem) => problem.message).join('; ')}`,
          errors: problems,
        });
      }
      await this.reviews.finalise(manager, id, user.id, user.displayName);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'review.finalised',
          entityType: 'progression_review',
          entityId: id,
          details: { traineeId: row.trainee_id, period: row.period, outcome: row.outcome_code },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** A correction of a final review: a new draft that amends it, finalised in its turn. */
  async correct(user: SessionUser, id: string, reason: string): Promise<ProgressionReviewView> {
    const newId = await this.dataSource.transaction(async (manager) => {
      const row = await this.reviews.find(id, manager, true);
      if (!row || !(await this.manages(manager, user, row.trainee_id))) throw new NotFoundException(reviewNotFound);
      if (row.status !== 'final') {
        throw conflict('Only a final review is corrected this way; a draft is changed directly.');
      }
      if (row.amended_by) {
        throw conflict('This review has already been corrected: correct the newer version instead.');
      }
      const correctionId = await this.reviews.insert(
        manager,
        row.trainee_id,
        user.id,
        {
          period: row.period,
          reviewDate: row.review_date,
          panelMembers: row.panel_members,
          evidenceIds: row.evidence_ids,
          assessmentIds: row.assessment_ids,
          outcomeCode: row.outcome_code,
          reasons: row.reasons,
          requiredActions: row.required_actions,
        },
        { id: row.id, reason: reason.trim() },
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'review.correction-started',
          entityType: 'progression_review',
          entityId: correctionId,
          details: { amends: row.id, reason: reason.trim() },
        },
        manager,
      );
      return correctionId;
    });
    return this.get(user, newId);
  }

  /** Whether the user records progression for this trainee: a deanery administrator of the trainee's deanery. */
  async manages(manager: EntityManager, user: SessionUser, traineeId: string): Promise<boolean> {
    if (!hasPermission(user.roles, 'progression:manage')) return false;
    const rows = (await manager.query(
      `SELECT 1 FROM app_user trainee WHERE trainee.id = $2 AND ${inViewersDeanery('trainee.id', '$1')}`,
      [user.id, traineeId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async canSeeTrainee(user: SessionUser, traineeId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM app_user trainee WHERE trainee.id = $2 AND ${visibleTraineeCondition(user, 'trainee', '$1')}`,
      [user.id, traineeId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async draftForChange(
    manager: EntityManager,
    user: SessionUser,
    id: string,
    version: number,
  ): Promise<ReviewRow> {
    const row = await this.reviews.find(id, manager, true);
    if (!row || !(await this.manages(manager, user, row.trainee_id))) throw new NotFoundException(reviewNotFound);
    if (row.status === 'final') {
      throw conflict(
        `This review was finalised on ${row.finalised_at?.toISOString() ?? ''} and cannot change: record a correction instead.`,
      );
    }
    if (row.version !== version) {
      throw conflict('This review was changed elsewhere after you opened it.', { current: toReviewView(row) });
    }
    return row;
  }

  private async checkInput(
    manager: EntityManager,
    user: SessionUser,
    traineeId: string,
    input: ProgressionReviewInput,
  ): Promise<void> {
    if (!isReviewPeriod(input.period)) {
      throw fieldError('period', 'period must be a training year such as 2026-27');
    }
    const evidenceIds = [...new Set(input.evidenceIds)];
    if (evidenceIds.length > 0) {
      const found = (await manager.query(
        `SELECT item.id FROM evidence_item item
          WHERE item.id = ANY ($2::uuid[]) AND item.trainee_id = $3 AND ${visibleEvidenceCondition(user, 'item', '$1')}`,
        [user.id, evidenceIds, traineeId],
      )) as unknown[];
      if (found.length !== evidenceIds.length) {
        throw fieldError('evidenceIds', 'Cite evidence of this trainee that is visible to the panel');
      }
    }
    const assessmentIds = [...new Set(input.assessmentIds)];
    if (assessmentIds.length > 0) {
      const found = (await manager.query(
        `SELECT id FROM assessment WHERE id = ANY ($1::uuid[]) AND trainee_id = $2 AND status = 'signed-off'`,
        [assessmentIds, traineeId],
      )) as unknown[];
      if (found.length !== assessmentIds.length) {
        throw fieldError('assessmentIds', 'Cite signed assessments of this trainee');
      }
    }
  }
}

function clean(input: ProgressionReviewInput): ProgressionReviewInput {
  return {
    ...input,
    panelMembers: input.panelMembers.map((member) => member.trim()).filter((member) => member !== ''),
    evidenceIds: [...new Set(input.evidenceIds)],
    assessmentIds: [...new Set(input.assessmentIds)],
    reasons: input.reasons.trim(),
    requiredActions: input.requiredActions.trim(),
  };
}

function conflict(message: string, extra: Record<string, unknown> = {}): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, ...extra });
}
