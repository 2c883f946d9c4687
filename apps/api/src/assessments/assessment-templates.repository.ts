import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import { type AssessmentTemplateFile, canonicalJson, pickCurrentVersion } from '@portfolio/competency';

import type { ImportResult } from '../frameworks/framework-importer';

export interface StoredTemplate {
  id: string;
  definition: AssessmentTemplateFile;
}

export class PublishedTemplateChangedError extends Error {
  constructor(key: string, version: string) {
    super(
      `Assessment template '${key}' version '${version}' is published and differs from the stored copy. ` +
        `A published version never changes: put the change in framework-data/assessments/${key}/<new version>.json.`,
    );
  }
}

/** Assessment templates, stored whole and versioned like frameworks. */
@Injectable()
export class AssessmentTemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a template; importing the same file again changes nothing. */
  importTemplate(template: AssessmentTemplateFile): Promise<ImportResult> {
    const content: Record<string, unknown> = { ...template };
    delete content['$schema'];
    const sha256 = createHash('sha256').update(canonicalJson(content)).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('assessment-template-import'))`);
      const [stored] = (await manager.query(
        `SELECT id, status, content_sha256 FROM assessment_template WHERE key = $1 AND version = $2`,
        [template.key, template.version],
      )) as { id: string; status: string; content_sha256: string }[];
      if (stored?.content_sha256 === sha256) {
        return 'unchanged';
      }
      if (stored?.status === 'published') {
        throw new PublishedTemplateChangedError(template.key, template.version);
      }
      if (stored) {
        const [used] = (await manager.query(`SELECT 1 FROM assessment WHERE template_id = $1 LIMIT 1`, [
          stored.id,
        ])) as unknown[];
        if (used) {
          // Assessments made from this draft must keep the form they were made from.
          throw new PublishedTemplateChangedError(template.key, template.version);
        }
        await manager.query(
          `UPDATE assessment_template SET status = $2, title = $3, definition = $4, content_sha256 = $5, imported_at = now()
            WHERE id = $1`,
          [stored.id, template.status, template.title, content, sha256],
        );
        return 'replaced-draft';
      }
      await manager.query(
        `INSERT INTO assessment_template (key, version, status, title, definition, content_sha256)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [template.key, template.version, template.status, template.title, content, sha256],
      );
      return 'created';
    });
  }

  /** The current version of each template (the newest published one). */
  async listCurrent(): Promise<StoredTemplate[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, key, version, status, definition FROM assessment_template ORDER BY key`,
    )) as {
      id: string;
      key: string;
      version: string;
      status: 'draft' | 'published';
      definition: AssessmentTemplateFile;
    }[];
    const byKey = new Map<string, typeof rows>();
    for (const row of rows) {
      byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    }
    return [...byKey.values()]
      .map((versions) => pickCurrentVersion(versions))
      .filter((row): row is (typeof rows)[number] => row !== undefined)
      .map((row) => ({ id: row.id, definition: row.definition }));
  }

  async findCurrent(key: string): Promise<StoredTemplate | null> {
    return (await this.listCurrent()).find((template) => template.definition.key === key) ?? null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredTemplate | null> {
    const [row] = (await manager.query(`SELECT id, definition FROM assessment_template WHERE id = $1`, [id])) as {
      id: string;
      definition: AssessmentTemplateFile;
    }[];
    return row ?? null;
  }
}
