import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { findPatientIdentifiers } from '@portfolio/competency';
import type {
  CreateEvidenceRequest,
  EvidencePage,
  EvidenceQuery,
  EvidenceSort,
  EvidenceView,
  FieldError,
  PatientIdentifierWarning,
  UpdateEvidenceRequest,
} from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { fieldError } from '../common/field-errors';
import { FileStorage } from '../storage/file-storage';
import { AttachmentsService } from './attachments.service';
import { type EvidenceFields, EvidenceRepository, type EvidenceRow } from './evidence.repository';
import { renderMarkdown } from './markdown';
import { TraineeFramework } from './trainee-framework';

const notFoundMessage = 'There is no evidence item with that id that you can see.';

/** The evidence log's rules: who may see and change what, the lifecycle, and never a silent overwrite. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly traineeFramework: TraineeFramework,
    private readonly attachments: AttachmentsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
  ) {}

  async list(user: SessionUser, query: EvidenceQuery): Promise<EvidencePage> {
    const sort: EvidenceSort = query.sort ?? 'occurred-desc';
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, ['sort', 'id'] as const);
    // A trainee's list is their own log unless they ask for someone else's (and may see it).
    const traineeId = query.traineeId ?? (user.roles.includes('trainee') ? user.id : undefined);
    const rows = await this.evidence.list(user, { ...query, traineeId, sort, limit: limit + 1 }, after);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        type: row.type,
        title: row.title,
        occurredOn: row.occurred_on,
        visibility: row.visibility,
        status: row.status,
        elementCodes: row.element_codes,
        updatedAt: new Date(row.updated_at).toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ sort: last.sort_value, id: last.id }) : null,
    };
  }

  async get(user: SessionUser, id: string): Promise<EvidenceView> {
    const row = await this.evidence.findVisible(user, id);
    if (!row) {
      throw new NotFoundException(notFoundMessage);
    }
    return this.toView(row);
  }

  /**
   * Items by id, for a caller that has already decided the reader may see them (the assessor of
   * an assessment sees the work and evidence put before them, whatever its visibility).
   */
  async viewsOf(ids: string[], manager?: EntityManager): Promise<EvidenceView[]> {
    const rows = await this.evidence.findByIds(ids, manager);
    return Promise.all(rows.map((row) => this.toView(row, manager)));
  }

  /**
   * A new item; with an idempotency key, a retried or double-submitted request answers the item
   * the first one made (`created: false`) rather than making another.
   */
  async create(
    user: SessionUser,
    request: CreateEvidenceRequest,
    idempotencyKey: string | null = null,
  ): Promise<{ item: EvidenceView; created: boolean }> {
    const fields: EvidenceFields = {
      type: request.type,
      title: request.title.trim(),
      occurredOn: request.occurredOn,
      body: request.body ?? '',
      // Reflections start private: the trainee chooses to share them.
      visibility: request.visibility ?? (request.type === 'reflection' ? 'private' : 'supervisor'),
    };
    const result = await this.dataSource.transaction(async (manager) => {
      const links = await this.resolveLinks(manager, user.id, request.links ?? []);
      const newId = await this.evidence.insertOnce(manager, user.id, fields, idempotencyKey);
      if (newId === null) {
        return {
          id: (await this.evidence.byIdempotencyKey(manager, user.id, idempotencyKey ?? '')) ?? '',
          created: false,
        };
      }
      await this.evidence.replaceLinks(manager, newId, links);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'evidence.created',
          entityType: 'evidence_item',
          entityId: newId,
          details: { type: fields.type, links: links.length },
        },
        manager,
      );
      return { id: newId, created: true };
    });
    return { item: await this.get(user, result.id), created: result.created };
  }

  async update(user: SessionUser, id: string, request: UpdateEvidenceRequest): Promise<EvidenceView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.ownItem(manager, user, id);
      if (current.status === 'locked') {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: 'This item is locked because an assessment of it was signed off. Add an addendum instead.',
        });
      }
      await this.refuseAssessmentWork(manager, id);
      if (current.version !== request.version) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message:
            'This item was changed elsewhere (perhaps in another tab) after you opened it. Compare the two versions and save again.',
          yours: request,
          current: await this.toView(current, manager),
        });
      }
      const fields: EvidenceFields = {
        type: request.type ?? current.type,
        title: request.title?.trim() ?? current.title,
        occurredOn: request.occurredOn ?? current.occurred_on,
        body: request.body ?? current.body,
        visibility: request.visibility ?? current.visibility,
      };
      if (request.status === 'submitted' && fields.type === 'reflection' && !request.acknowledgePatientIdentifiers) {
        const warnings = patientIdentifierWarnings(fields.title, fields.body);
        if (warnings.length > 0) {
          throw new BadRequestException({
            statusCode: 400,
            error: 'Bad Request',
            message: 'This reflection may identify a patient. Remove the details, or confirm that it is anonymised.',
            errors: warnings.map((warning) => ({
              field: warning.field,
              message: `may identify a patient: ${warning.text}`,
            })),
            patientIdentifierWarnings: warnings,
          });
        }
      }
      await this.evidence.update(manager, id, fields, request.status ?? current.status);
      if (request.links) {
        await this.evidence.replaceLinks(manager, id, await this.resolveLinks(manager, user.id, request.links));
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: 'evidence.updated',
          entityType: 'evidence_item',
          entityId: id,
          details: { status: request.status ?? current.status },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  async delete(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.ownItem(manager, user, id);
      if (current.status === 'locked') {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: 'A locked item cannot be deleted.',
        });
      }
      await this.refuseAssessmentWork(manager, id);
      const storageKeys = await this.attachments.storageKeysOf(manager, id);
      await this.evidence.delete(manager, id);
      await this.storage.delete(storageKeys, manager);
      await this.audit.record(
        { actorId: user.id, action: 'evidence.deleted', entityType: 'evidence_item', entityId: id },
        manager,
      );
    });
  }

  /** An addendum: the only change a locked item takes, kept beside it for good. */
  async addAddendum(user: SessionUser, id: string, body: string): Promise<EvidenceView> {
    await this.dataSource.transaction(async (manager) => {
      await this.ownItem(manager, user, id);
      await this.evidence.addAddendum(manager, id, user.id, body.trim());
      await this.audit.record(
        { actorId: user.id, action: 'evidence.addendum-added', entityType: 'evidence_item', entityId: id },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** The work of an assessment changes only through its assessment, which keeps the two in step. */
  private async refuseAssessmentWork(manager: EntityManager, id: string): Promise<void> {
    const rows = (await manager.query(`SELECT id FROM assessment WHERE work_evidence_id = $1 LIMIT 1`, [id])) as {
      id: string;
    }[];
    if (rows.length > 0) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'This item is the work of an assessment: change it from the assessment.',
        assessmentId: rows[0]?.id,
      });
    }
  }

  private async ownItem(manager: EntityManager, user: SessionUser, id: string): Promise<EvidenceRow> {
    const row = await this.evidence.findOwnForUpdate(manager, user.id, id);
    if (!row) {
      throw new NotFoundException(notFoundMessage);
    }
    return row;
  }

  private async resolveLinks(
    manager: EntityManager,
    traineeId: string,
    links: NonNullable<CreateEvidenceRequest['links']>,
  ) {
    if (links.length === 0) {
      return [];
    }
    const placement = await this.traineeFramework.placementOf(manager, traineeId);
    if (!placement) {
      throw fieldError('links', 'No framework is loaded to link evidence to');
    }
    const { links: resolved, errors } = await this.traineeFramework.resolveLinks(manager, placement, links);
    if (errors.length > 0) {
      throw badLinks(errors);
    }
    return resolved;
  }

  private async toView(row: EvidenceRow, manager?: EntityManager): Promise<EvidenceView> {
    const [links, addenda, attachments] = await Promise.all([
      this.evidence.linksOf([row.id], manager),
      this.evidence.addendaOf(row.id, manager),
      this.attachments.listFor([row.id], manager),
    ]);
    return {
      id: row.id,
      traineeId: row.trainee_id,
      type: row.type,
      title: row.title,
      occurredOn: row.occurred_on,
      body: row.body,
      bodyHtml: renderMarkdown(row.body),
      visibility: row.visibility,
      status: row.status,
      links: links.get(row.id) ?? [],
      addenda: addenda.map((addendum) => ({ ...addendum, bodyHtml: renderMarkdown(addendum.body) })),
      attachments: attachments.get(row.id) ?? [],
      patientIdentifierWarnings: row.type === 'reflection' ? patientIdentifierWarnings(row.title, row.body) : [],
      version: row.version,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }
}

function patientIdentifierWarnings(title: string, body: string): PatientIdentifierWarning[] {
  return [
    ...findPatientIdentifiers(title).map((match) => ({ kind: match.kind, field: 'title' as const, text: match.text })),
    ...findPatientIdentifiers(body).map((match) => ({ kind: match.kind, field: 'body' as const, text: match.text })),
  ];
}

function badLinks(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((error) => error.message).join('; '),
    errors,
  });
}
