import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type AssessmentProblem,
  type AssessmentTemplateFile,
  assessedElementKeys,
  checkAnswers,
  listedElementKeys,
  workMarkdown,
  workTitle,
} from '@portfolio/competency';
import type {
  AssessmentAnswers,
  AssessmentPage,
  AssessmentView,
  AssessorOption,
  CreateAssessmentRequest,
  SendAssessmentRequest,
  UpdateAssessmentRequest,
} from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { fieldError } from '../common/field-errors';
import { type EvidenceFields, EvidenceRepository, type ResolvedLink } from '../evidence/evidence.repository';
import { TraineeFramework, type TraineePlacement } from '../evidence/trainee-framework';
import { visibleAssessmentCondition } from './assessment-access';
import { AssessmentRequests } from './assessment-requests';
import { AssessmentTemplatesRepository } from './assessment-templates.repository';
import { AssessmentViews } from './assessment-views';
import type { AssessmentListQueryDto } from './assessments.dto';
import { type AssessmentRow, AssessmentsRepository } from './assessments.repository';

export const assessmentNotFound = 'There is no assessment with that id that you can see.';

/** The trainee's side of an assessment: writing the work, sending it, and taking back a link. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsRepository,
    private readonly templates: AssessmentTemplatesRepository,
    private readonly views: AssessmentViews,
    private readonly requests: AssessmentRequests,
    private readonly evidence: EvidenceRepository,
    private readonly traineeFramework: TraineeFramework,
    private readonly audit: AuditService,
  ) {}

  async list(user: SessionUser, query: AssessmentListQueryDto): Promise<AssessmentPage> {
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, ['updatedAt', 'id'] as const);
    const scopes: Record<AssessmentListQueryDto['scope'], string> = {
      mine: `assessment.trainee_id = $1`,
      'to-assess': `assessment.assessor_id = $1 AND assessment.assessor_kind <> 'external'`,
      trainee: visibleAssessmentCondition(user, 'assessment', '$1'),
    };
    const scope = scopes[query.scope];
    const rows = (await this.dataSource.query(
      `SELECT assessment.id, assessment.trainee_id, trainee.display_name AS trainee_name, template.key AS template_key,
              template.title AS template_title, assessment.title, assessment.status, assessment.assessor_name,
              assessment.requested_at, assessment.updated_at, assessment.updated_at::text AS position,
              (SELECT correction.id FROM assessment correction WHERE correction.amends = assessment.id) AS amended_by
         FROM assessment
         JOIN app_user trainee ON trainee.id = assessment.trainee_id
         JOIN assessment_template template ON template.id = assessment.template_id
        WHERE ${scope}
          AND ($2::text IS NULL OR assessment.status = $2)
          AND ($6::uuid IS NULL OR assessment.trainee_id = $6)
          AND ($3::timestamptz IS NULL OR (assessment.updated_at, assessment.id) < ($3::timestamptz, $4::uuid))
        ORDER BY assessment.updated_at DESC, assessment.id DESC
        LIMIT $5`,
      [user.id, query.status ?? null, after?.updatedAt ?? null, after?.id ?? null, limit + 1, query.traineeId ?? null],
    )) as {
      id: string;
      trainee_id: string;
      trainee_name: string;
      template_key: string;
      template_title: string;
      title: string;
      status: AssessmentRow['status'];
      assessor_name: string | null;
      requested_at: Date | null;
      updated_at: Date;
      position: string;
      amended_by: string | null;
    }[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        traineeId: row.trainee_id,
        traineeName: row.trainee_name,
        templateKey: row.template_key,
        templateTitle: row.template_title,
        title: row.title,
        status: row.status,
        assessorName: row.assessor_name,
        requestedAt: row.requested_at?.toISOString() ?? null,
        updatedAt: row.updated_at.toISOString(),
        amendedBy: row.amended_by,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ updatedAt: last.position, id: last.id }) : null,
    };
  }

  async get(user: SessionUser, id: string): Promise<AssessmentView> {
    const row = await this.assessments.findVisible(user.id, visibleAssessmentCondition(user, 'assessment', '$1'), id);
    if (!row) {
      throw new NotFoundException(assessmentNotFound);
    }
    return this.views.build(row, { kind: 'user', userId: user.id });
  }

  async create(user: SessionUser, request: CreateAssessmentRequest): Promise<AssessmentView> {
    const template = await this.templates.findCurrent(request.templateKey);
    if (!template || template.definition.status !== 'published') {
      throw fieldError('templateKey', `There is no assessment template '${request.templateKey}'`);
    }
    const definition = template.definition;
    throwProblems(checkAnswers(definition, request.answers, { complete: false }));
    const id = await this.dataSource.transaction(async (manager) => {
      const placement = await this.placementOf(manager, user.id);
      const links = await this.linksFor(manager, placement, definition, request.answers);
      await this.requireOwnEvidence(manager, user.id, request.evidenceIds ?? []);
      let workId: string | null = null;
      if (definition.evidenceType) {
        workId = await this.evidence.insert(manager, user.id, this.workFields(definition, request.answers, null));
        await this.evidence.replaceLinks(manager, workId, links);
      }
      const stageId = placement.stageKey ? await this.stageId(manager, placement) : null;
      const newId = await this.assessments.insert(manager, {
        trainee_id: user.id,
        template_id: template.id,
        title: workTitle(definition, request.answers),
        stage_id: stageId,
        answers: request.answers,
        work_evidence_id: workId,
        evidence_ids: unique(request.evidenceIds ?? []),
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'assessment.created',
          entityType: 'assessment',
          entityId: newId,
          details: { template: `${definition.key}@${definition.version}`, workEvidenceId: workId },
        },
        manager,
      );
      return newId;
    });
    return this.get(user, id);
  }

  async update(user: SessionUser, id: string, request: UpdateAssessmentRequest): Promise<AssessmentView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.ownForChange(manager, user, id, request.version);
      const template = await this.templateOf(manager, row);
      throwProblems(checkAnswers(template, request.answers, { complete: false }));
      const placement = await this.placementOf(manager, user.id);
      const links = await this.linksFor(manager, placement, template, request.answers);
      const evidenceIds = request.evidenceIds ?? row.evidence_ids;
      await this.requireOwnEvidence(manager, user.id, evidenceIds);
      if (row.work_evidence_id) {
        const [work] = await this.evidence.findByIds([row.work_evidence_id], manager);
        await this.evidence.update(
          manager,
          row.work_evidence_id,
          this.workFields(template, request.answers, work?.occurred_on ?? null),
          work?.status ?? 'draft',
        );
        await this.evidence.replaceLinks(manager, row.work_evidence_id, links);
      }
      await this.assessments.update(manager, id, {
        answers: request.answers,
        title: workTitle(template, request.answers),
        evidence_ids: unique(evidenceIds),
      });
      await this.audit.record(
        { actorId: user.id, action: 'assessment.updated', entityType: 'assessment', entityId: id },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** Sends the work to its assessor: the first time, or again after it was returned. */
  async send(user: SessionUser, id: string, request: SendAssessmentRequest): Promise<AssessmentView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.ownForChange(manager, user, id, request.version);
      const template = await this.templateOf(manager, row);
      throwProblems(checkAnswers(template, row.answers, { complete: true }));
      await this.requests.send(manager, user, row, template, request.assessor);
    });
    return this.get(user, id);
  }

  /** Takes back an external assessor's link: the assessment returns to draft, to send again. */
  async revokeTicket(user: SessionUser, id: string): Promise<AssessmentView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.assessments.findForUpdate(manager, id);
      if (!row || row.trainee_id !== user.id) {
        throw new NotFoundException(assessmentNotFound);
      }
      await this.requests.revokeTicket(manager, user, row);
    });
    return this.get(user, id);
  }

  /** Registered supervisors and assessors a trainee may ask, found by name. */
  async assessorOptions(user: SessionUser, search: string | undefined): Promise<AssessorOption[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, display_name, roles, profession FROM app_user
        WHERE disabled_at IS NULL AND id <> $1 AND roles && ARRAY['supervisor', 'assessor']::text[]
          AND ($2::text IS NULL OR display_name ILIKE '%' || $2 || '%')
        ORDER BY display_name, id LIMIT 20`,
      [user.id, search?.trim() ? escapeLike(search.trim()) : null],
    )) as { id: string; display_name: string; roles: string[]; profession: string | null }[];
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      description: [
        row.roles.includes('supervisor') ? 'Educational supervisor' : null,
        row.roles.includes('assessor') ? 'Assessor' : null,
        row.profession,
      ]
        .filter((part): part is string => Boolean(part))
        .join(', '),
    }));
  }

  private async ownForChange(
    manager: EntityManager,
    user: SessionUser,
    id: string,
    version: number,
  ): Promise<AssessmentRow> {
    const row = await this.assessments.findForUpdate(manager, id);
    if (!row || row.trainee_id !== user.id) {
      throw new NotFoundException(assessmentNotFound);
    }
    if (row.status !== 'draft' && row.status !== 'returned') {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message:
          row.status === 'signed-off'
            ? 'This assessment is signed off and can no longer change.'
            : 'This assessment is with its assessor: it can change again if they return it.',
      });
    }
    if (row.version !== version) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'This assessment was changed elsewhere (perhaps in another tab) after you opened it.',
        current: await this.views.build(row, { kind: 'user', userId: user.id }, manager),
      });
    }
    return row;
  }

  private async templateOf(manager: EntityManager, row: AssessmentRow): Promise<AssessmentTemplateFile> {
    const template = await this.templates.findById(row.template_id, manager);
    if (!template) {
      throw new Error(`assessment ${row.id} names a template that is not stored`);
    }
    return template.definition;
  }

  private async placementOf(manager: EntityManager, traineeId: string): Promise<TraineePlacement> {
    const placement = await this.traineeFramework.placementOf(manager, traineeId);
    if (!placement) {
      throw new NotFoundException('No framework is loaded.');
    }
    return placement;
  }

  private async stageId(manager: EntityManager, placement: TraineePlacement): Promise<string | null> {
    const [row] = (await manager.query(`SELECT id FROM framework_stage WHERE framework_id = $1 AND key = $2`, [
      placement.frameworkId,
      placement.stageKey,
    ])) as { id: string }[];
    return row?.id ?? null;
  }

  /**
   * The work's links: every element the template's criteria evidence (those that apply at the
   * trainee's stage) and every element the trainee listed, which must exist.
   */
  private async linksFor(
    manager: EntityManager,
    placement: TraineePlacement,
    template: AssessmentTemplateFile,
    answers: AssessmentAnswers,
  ): Promise<ResolvedLink[]> {
    const listed = listedElementKeys(template, answers);
    const listedProblems: AssessmentProblem[] = [];
    if (listed.length > 0) {
      const { errors } = await this.traineeFramework.resolveLinks(
        manager,
        placement,
        listed.map((elementKey) => ({ elementKey })),
      );
      for (const error of errors) {
        listedProblems.push({ field: `answers.${elementsFieldPath(template)}`, message: error.message });
      }
    }
    throwProblems(listedProblems);
    if (!placement.stageKey) {
      return [];
    }
    const notes = new Map<string, string[]>();
    for (const criterion of template.criteria ?? []) {
      for (const element of criterion.elements) notes.set(element, [...(notes.get(element) ?? []), criterion.title]);
    }
    const wanted = assessedElementKeys(template, answers);
    const { links } = await this.traineeFramework.resolveLinks(
      manager,
      placement,
      wanted.map((elementKey) => ({
        elementKey,
        note: (notes.get(elementKey) ?? [template.title]).join('; ').slice(0, 500),
      })),
    );
    return links;
  }

  private workFields(
    template: AssessmentTemplateFile,
    answers: AssessmentAnswers,
    occurredOn: string | null,
  ): EvidenceFields {
    return {
      type: template.evidenceType as EvidenceFields['type'],
      title: workTitle(template, answers),
      occurredOn: occurredOn ?? new Date().toISOString().slice(0, 10),
      body: workMarkdown(template, answers),
      visibility: 'supervisor',
    };
  }

  private async requireOwnEvidence(manager: EntityManager, traineeId: string, ids: string[]): Promise<void> {
    const wanted = unique(ids);
    if (wanted.length === 0) return;
    const found = (await manager.query(
      `SELECT id FROM evidence_item WHERE id = ANY ($1::uuid[]) AND trainee_id = $2
          AND NOT EXISTS (SELECT 1 FROM assessment WHERE assessment.work_evidence_id = evidence_item.id)`,
      [wanted, traineeId],
    )) as { id: string }[];
    if (found.length !== wanted.length) {
      throw fieldError('evidenceIds', 'Put forward items from your own evidence log');
    }
  }
}

function elementsFieldPath(template: AssessmentTemplateFile): string {
  for (const section of template.sections) {
    const field = section.fields.find((candidate) => candidate.type === 'elements');
    if (field) return `${section.id}.${field.id}`;
  }
  return 'elements';
}

export function throwProblems(problems: AssessmentProblem[]): void {
  if (problems.length > 0) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      errors: problems,
    });
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
