import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type CrosswalkEvidence, type CrosswalkRelation, crosswalkEvidence } from '@portfolio/competency';
import type { ProgressView } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { visibleEvidenceCondition } from '../evidence/evidence-visibility';

interface CounterpartRow {
  crosswalk_key: string;
  crosswalk_title: string;
  element_key: string;
  framework_key: string;
  framework_version: string;
  framework_title: string;
  counterpart_id: string;
  counterpart_key: string;
  counterpart_code: string;
  counterpart_title: string;
  relation: CrosswalkRelation;
}

/**
 * Evidence that counts towards a framework version's elements through crosswalks: items the
 * trainee linked to the elements other frameworks map onto them, at any stage, counting only what
 * the viewer may see. Read both ways: a crosswalk maps from one framework and to the other.
 */
@Injectable()
export class CrosswalkCoverage {
  constructor(private readonly dataSource: DataSource) {}

  async evidenceFor(
    viewer: SessionUser,
    traineeId: string,
    frameworkId: string,
    stageKey: string,
    elementKeys: string[],
  ): Promise<{ byElement: Map<string, CrosswalkEvidence>; crosswalks: NonNullable<ProgressView['crosswalks']> }> {
    const counterparts = (await this.dataSource.query(
      `SELECT crosswalk.key AS crosswalk_key, crosswalk.title AS crosswalk_title, mine.key AS element_key,
              other_framework.key AS framework_key, other_framework.version AS framework_version,
              other_framework.title AS framework_title,
              other.id AS counterpart_id, other.key AS counterpart_key, other.code AS counterpart_code,
              other.title AS counterpart_title, mapping.relation
         FROM framework_crosswalk crosswalk
         JOIN framework_crosswalk_mapping mapping ON mapping.crosswalk_id = crosswalk.id
         JOIN framework_element mine ON mine.id = CASE WHEN crosswalk.from_framework_id = $1
                                                       THEN mapping.from_element_id ELSE mapping.to_element_id END
         JOIN framework_element other ON other.id = CASE WHEN crosswalk.from_framework_id = $1
                                                         THEN mapping.to_element_id ELSE mapping.from_element_id END
         JOIN framework other_framework ON other_framework.id = other.framework_id
        WHERE $1 IN (crosswalk.from_framework_id, crosswalk.to_framework_id)
        ORDER BY crosswalk.key, mapping.relation, other.sequence`,
      [frameworkId],
    )) as CounterpartRow[];
    const crosswalks = [
      ...new Map(
        counterparts.map((row) => [
          row.crosswalk_key,
          {
            key: row.crosswalk_key,
            title: row.crosswalk_title,
            frameworkKey: row.framework_key,
            frameworkVersion: row.framework_version,
            frameworkTitle: row.framework_title,
          },
        ]),
      ).values(),
    ];
    if (counterparts.length === 0) {
      return { byElement: crosswalkEvidence(elementKeys, [], [], new Map()), crosswalks };
    }
    const [linked, direct] = await Promise.all([
      this.dataSource.query(
        `SELECT DISTINCT item.id AS evidence_id, framework.key AS framework_key, framework.version AS framework_version,
                element.key AS element_key
           FROM evidence_item item
           JOIN evidence_element_link link ON link.evidence_id = item.id
           JOIN framework_element element ON element.id = link.element_id
           JOIN framework ON framework.id = element.framework_id
          WHERE item.trainee_id = $2 AND link.element_id = ANY ($3::uuid[])
            AND ${visibleEvidenceCondition(viewer, 'item', '$1')}`,
        [viewer.id, traineeId, [...new Set(counterparts.map((row) => row.counterpart_id))]],
      ) as Promise<{ evidence_id: string; framework_key: string; framework_version: string; element_key: string }[]>,
      this.dataSource.query(
        `SELECT DISTINCT item.id AS evidence_id, element.key AS element_key
           FROM evidence_item item
           JOIN evidence_element_link link ON link.evidence_id = item.id
           JOIN framework_element element ON element.id = link.element_id
           JOIN framework_stage stage ON stage.id = link.stage_id
          WHERE item.trainee_id = $2 AND element.framework_id = $3 AND stage.key = $4
            AND ${visibleEvidenceCondition(viewer, 'item', '$1')}`,
        [viewer.id, traineeId, frameworkId, stageKey],
      ) as Promise<{ evidence_id: string; element_key: string }[]>,
    ]);
    const directEvidence = new Map<string, Set<string>>();
    for (const row of direct) {
      directEvidence.set(row.element_key, (directEvidence.get(row.element_key) ?? new Set()).add(row.evidence_id));
    }
    const byElement = crosswalkEvidence(
      elementKeys,
      counterparts.map((row) => ({
        elementKey: row.element_key,
        frameworkKey: row.framework_key,
        frameworkVersion: row.framework_version,
        counterpartKey: row.counterpart_key,
        counterpartCode: row.counterpart_code,
        counterpartTitle: row.counterpart_title,
        relation: row.relation,
      })),
      linked.map((row) => ({
        evidenceId: row.evidence_id,
        frameworkKey: row.framework_key,
        frameworkVersion: row.framework_version,
        elementKey: row.element_key,
      })),
      directEvidence,
    );
    return { byElement, crosswalks };
  }
}
