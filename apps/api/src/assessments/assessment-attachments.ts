import { Injectable, NotFoundException } from '@nestjs/common';

import type { SessionUser } from '../auth/session.service';
import { type AttachmentDownload, AttachmentsService } from '../evidence/attachments.service';
import { visibleAssessmentCondition } from './assessment-access';
import type { TicketSession } from './assessment-tickets';
import { type AssessmentRow, AssessmentsRepository } from './assessments.repository';

/** Attachments of the evidence an assessment puts before its readers, whatever the items' own visibility. */
@Injectable()
export class AssessmentAttachments {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly attachments: AttachmentsService,
  ) {}

  async forUser(user: SessionUser, id: string, evidenceId: string, attachmentId: string): Promise<AttachmentDownload> {
    const row = await this.assessments.findVisible(user.id, visibleAssessmentCondition(user, 'assessment', '$1'), id);
    return this.download(row, evidenceId, attachmentId);
  }

  async forTicket(session: TicketSession, evidenceId: string, attachmentId: string): Promise<AttachmentDownload> {
    const row = await this.assessments.find(session.assessmentId);
    return this.download(row?.assessor_kind === 'external' ? row : null, evidenceId, attachmentId);
  }

  private download(row: AssessmentRow | null, evidenceId: string, attachmentId: string): Promise<AttachmentDownload> {
    const shown = row ? [row.work_evidence_id, ...row.evidence_ids] : [];
    if (!shown.includes(evidenceId)) {
      throw new NotFoundException('There is no attachment with that id that you can see.');
    }
    return this.attachments.downloadTrusted(evidenceId, attachmentId);
  }
}
