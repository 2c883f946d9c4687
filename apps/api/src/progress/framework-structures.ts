import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ProgressDomainInput, ProgressElementInput } from '@portfolio/competency';

/** What coverage needs of one framework version: its domains, its elements per stage, and its ids. */
export interface FrameworkStructure {
  frameworkId: string;
  title: string;
  /** A published version never changes, so what is computed from it can be kept. */
  published: boolean;
  /** In order. */
  stages: { key: string; title: string }[];
  domains: ProgressDomainInput[];
  /** Stage key → the elements that apply at it, in framework order. */
  elementsByStage: Map<string, ProgressElementInput[]>;
  elementKeyById: Map<string, string>;
  stageKeyById: Map<string, string>;
}

interface StructureRow {
  framework_id: string;
  framework_title: string;
  status: 'draft' | 'published';
  kind: 'domain' | 'element' | 'stage';
  id: string;
  key: string;
  code: string | null;
  title: string | null;
  domain_key: string | null;
  stage_keys: string[] | null;
}

/**
 * Framework structures for coverage, read in one statement. A published version never changes
 * (a change is a new version), so its structure is kept for the life of the process; drafts are
 * read afresh each time.
 */
@Injectable()
export class FrameworkStructures {
  private readonly published = new Map<string, FrameworkStructure>();

  constructor(private readonly dataSource: DataSource) {}

  async of(frameworkIds: string[]): Promise<Map<string, FrameworkStructure>> {
    const structures = new Map<string, FrameworkStructure>();
    const missing: string[] = [];
    for (const id of new Set(frameworkIds)) {
      const known = this.published.get(id);
      if (known) structures.set(id, known);
      else missing.push(id);
    }
    if (missing.length === 0) return structures;
    const rows = (await this.dataSource.query(
      `SELECT framework.id AS framework_id, framework.title AS framework_title, framework.status, parts.*
         FROM framework CROSS JOIN LATERAL (
           SELECT 'domain' AS kind, domain.id, domain.key, domain.code, domain.title, NULL AS domain_key,
                  NULL::text[] AS stage_keys, domain.sequence
             FROM framework_domain domain WHERE domain.framework_id = framework.id
           UNION ALL
           SELECT 'element', element.id, element.key, element.code, element.title, domain.key,
                  array(SELECT DISTINCT stage.key FROM framework_outcome outcome
                          JOIN framework_stage stage ON stage.id = outcome.stage_id
                         WHERE outcome.element_id = element.id),
                  element.sequence
             FROM framework_element element LEFT JOIN framework_domain domain ON domain.id = element.domain_id
            WHERE element.framework_id = framework.id
           UNION ALL
           SELECT 'stage', stage.id, stage.key, NULL, stage.title, NULL, NULL, stage.sequence
             FROM framework_stage stage WHERE stage.framework_id = framework.id
         ) parts
        WHERE framework.id = ANY ($1::uuid[])
        ORDER BY parts.sequence`,
      [missing],
    )) as StructureRow[];
    for (const id of missing) {
      const own = rows.filter((row) => row.framework_id === id);
      if (own.length === 0) continue;
      const structure = structureOf(id, own);
      structures.set(id, structure);
      if (structure.published) this.published.set(id, structure);
    }
    return structures;
  }
}

function structureOf(frameworkId: string, rows: StructureRow[]): FrameworkStructure {
  const structure: FrameworkStructure = {
    frameworkId,
    title: rows[0]?.framework_title ?? '',
    published: rows[0]?.status === 'published',
    stages: [],
    domains: [],
    elementsByStage: new Map(),
    elementKeyById: new Map(),
    stageKeyById: new Map(),
  };
  for (const row of rows) {
    if (row.kind === 'stage') {
      structure.stageKeyById.set(row.id, row.key);
      structure.stages.push({ key: row.key, title: row.title ?? row.key });
    }
    if (row.kind === 'domain') structure.domains.push({ key: row.key, code: row.code ?? '', title: row.title ?? '' });
    if (row.kind !== 'element') continue;
    structure.elementKeyById.set(row.id, row.key);
    for (const stageKey of row.stage_keys ?? []) {
      const elements = structure.elementsByStage.get(stageKey) ?? [];
      elements.push({ key: row.key, code: row.code ?? '', title: row.title ?? '', domainKey: row.domain_key });
      structure.elementsByStage.set(stageKey, elements);
    }
  }
  return structure;
}
