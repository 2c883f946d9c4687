import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { CreateDeaneryRequest, CreateProgrammeRequest, DeaneryView, ProgrammeView } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { rethrowUniqueViolation } from '../common/field-errors';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listDeaneries(): Promise<DeaneryView[]> {
    const rows = (await this.dataSource.query(
      `SELECT deanery.id, deanery.code, deanery.name,
              coalesce(json_agg(json_build_object('id', programme.id, 'deaneryId', programme.deanery_id,
                                                  'name', programme.name, 'frameworkKey', programme.framework_key)
                                ORDER BY programme.name) FILTER (WHERE programme.id IS NOT NULL), '[]') AS programmes
         FROM deanery LEFT JOIN programme ON programme.deanery_id = deanery.id
        GROUP BY deanery.id ORDER BY deanery.name`,
    )) as (Omit<DeaneryView, 'programmes'> & { programmes: ProgrammeView[] })[];
    return rows;
  }

  async createDeanery(actor: SessionUser, request: CreateDeaneryRequest): Promise<DeaneryView> {
    return this.dataSource
      .transaction(async (manager) => {
        const [row] = (await manager.query(
          `INSERT INTO deanery (code, name) VALUES ($1, $2) RETURNING id, code, name`,
          [request.code, request.name.trim()],
        )) as { id: string; code: string; name: string }[];
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'deanery.created',
            entityType: 'deanery',
            entityId: row?.id,
            details: { ...request },
          },
          manager,
        );
        return { id: row?.id ?? '', code: row?.code ?? '', name: row?.name ?? '', programmes: [] };
      })
      .catch((error: unknown) =>
        rethrowUniqueViolation(error, {
          deanery_code_key: ['code', 'A deanery with this code already exists'],
          deanery_name_key: ['name', 'A deanery with this name already exists'],
        }),
      );
  }

  async createProgramme(
    actor: SessionUser,
    deaneryId: string,
    request: CreateProgrammeRequest,
  ): Promise<ProgrammeView> {
    return this.dataSource
      .transaction(async (manager) => {
        const deanery = await manager.query(`SELECT 1 FROM deanery WHERE id = $1`, [deaneryId]);
        if (deanery.length === 0) {
          throw new NotFoundException('There is no deanery with that id.');
        }
        const frameworkKey = request.frameworkKey ?? 'mlcf';
        const framework = await manager.query(`SELECT 1 FROM framework WHERE key = $1 LIMIT 1`, [frameworkKey]);
        if (framework.length === 0) {
          throw new NotFoundException(`There is no framework with the key '${frameworkKey}'.`);
        }
        const [row] = (await manager.query(
          `INSERT INTO programme (deanery_id, name, framework_key) VALUES ($1, $2, $3) RETURNING id`,
          [deaneryId, request.name.trim(), frameworkKey],
        )) as { id: string }[];
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'programme.created',
            entityType: 'programme',
            entityId: row?.id,
            details: { deaneryId, ...request },
          },
          manager,
        );
        return { id: row?.id ?? '', deaneryId, name: request.name.trim(), frameworkKey };
      })
      .catch((error: unknown) =>
        rethrowUniqueViolation(error, {
          programme_name_unique: ['name', 'This deanery already has a programme with this name'],
        }),
      );
  }
}
