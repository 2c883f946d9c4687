import { ConflictException, Injectable, NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import { type AttachmentView, attachmentKindsDescription } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import { FileStorage } from '../storage/file-storage';
import { EvidenceRepository } from './evidence.repository';
import { safeFileName, sniffFileType } from './file-type-sniffer';

export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  content: Buffer;
}

interface AttachmentRow {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Date;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
  ) {}

  async attach(
    user: SessionUser,
    evidenceId: string,
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<AttachmentView> {
    if (!file || file.buffer.length === 0) {
      throw fieldError('file', 'Choose a file to upload');
    }
    const type = sniffFileType(file.buffer);
    if (!type) {
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: `This file is not one the portfolio takes: ${attachmentKindsDescription}. Its content was checked, not its name.`,
        errors: [{ field: 'file', message: `must be ${attachmentKindsDescription}` }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const item = await this.evidence.findOwnForUpdate(manager, user.id, evidenceId);
      if (!item) {
        throw new NotFoundException('There is no evidence item with that id that you can see.');
      }
      if (item.status === 'locked') {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: 'A locked item takes no new attachments. Add an addendum instead.',
        });
      }
      const storageKey = await this.storage.put(file.buffer, manager);
      const [row] = (await manager.query(
        `INSERT INTO evidence_attachment (evidence_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, file_name, content_type, size_bytes, sha256, storage_key, created_at`,
        [
          evidenceId,
          safeFileName(file.originalname, type.extension),
          type.contentType,
          file.buffer.length,
          createHash('sha256').update(file.buffer).digest('hex'),
          storageKey,
          user.id,
        ],
      )) as AttachmentRow[];
      await this.audit.record(
        {
          actorId: user.id,
          action: 'evidence.attachment-added',
          entityType: 'evidence_item',
          entityId: evidenceId,
          details: { attachmentId: row?.id, sha256: row?.sha256 },
        },
        manager,
      );
      return toAttachmentView(row as AttachmentRow);
    });
  }

  async download(user: SessionUser, evidenceId: string, attachmentId: string): Promise<AttachmentDownload> {
    return this.read(Boolean(await this.evidence.findVisible(user, evidenceId)), evidenceId, attachmentId);
  }

  /** For a caller that has already decided the reader may see the item (an assessment's assessor). */
  downloadTrusted(evidenceId: string, attachmentId: string): Promise<AttachmentDownload> {
    return this.read(true, evidenceId, attachmentId);
  }

  private async read(itemVisible: boolean, evidenceId: string, attachmentId: string): Promise<AttachmentDownload> {
    const [row] = itemVisible
      ? ((await this.dataSource.query(
          `SELECT id, file_name, content_type, size_bytes, sha256, storage_key, created_at
             FROM evidence_attachment WHERE id = $1 AND evidence_id = $2`,
          [attachmentId, evidenceId],
        )) as AttachmentRow[])
      : [];
    const content = row ? await this.storage.get(row.storage_key) : null;
    if (!row || !content) {
      throw new NotFoundException('There is no attachment with that id that you can see.');
    }
    return { fileName: row.file_name, contentType: row.content_type, content };
  }

  async listFor(
    evidenceIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, AttachmentView[]>> {
    const rows = (await manager.query(
      `SELECT evidence_id, id, file_name, content_type, size_bytes, sha256, storage_key, created_at
         FROM evidence_attachment WHERE evidence_id = ANY ($1) ORDER BY created_at, id`,
      [evidenceIds],
    )) as (AttachmentRow & { evidence_id: string })[];
    const byItem = new Map<string, AttachmentView[]>();
    for (const row of rows) {
      byItem.set(row.evidence_id, [...(byItem.get(row.evidence_id) ?? []), toAttachmentView(row)]);
    }
    return byItem;
  }

  /** Storage keys of an item's attachments, to remove their content when the item goes. */
  async storageKeysOf(manager: EntityManager, evidenceId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT storage_key FROM evidence_attachment WHERE evidence_id = $1`, [
      evidenceId,
    ])) as { storage_key: string }[];
    return rows.map((row) => row.storage_key);
  }
}

function toAttachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
