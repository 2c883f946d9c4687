import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import { type AssessmentTemplateFile, assessedElementKeys, canonicalJson, checkJudgement } from '@portfolio/competency';
import type {
  AssessmentView,
  AssessorJudgement,
  EvidenceView,
  ReturnAssessmentRequest,
  SaveJudgementRequest,
} from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { EvidenceService } from '../evidence/evidence.service';
import { Mailer } from '../mail/mailer';
import { decisionMail } from './assessment-mail';
import { AssessmentTemplatesRepository } from './assessment-templates.repository';
import type { TicketSession } from './assessment-tickets';
import { AssessmentTickets } from './assessment-tickets';
import { type AssessmentViewer, AssessmentViews } from './assessment-views';
import { type AssessmentRow, AssessmentsRepository } from './assessments.repository';
import { assessmentNotFound, throwProblems } from './assessments.service';

/** The assessor: a signed-in user, or an external assessor in the session their link opened. */
export type AssessorIdentity = { kind: 'user'; user: SessionUser } | { kind: 'ticket'; session: TicketSession };

/** The assessor's side: rating, returning for revision, signing off, and correcting a signed record. */
@Injectable()
export class AssessingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsRepository,
    private readonly templates: AssessmentTemplatesRepository,
    private readonly views: AssessmentViews,
    private readonly tickets: AssessmentTickets,
    private readonly evidence: EvidenceService,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The assessment as its assessor sees it (for an external assessor, the only one they can open). */
  async view(identity: AssessorIdentity, id: string): Promise<AssessmentView> {
    const row = await this.assessments.find(id);
    if (!row || !(await this.isAssessor(this.dataSource.manager, identity, row))) {
      throw new NotFoundException(assessmentNotFound);
    }
    return this.views.build(row, viewerOf(identity));
  }

  async saveJudgement(identity: AssessorIdentity, id: string, request: SaveJudgementRequest): Promise<AssessmentView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, template } = await this.assessing(manager, identity, id, request.version);
      const judgement = judgementOf(request);
      throwProblems(checkJudgement(template, row.answers, judgement, { complete: false }));
      await this.assessments.update(manager, id, { judgement, status: 'in-progress' });
      await this.audit.record(
        {
          actorId: identity.kind === 'user' ? identity.user.id : null,
          action: 'assessment.judgement-saved',
          entityType: 'assessment',
          entityId: id,
          details: identity.kind === 'ticket' ? { externalAssessor: identity.session.email } : {},
        },
        manager,
      );
      return this.reload(manager, identity, id);
    });
  }

  async returnForRevision(
    identity: AssessorIdentity,
    id: string,
    request: ReturnAssessmentRequest,
  ): Promise<AssessmentView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, template } = await this.assessing(manager, identity, id, request.version);
      const judgement = judgementOf(request);
      throwProblems(checkJudgement(template, row.answers, judgement, { complete: false }));
      const round = await this.assessments.openRound(manager, id);
      if (round) {
        await this.assessments.decideRound(
          manager,
          round.id,
          'returned',
          nameOf(identity),
          request.comments.trim(),
          judgement,
        );
      }
      await this.assessments.update(manager, id, { judgement, status: 'returned' });
      await this.afterDecision(manager, identity, row, 'returned');
      return this.reload(manager, identity, id);
    });
  }

  /**
   * Signs the assessment: records who, when and the SHA-256 of everything signed, and locks the
   * work and evidence it assessed. A retry with the same Idempotency-Key answers the same record.
   */
  async signOff(
    identity: AssessorIdentity,
    id: string,
    request: SaveJudgementRequest,
    idempotencyKey: string | undefined,
  ): Promise<{ created: boolean; assessment: AssessmentView }> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.assessments.findForUpdate(manager, id);
      if (current?.status === 'signed-off' && (await this.isAssessor(manager, identity, current))) {
        if (idempotencyKey && idempotencyKey === current.sign_off_idempotency_key) {
          return { created: false, assessment: await this.views.build(current, viewerOf(identity), manager) };
        }
      }
      const { row, template } = await this.assessing(manager, identity, id, request.version);
      const judgement = judgementOf(request);
      throwProblems(checkJudgement(template, row.answers, judgement, { complete: true }));
      const signedAt = new Date();
      const signer = signerOf(identity);
      const evidenceIds = [...(row.work_evidence_id ? [row.work_evidence_id] : []), ...row.evidence_ids];
      const evidence = await this.evidence.viewsOf(evidenceIds, manager);
      const content = signedContent(row, template, evidence, judgement, signer, signedAt);
      const contentSha256 = createHash('sha256').update(canonicalJson(content)).digest('hex');
      const round = await this.assessments.openRound(manager, id);
      if (round) {
        await this.assessments.decideRound(manager, round.id, 'signed-off', signer.name, '', judgement);
      }
      await this.assessments.update(manager, id, {
        status: 'signed-off',
        judgement,
        signed_at: signedAt,
        signed_by_name: signer.name,
        signed_content: content,
        signed_content_sha256: contentSha256,
        sign_off_idempotency_key: idempotencyKey ?? null,
      });
      await manager.query(
        `UPDATE evidence_item SET status = 'locked', locked_at = now(), version = version + 1, updated_at = now()
          WHERE id = ANY ($1::uuid[]) AND status <> 'locked'`,
        [evidenceIds],
      );
      if (row.stage_id) {
        await manager.query(
          `INSERT INTO assessment_element (assessment_id, element_id, stage_id)
           SELECT $1, element.id, stage.id FROM framework_stage stage
             JOIN framework_element element ON element.framework_id = stage.framework_id
            WHERE stage.id = $2 AND element.key = ANY ($3::text[])
              AND EXISTS (SELECT 1 FROM framework_outcome outcome
                           WHERE outcome.element_id = element.id AND outcome.stage_id = stage.id)
           ON CONFLICT DO NOTHING`,
          [id, row.stage_id, assessedElementKeys(template, row.answers)],
        );
      }
      await this.afterDecision(manager, identity, row, 'signed-off', { contentSha256 });
      return { created: true, assessment: await this.reload(manager, identity, id) };
    });
  }

  /** A correction of a signed assessment: a new version that amends it, for its assessor to sign again. */
  async correct(user: SessionUser, id: string, reason: string): Promise<AssessmentView> {
    const identity: AssessorIdentity = { kind: 'user', user };
    const newId = await this.dataSource.transaction(async (manager) => {
      const row = await this.assessments.findForUpdate(manager, id);
      if (!row || !(await this.isAssessor(manager, identity, row))) {
        throw new NotFoundException(assessmentNotFound);
      }
      if (row.status !== 'signed-off') {
        throw conflict('Only a signed assessment is corrected this way; until then, change it directly.');
      }
      const existing = await this.assessments.amendedBy(id, manager);
      if (existing) {
        throw conflict('This assessment has already been corrected: correct the newer version instead.', {
          amendedBy: existing,
        });
      }
      const correctionId = await this.assessments.insert(manager, {
        trainee_id: row.trainee_id,
        template_id: row.template_id,
        title: row.title,
        stage_id: row.stage_id,
        answers: row.answers,
        work_evidence_id: row.work_evidence_id,
        evidence_ids: row.evidence_ids,
        status: 'in-progress',
        assessor_kind: row.assessor_kind,
        assessor_id: row.assessor_id,
        assessor_name: row.assessor_name,
        assessor_email: row.assessor_email,
        judgement: row.judgement,
        amends: row.id,
        correction_reason: reason.trim(),
      });
      await this.assessments.startRound(manager, correctionId, row.answers, user.displayName);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'assessment.correction-started',
          entityType: 'assessment',
          entityId: correctionId,
          details: { amends: row.id, reason: reason.trim() },
        },
        manager,
      );
      return correctionId;
    });
    const row = await this.assessments.find(newId);
    return this.views.build(row as AssessmentRow, viewerOf(identity));
  }

  private async assessing(
    manager: EntityManager,
    identity: AssessorIdentity,
    id: string,
    version: number,
  ): Promise<{ row: AssessmentRow; template: AssessmentTemplateFile }> {
    const row = await this.assessments.findForUpdate(manager, id);
    if (!row || !(await this.isAssessor(manager, identity, row))) {
      throw new NotFoundException(assessmentNotFound);
    }
    if (row.status === 'signed-off') {
      throw conflict(
        `This assessment was signed off by ${row.signed_by_name ?? 'its assessor'} on ${row.signed_at?.toISOString() ?? ''}. ` +
          'A signed record never changes; a correction is made as a new version.',
      );
    }
    if (row.status !== 'requested' && row.status !== 'in-progress') {
      throw conflict('This assessment is not waiting for an assessor: it is with the trainee.');
    }
    if (row.version !== version) {
      throw conflict('This assessment was changed elsewhere (perhaps in another tab) after you opened it.', {
        current: await this.views.build(row, viewerOf(identity), manager),
      });
    }
    const template = await this.templates.findById(row.template_id, manager);
    if (!template) {
      throw new Error(`assessment ${row.id} names a template that is not stored`);
    }
    return { row, template: template.definition };
  }

  private async isAssessor(manager: EntityManager, identity: AssessorIdentity, row: AssessmentRow): Promise<boolean> {
    if (identity.kind === 'user') {
      return row.assessor_kind !== 'external' && row.assessor_id === identity.user.id;
    }
    if (row.assessor_kind !== 'external' || row.id !== identity.session.assessmentId) {
      return false;
    }
    // The link belongs to one round: after the work is returned and sent again, a new link is needed.
    const rounds = await this.assessments.rounds(row.id, manager);
    return rounds.at(-1)?.id === identity.session.roundId;
  }

  private async afterDecision(
    manager: EntityManager,
    identity: AssessorIdentity,
    row: AssessmentRow,
    decision: 'returned' | 'signed-off',
    details: Record<string, unknown> = {},
  ): Promise<void> {
    if (identity.kind === 'ticket') {
      await this.tickets.endSession(manager, identity.session.ticketId);
    }
    const [trainee] = (await manager.query(`SELECT email, display_name FROM app_user WHERE id = $1`, [
      row.trainee_id,
    ])) as { email: string; display_name: string }[];
    if (trainee) {
      await this.mailer.send(
        decisionMail({
          to: trainee.email,
          traineeName: trainee.display_name,
          title: row.title,
          assessorName: nameOf(identity),
          decision,
          link: `${this.config.publicUrl}/assessments/${row.id}`,
        }),
        manager,
      );
    }
    await this.audit.record(
      {
        actorId: identity.kind === 'user' ? identity.user.id : null,
        action: decision === 'returned' ? 'assessment.returned' : 'assessment.signed-off',
        entityType: 'assessment',
        entityId: row.id,
        details: { ...details, ...(identity.kind === 'ticket' ? { externalAssessor: identity.session.email } : {}) },
      },
      manager,
    );
  }

  private async reload(manager: EntityManager, identity: AssessorIdentity, id: string): Promise<AssessmentView> {
    const row = await this.assessments.find(id, manager);
    return this.views.build(row as AssessmentRow, viewerOf(identity), manager);
  }
}

function viewerOf(identity: AssessorIdentity): AssessmentViewer {
  return identity.kind === 'user'
    ? { kind: 'user', userId: identity.user.id }
    : { kind: 'ticket', ticketId: identity.session.ticketId };
}

function nameOf(identity: AssessorIdentity): string {
  return identity.kind === 'user' ? identity.user.displayName : identity.session.name;
}

function signerOf(identity: AssessorIdentity): { kind: string; userId: string | null; name: string; email: string } {
  return identity.kind === 'user'
    ? { kind: 'user', userId: identity.user.id, name: identity.user.displayName, email: identity.user.email }
    : { kind: 'external', userId: null, name: identity.session.name, email: identity.session.email };
}

function judgementOf(request: SaveJudgementRequest): AssessorJudgement {
  return {
    ratings: request.ratings,
    overallJudgement: request.overallJudgement ?? null,
    feedback: request.feedback.trim(),
  };
}

/** Everything a signature covers; its canonical JSON is what the SHA-256 is taken of. */
function signedContent(
  row: AssessmentRow,
  template: AssessmentTemplateFile,
  evidence: EvidenceView[],
  judgement: AssessorJudgement,
  signer: ReturnType<typeof signerOf>,
  signedAt: Date,
): Record<string, unknown> {
  return {
    assessment: {
      id: row.id,
      traineeId: row.trainee_id,
      template: { key: template.key, version: template.version },
      title: row.title,
      amends: row.amends,
    },
    answers: row.answers,
    evidence: evidence.map((item) => ({
      id: item.id,
      type: item.type,
      title: item.title,
      occurredOn: item.occurredOn,
      body: item.body,
      links: item.links.map((link) => ({ elementKey: link.elementKey, stageKey: link.stageKey })),
      attachments: item.attachments.map((attachment) => ({ fileName: attachment.fileName, sha256: attachment.sha256 })),
    })),
    judgement,
    signer,
    signedAt: signedAt.toISOString(),
  };
}

function conflict(message: string, extra: Record<string, unknown> = {}): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, ...extra });
}
