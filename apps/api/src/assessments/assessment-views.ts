import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { AssessmentActions, AssessmentView } from '@portfolio/contracts';

import { EvidenceService } from '../evidence/evidence.service';
import { toTemplateView } from './assessment-template-view';
import { AssessmentTemplatesRepository } from './assessment-templates.repository';
import { type AssessmentRow, AssessmentsRepository } from './assessments.repository';

/** Who is looking: a signed-in user, or an external assessor holding a ticket for this assessment. */
export type AssessmentViewer = { kind: 'user'; userId: string } | { kind: 'ticket'; ticketId: string };

const decided = new Set(['returned', 'signed-off']);

/** Turns an assessment's rows into what its reader may see. */
@Injectable()
export class AssessmentViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsRepository,
    private readonly templates: AssessmentTemplatesRepository,
    private readonly evidence: EvidenceService,
  ) {}

  async build(
    row: AssessmentRow,
    viewer: AssessmentViewer,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AssessmentView> {
    const [template, trainee, stage, rounds, ticket, amendedBy, work, evidence, amends] = await Promise.all([
      this.templates.findById(row.template_id, manager),
      manager.query(`SELECT id, display_name, gmc_number FROM app_user WHERE id = $1`, [row.trainee_id]) as Promise<
        { id: string; display_name: string; gmc_number: string | null }[]
      >,
      row.stage_id
        ? (manager.query(`SELECT key FROM framework_stage WHERE id = $1`, [row.stage_id]) as Promise<{ key: string }[]>)
        : Promise.resolve([]),
      this.assessments.rounds(row.id, manager),
      this.assessments.latestTicket(row.id, manager),
      this.assessments.amendedBy(row.id, manager),
      row.work_evidence_id ? this.evidence.viewsOf([row.work_evidence_id], manager) : Promise.resolve([]),
      this.evidence.viewsOf(row.evidence_ids, manager),
      row.amends
        ? (manager.query(`SELECT id FROM assessment WHERE id = $1`, [row.amends]) as Promise<{ id: string }[]>)
        : Promise.resolve([]),
    ]);
    if (!template) {
      throw new Error(`assessment ${row.id} names a template that is not stored`);
    }
    const isOwner = viewer.kind === 'user' && viewer.userId === row.trainee_id;
    const isAssessor =
      viewer.kind === 'ticket'
        ? row.assessor_kind === 'external'
        : row.assessor_kind !== 'external' && row.assessor_id === viewer.userId;
    // The trainee and others see a judgement once it is decided; the assessor sees their draft.
    const judgementShown = isAssessor || decided.has(row.status);
    const actions: AssessmentActions = {
      edit: isOwner && (row.status === 'draft' || row.status === 'returned'),
      send: isOwner && (row.status === 'draft' || row.status === 'returned'),
      assess: isAssessor && (row.status === 'requested' || row.status === 'in-progress'),
      revokeTicket:
        isOwner &&
        row.assessor_kind === 'external' &&
        (row.status === 'requested' || row.status === 'in-progress') &&
        ticket !== null &&
        ticket.revoked_at === null,
      correct: isAssessor && viewer.kind === 'user' && row.status === 'signed-off' && amendedBy === null,
    };
    return {
      id: row.id,
      trainee: {
        id: row.trainee_id,
        displayName: trainee[0]?.display_name ?? '',
        gmcNumber: trainee[0]?.gmc_number ?? null,
      },
      template: toTemplateView(template.definition),
      title: row.title,
      status: row.status,
      stageKey: stage[0]?.key ?? null,
      answers: row.answers,
      work: work[0] ?? null,
      evidence,
      assessor: row.assessor_kind
        ? {
            kind: row.assessor_kind,
            userId: row.assessor_id,
            displayName: row.assessor_name ?? '',
            email: row.assessor_email ?? '',
          }
        : null,
      judgement: judgementShown ? row.judgement : null,
      rounds: rounds.map((round) => ({
        number: round.number,
        sentAt: round.sent_at.toISOString(),
        answers: round.answers,
        decision: round.decision,
        decidedAt: round.decided_at?.toISOString() ?? null,
        decidedBy: round.decided_by_name,
        comments: round.comments,
        judgement: round.decision ? round.judgement : null,
      })),
      ticket:
        isOwner && ticket
          ? {
              id: ticket.id,
              email: ticket.email,
              name: ticket.name,
              createdAt: ticket.created_at.toISOString(),
              expiresAt: ticket.expires_at.toISOString(),
              usedAt: ticket.used_at?.toISOString() ?? null,
              revokedAt: ticket.revoked_at?.toISOString() ?? null,
            }
          : null,
      signature:
        row.status === 'signed-off' && row.signed_at && row.signed_content_sha256 && row.assessor_kind
          ? {
              signedAt: row.signed_at.toISOString(),
              signedBy: row.signed_by_name ?? '',
              signerKind: row.assessor_kind,
              contentSha256: row.signed_content_sha256,
            }
          : null,
      amends: amends[0] && row.correction_reason ? { id: amends[0].id, reason: row.correction_reason } : null,
      amendedBy,
      requestedAt: row.requested_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
      actions,
    };
  }
}
