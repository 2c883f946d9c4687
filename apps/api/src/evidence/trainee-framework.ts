import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { pickCurrentVersion } from '@portfolio/competency';
import type { EvidenceLinkInput, FieldError } from '@portfolio/contracts';

import type { ResolvedLink } from './evidence.repository';

export interface TraineePlacement {
  frameworkId: string;
  frameworkKey: string;
  frameworkVersion: string;
  /** The stage of the trainee's latest training record; null without one. */
  stageKey: string | null;
}

/** Where a trainee stands in the framework, and the element links they write against it. */
@Injectable()
export class TraineeFramework {
  async placementOf(manager: EntityManager, traineeId: string): Promise<TraineePlacement | null> {
    const [record] = (await manager.query(
      `SELECT programme.framework_key, record.stage_key
         FROM training_record record JOIN programme ON programme.id = record.programme_id
        WHERE record.trainee_id = $1 ORDER BY record.starts_on DESC LIMIT 1`,
      [traineeId],
    )) as { framework_key: string; stage_key: string }[];
    const frameworkKey = record?.framework_key ?? 'mlcf';
    const versions = (await manager.query(`SELECT id, version, status FROM framework WHERE key = $1`, [
      frameworkKey,
    ])) as {
      id: string;
      version: string;
      status: 'draft' | 'published';
    }[];
    const current = pickCurrentVersion(versions);
    return current
      ? {
          frameworkId: current.id,
          frameworkKey,
          frameworkVersion: current.version,
          stageKey: record?.stage_key ?? null,
        }
      : null;
  }

  /** Each link's element and stage in the trainee's framework, or the field errors that stop it. */
  async resolveLinks(
    manager: EntityManager,
    placement: TraineePlacement,
    links: EvidenceLinkInput[],
  ): Promise<{ links: ResolvedLink[]; errors: FieldError[] }> {
    const rows = (await manager.query(
      `SELECT element.key AS element_key, element.id AS element_id, stage.key AS stage_key, stage.id AS stage_id
         FROM framework_element element
         JOIN framework_outcome outcome ON outcome.element_id = element.id
         JOIN framework_stage stage ON stage.id = outcome.stage_id
        WHERE element.framework_id = $1
        GROUP BY element.key, element.id, stage.key, stage.id`,
      [placement.frameworkId],
    )) as { element_key: string; element_id: string; stage_key: string; stage_id: string }[];
    const applies = new Map(rows.map((row) => [`${row.element_key}@${row.stage_key}`, row]));
    const elementKeys = new Set(rows.map((row) => row.element_key));
    const resolved: ResolvedLink[] = [];
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    links.forEach((link, index) => {
      const stageKey = link.stageKey ?? placement.stageKey;
      if (!elementKeys.has(link.elementKey)) {
        errors.push({
          field: `links.${index}.elementKey`,
          message: `There is no element '${link.elementKey}' in ${placement.frameworkKey} ${placement.frameworkVersion}`,
        });
        return;
      }
      if (!stageKey) {
        errors.push({
          field: `links.${index}.stageKey`,
          message: 'Name the stage: you have no training record to take it from',
        });
        return;
      }
      const match = applies.get(`${link.elementKey}@${stageKey}`);
      if (!match) {
        errors.push({
          field: `links.${index}.stageKey`,
          message: `Element ${link.elementKey} does not apply at the stage '${stageKey}'`,
        });
        return;
      }
      if (seen.has(`${link.elementKey}@${stageKey}`)) {
        errors.push({
          field: `links.${index}.elementKey`,
          message: `Element ${link.elementKey} at '${stageKey}' is linked twice`,
        });
        return;
      }
      seen.add(`${link.elementKey}@${stageKey}`);
      resolved.push({ elementId: match.element_id, stageId: match.stage_id, note: link.note?.trim() ?? '' });
    });
    return { links: resolved, errors };
  }
}
