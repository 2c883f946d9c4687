import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type FrameworkFile,
  canonicalJson,
  formatProblems,
  listElements,
  validateCorrespondences,
} from '@portfolio/competency';

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

/** A version whose correspondences cannot be stored: the previous version is missing or does not fit them. */
export class CorrespondenceError extends Error {}

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
      const frameworkId = await insertFramework(manager, framework, contentHash);
      await insertCorrespondences(manager, framework, frameworkId);
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

/** The previous version must be held, and must have every element the correspondences name. */
async function insertCorrespondences(manager: EntityManager, framework: FrameworkFile, frameworkId: string) {
  if (!framework.previousVersion) return;
  const [previous] = (await manager.query(`SELECT id, document FROM framework WHERE key = $1 AND version = $2`, [
    framework.key,
    framework.previousVersion,
  ])) as { id: string; document: FrameworkFile }[];
  if (!previous) {
    throw new CorrespondenceError(
      `${framework.key} ${framework.version} follows version ${framework.previousVersion}, which is not held: import that version first.`,
    );
  }
  const problems = validateCorrespondences(framework, previous.document);
  if (problems.length > 0) {
    throw new CorrespondenceError(
      `${framework.key} ${framework.version} states correspondences that do not fit version ${framework.previousVersion}:\n${formatProblems(problems)}`,
    );
  }
  const correspondences = framework.correspondences ?? [];
  if (correspondences.length === 0) return;
  await manager.query(
    `INSERT INTO framework_correspondence (framework_id, element_id, previous_element_id, type)
     SELECT $1, element.id, previous.id, pair.type
       FROM unnest($3::text[], $4::text[], $5::text[]) AS pair (element_key, previous_key, type)
       JOIN framework_element element ON element.framework_id = $1 AND element.key = pair.element_key
       JOIN framework_element previous ON previous.framework_id = $2 AND previous.key = pair.previous_key`,
    [
      frameworkId,
      previous.id,
      correspondences.map((correspondence) => correspondence.element),
      correspondences.map((correspondence) => correspondence.previousElement),
      correspondences.map((correspondence) => correspondence.type),
    ],
  );
}

async function insertFramework(manager: EntityManager, framework: FrameworkFile, contentHash: string): Promise<string> {
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
  return frameworkId;
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
