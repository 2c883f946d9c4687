import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

import {
  type CrosswalkFile,
  type FrameworkFile,
  canonicalJson,
  formatProblems,
  validateCrosswalkElements,
} from '@portfolio/competency';

export type CrosswalkImportResult = 'created' | 'unchanged' | 'replaced';

export class CrosswalkError extends Error {}

/**
 * Stores crosswalks between framework versions. A crosswalk is a reading of two frameworks, not a
 * record anything points at, so a changed one replaces the stored copy.
 */
@Injectable()
export class CrosswalkImporter {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a crosswalk; `keepStoredWording` keeps the stored title and description (a CASE package
   * carries only the mappings, so importing one must not rename a crosswalk written by hand).
   */
  importCrosswalk(
    incoming: CrosswalkFile,
    options: { keepStoredWording?: boolean } = {},
  ): Promise<CrosswalkImportResult> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('framework-import'))`);
      const [wording] = options.keepStoredWording
        ? ((await manager.query(`SELECT title, description FROM framework_crosswalk WHERE key = $1`, [
            incoming.key,
          ])) as { title: string; description: string }[])
        : [];
      const crosswalk = wording ? { ...incoming, title: wording.title, description: wording.description } : incoming;
      const content: Record<string, unknown> = { ...crosswalk };
      delete content['$schema'];
      const contentHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
      const held = (await manager.query(
        `SELECT id, key, version, document FROM framework WHERE (key, version) IN (($1, $2), ($3, $4))`,
        [crosswalk.from.key, crosswalk.from.version, crosswalk.to.key, crosswalk.to.version],
      )) as { id: string; key: string; version: string; document: FrameworkFile }[];
      const find = (side: 'from' | 'to') => {
        const named = crosswalk[side];
        const found = held.find((row) => row.key === named.key && row.version === named.version);
        if (!found) {
          throw new CrosswalkError(
            `Crosswalk ${crosswalk.key} maps ${named.key} ${named.version}, which is not held: import that version first.`,
          );
        }
        return found;
      };
      const [from, to] = [find('from'), find('to')];
      const problems = validateCrosswalkElements(crosswalk, from.document, to.document);
      if (problems.length > 0) {
        throw new CrosswalkError(
          `Crosswalk ${crosswalk.key} does not fit the frameworks it maps:\n${formatProblems(problems)}`,
        );
      }
      const [stored] = (await manager.query(`SELECT id, content_hash FROM framework_crosswalk WHERE key = $1`, [
        crosswalk.key,
      ])) as { id: string; content_hash: string }[];
      if (stored?.content_hash === contentHash) return 'unchanged';
      if (stored) await manager.query(`DELETE FROM framework_crosswalk WHERE id = $1`, [stored.id]);
      const [{ id }] = (await manager.query(
        `INSERT INTO framework_crosswalk (key, title, description, from_framework_id, to_framework_id, content_hash, document)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [crosswalk.key, crosswalk.title, crosswalk.description, from.id, to.id, contentHash, content],
      )) as [{ id: string }];
      await manager.query(
        `INSERT INTO framework_crosswalk_mapping (crosswalk_id, from_element_id, to_element_id, relation, note)
         SELECT $1, source.id, target.id, mapping.relation, mapping.note
           FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS mapping (from_key, to_key, relation, note)
           JOIN framework_element source ON source.framework_id = $2 AND source.key = mapping.from_key
           JOIN framework_element target ON target.framework_id = $3 AND target.key = mapping.to_key`,
        [
          id,
          from.id,
          to.id,
          crosswalk.mappings.map((mapping) => mapping.from),
          crosswalk.mappings.map((mapping) => mapping.to),
          crosswalk.mappings.map((mapping) => mapping.type),
          crosswalk.mappings.map((mapping) => mapping.note ?? null),
        ],
      );
      return stored ? 'replaced' : 'created';
    });
  }
}
