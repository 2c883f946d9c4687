import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import { type FrameworkFile, canonicalJson, listElements } from '@portfolio/competency';

import {
  FrameworkDomainEntity,
  FrameworkElementEntity,
  FrameworkEntity,
  FrameworkLevelDescriptorEntity,
  FrameworkOutcomeEntity,
  FrameworkRatingLevelEntity,
  FrameworkStageEntity,
} from './framework.entities';

export type ImportResult = 'created' | 'unchanged' | 'replaced-draft';

export class PublishedFrameworkChangedError extends Error {
  constructor(key: string, version: string) {
    super(
      `Framework '${key}' version '${version}' is published and its content differs from the stored copy. ` +
        `A published version never changes: put the change in a new version file (framework-data/${key}/<new version>.json).`,
    );
  }
}

/** Stores framework files; importing the same file again changes nothing. */
@Injectable()
export class FrameworkImporter {
  constructor(private readonly dataSource: DataSource) {}

  importFramework(framework: FrameworkFile): Promise<ImportResult> {
    const contentHash = hashFramework(framework);
    return this.dataSource.transaction(async (manager) => {
      // Two processes starting at once must not both insert the same version.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('framework-import'))`);
      const stored = await manager.findOne(FrameworkEntity, {
        where: { key: framework.key, version: framework.version },
        select: { id: true, status: true, contentHash: true },
      });
      if (stored?.contentHash === contentHash) {
        return 'unchanged';
      }
      if (stored?.status === 'published') {
        throw new PublishedFrameworkChangedError(framework.key, framework.version);
      }
      if (stored) {
        await manager.delete(FrameworkEntity, { id: stored.id });
      }
      await insertFramework(manager, framework, contentHash);
      return stored ? 'replaced-draft' : 'created';
    });
  }
}

export function hashFramework(framework: FrameworkFile): string {
  // The editor hint "$schema" is not content: moving the file must not make it a new version.
  const content: Record<string, unknown> = { ...framework };
  delete content['$schema'];
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

async function insertFramework(manager: EntityManager, framework: FrameworkFile, contentHash: string): Promise<void> {
  const { id: frameworkId } = await manager.save(
    manager.create(FrameworkEntity, {
      key: framework.key,
      version: framework.version,
      title: framework.title,
      description: framework.description,
      edition: framework.edition ?? null,
      publisher: framework.publisher ?? null,
      status: framework.status,
      contentHash,
      document: framework,
    }),
  );

  const stageIds = await insertKeyed(
    manager,
    FrameworkStageEntity,
    framework.stages.map((stage, index) => ({
      frameworkId,
      key: stage.id,
      title: stage.title,
      description: stage.description,
      sequence: index + 1,
    })),
  );
  const levelIds = await insertKeyed(
    manager,
    FrameworkRatingLevelEntity,
    (framework.ratingScale ?? []).map((level, index) => ({
      frameworkId,
      key: level.id,
      title: level.title,
      description: level.description,
      sequence: index + 1,
    })),
  );
  const domainIds = await insertKeyed(
    manager,
    FrameworkDomainEntity,
    (framework.domains ?? []).map((domain, index) => ({
      frameworkId,
      key: domain.id,
      code: domain.code ?? domain.id,
      title: domain.title,
      summary: domain.summary,
      sequence: index + 1,
    })),
  );
  const placed = listElements(framework);
  const elementIds = await insertKeyed(
    manager,
    FrameworkElementEntity,
    placed.map(({ element, domain }, index) => ({
      frameworkId,
      domainId: domain ? mustGet(domainIds, domain.id) : null,
      key: element.id,
      code: element.code ?? element.id,
      title: element.title,
      summary: element.summary,
      sequence: index + 1,
    })),
  );

  const outcomes = placed.flatMap(({ element }) =>
    Object.entries(element.outcomes).flatMap(([stageKey, statements]) =>
      statements.map((statement, index) => ({
        elementId: mustGet(elementIds, element.id),
        stageId: mustGet(stageIds, stageKey),
        sequence: index + 1,
        statement,
      })),
    ),
  );
  const descriptors = placed.flatMap(({ element }) =>
    Object.entries(element.levelDescriptors ?? {}).map(([levelKey, descriptor]) => ({
      elementId: mustGet(elementIds, element.id),
      ratingLevelId: mustGet(levelIds, levelKey),
      descriptor,
    })),
  );
  if (outcomes.length > 0) {
    await manager.insert(FrameworkOutcomeEntity, outcomes);
  }
  if (descriptors.length > 0) {
    await manager.insert(FrameworkLevelDescriptorEntity, descriptors);
  }
}

/** Inserts rows in one statement and answers their generated ids by key. */
async function insertKeyed<T extends { key: string }>(
  manager: EntityManager,
  entity: new () => T & { id: string },
  rows: Omit<T, 'id'>[],
): Promise<Map<string, string>> {
  if (rows.length === 0) {
    return new Map();
  }
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows as never)
    .returning(['id', 'key'])
    .execute();
  const inserted = result.raw as { id: string; key: string }[];
  return new Map(inserted.map((row) => [row.key, row.id]));
}

function mustGet(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) {
    throw new Error(`No stored row for '${key}': the file was not validated before import`);
  }
  return id;
}
