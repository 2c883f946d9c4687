import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AssessmentTemplateFile } from '@portfolio/competency';
import type { AssessorChoice, AssessorKind } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { Mailer } from '../mail/mailer';
import { currentAssignment } from '../trainees/trainee-visibility';
import { externalRequestMail, internalRequestMail } from './assessment-mail';
import { AssessmentTickets } from './assessment-tickets';
import { type AssessmentRow, AssessmentsRepository } from './assessments.repository';

interface ChosenAssessor {
  kind: AssessorKind;
  id: string | null;
  name: string;
  email: string;
}

const kindNames: Record<AssessorKind, string> = {
  supervisor: 'your educational supervisor',
  assessor: 'a registered assessor',
  external: 'an assessor by email',
};

/** Sending work to an assessor (a supervisor, a registered assessor, or someone by email) and taking it back. */
@Injectable()
export class AssessmentRequests {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly tickets: AssessmentTickets,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(
    manager: EntityManager,
    trainee: SessionUser,
    row: AssessmentRow,
    template: AssessmentTemplateFile,
    choice: AssessorChoice,
  ): Promise<void> {
    const allowed = template.assessorRoles ?? ['supervisor', 'assessor', 'external'];
    if (!allowed.includes(choice.kind)) {
      throw fieldError(
        'assessor.kind',
        `${template.title} is assessed by ${allowed.map((kind) => kindNames[kind]).join(' or ')}`,
      );
    }
    const assessor = await this.chooseAssessor(manager, trainee, choice);
    const sameAssessor =
      assessor.kind === row.assessor_kind && assessor.id === row.assessor_id && assessor.email === row.assessor_email;
    const roundId = await this.assessments.startRound(manager, row.id, row.answers, assessor.name);
    if (row.work_evidence_id) {
      await manager.query(
        `UPDATE evidence_item SET status = 'submitted', submitted_at = coalesce(submitted_at, now()),
                version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'draft'`,
        [row.work_evidence_id],
      );
    }
    await this.assessments.update(manager, row.id, {
      status: 'requested',
      assessor_kind: assessor.kind,
      assessor_id: assessor.id,
      assessor_name: assessor.name,
      assessor_email: assessor.email,
      requested_at: new Date(),
      reminder_queued_at: null,
      // A returned piece goes back to the same assessor with their earlier ratings as a start.
      judgement: sameAssessor ? row.judgement : null,
    });
    const templateTitle = template.title;
    if (assessor.kind === 'external') {
      const ticket = await this.tickets.issue(manager, {
        assessmentId: row.id,
        roundId,
        email: assessor.email,
        name: assessor.name,
        createdBy: trainee.id,
      });
      await this.mailer.send(
        externalRequestMail({
          to: assessor.email,
          assessorName: assessor.name,
          traineeName: trainee.displayName,
          title: row.title,
          templateTitle,
          link: ticket.link,
        }),
        manager,
      );
    } else {
      await this.mailer.send(
        internalRequestMail({
          to: assessor.email,
          assessorName: assessor.name,
          traineeName: trainee.displayName,
          title: row.title,
          templateTitle,
          link: `${this.config.publicUrl}/assessments/${row.id}`,
        }),
        manager,
      );
    }
    await this.audit.record(
      {
        actorId: trainee.id,
        action: 'assessment.sent',
        entityType: 'assessment',
        entityId: row.id,
        details: { assessorKind: assessor.kind, assessorId: assessor.id, assessorEmail: assessor.email },
      },
      manager,
    );
  }

  async revokeTicket(manager: EntityManager, trainee: SessionUser, row: AssessmentRow): Promise<void> {
    const waiting = row.status === 'requested' || row.status === 'in-progress';
    const revoked = row.assessor_kind === 'external' && waiting ? await this.tickets.revokeLive(manager, row.id) : 0;
    if (revoked === 0) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'There is no link of this assessment that still works: nothing to revoke.',
      });
    }
    const round = await this.assessments.openRound(manager, row.id);
    if (round) {
      await this.assessments.decideRound(manager, round.id, 'withdrawn', trainee.displayName, '', null);
    }
    await this.assessments.update(manager, row.id, {
      status: 'draft',
      assessor_kind: null,
      assessor_id: null,
      assessor_name: null,
      assessor_email: null,
      requested_at: null,
      judgement: null,
    });
    await this.audit.record(
      { actorId: trainee.id, action: 'assessment.ticket-revoked', entityType: 'assessment', entityId: row.id },
      manager,
    );
  }

  private async chooseAssessor(
    manager: EntityManager,
    trainee: SessionUser,
    choice: AssessorChoice,
  ): Promise<ChosenAssessor> {
    switch (choice.kind) {
      case 'supervisor': {
        const [supervisor] = (await manager.query(
          `SELECT supervisor.id, supervisor.display_name, supervisor.email
             FROM supervisor_assignment assignment JOIN app_user supervisor ON supervisor.id = assignment.supervisor_id
            WHERE assignment.trainee_id = $1 AND supervisor.disabled_at IS NULL
              AND ${currentAssignment('assignment')}
            ORDER BY assignment.starts_on DESC LIMIT 1`,
          [trainee.id],
        )) as { id: string; display_name: string; email: string }[];
        if (!supervisor) {
          throw fieldError(
            'assessor.kind',
            'You have no educational supervisor assigned: choose a registered assessor',
          );
        }
        return { kind: 'supervisor', id: supervisor.id, name: supervisor.display_name, email: supervisor.email };
      }
      case 'assessor': {
        const [assessor] = (await manager.query(
          `SELECT id, display_name, email FROM app_user
            WHERE id = $1 AND id <> $2 AND disabled_at IS NULL AND roles && ARRAY['supervisor', 'assessor']::text[]`,
          [choice.userId, trainee.id],
        )) as { id: string; display_name: string; email: string }[];
        if (!assessor) {
          throw fieldError('assessor.userId', 'Choose a registered assessor from the list');
        }
        return { kind: 'assessor', id: assessor.id, name: assessor.display_name, email: assessor.email };
      }
      case 'external': {
        const email = choice.email.trim().toLowerCase();
        if (email === trainee.email.toLowerCase()) {
          throw fieldError('assessor.email', 'You cannot assess your own work: give your assessor’s email address');
        }
        return { kind: 'external', id: null, name: choice.name.trim(), email };
      }
    }
  }
}
