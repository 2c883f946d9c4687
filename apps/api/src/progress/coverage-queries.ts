import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type StageProgress, computeStageProgress, pickCurrentVersion } from '@portfolio/competency';

import type { SessionUser } from '../auth/session.service';
import { visibleEvidenceCondition } from '../evidence/evidence-visibility';

/** Where a trainee stands: the current version of their programme's framework and their stage. */
export interface TraineeStage {
  traineeId: string;
  frameworkId: string;
  frameworkKey: string;
  frameworkVersion: string;
  stageKey: string | null;
}

interface CountRow {
  trainee_id: string;
  framework_id: string;
  element_key: string;
  stage_key: string;
  count: number;
}

const key = (traineeId: string, frameworkId: string, stageKey: string) => `${traineeId}|${frameworkId}|${stageKey}`;

/**
 * Coverage for many trainees in a fixed number of queries, whatever their number: the counts
 * are grouped in SQL and the shared coverage function runs once per trainee in memory.
 */
@Injectable()
export class CoverageQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Each trainee's framework (current version) and stage, from their latest training record. */
  async stagesOf(traineeIds: string[]): Promise<Map<string, TraineeStage>> {
    const [records, frameworks] = await Promise.all([
      this.dataSource.query(
        `SELECT DISTINCT ON (record.trainee_id) record.trainee_id, programme.framework_key, record.stage_key
           FROM training_record record JOIN programme ON programme.id = record.programme_id
          WHERE record.trainee_id = ANY ($1::uuid[])
          ORDER BY record.trainee_id, record.starts_on DESC`,
        [traineeIds],
      ) as Promise<{ trainee_id: string; framework_key: string; stage_key: string }[]>,
      this.dataSource.query(`SELECT id, key, version, status FROM framework`) as Promise<
        { id: string; key: string; version: string; status: 'draft' | 'published' }[]
      >,
    ]);
    const recordOf = new Map(records.map((record) => [record.trainee_id, record]));
    const stages = new Map<string, TraineeStage>();
    for (const traineeId of traineeIds) {
      const record = recordOf.get(traineeId);
      const frameworkKey = record?.framework_key ?? 'mlcf';
      const current = pickCurrentVersion(frameworks.filter((framework) => framework.key === frameworkKey));
      if (current) {
        stages.set(traineeId, {
          traineeId,
          frameworkId: current.id,
          frameworkKey,
          frameworkVersion: current.version,
          stageKey: record?.stage_key ?? null,
        });
      }
    }
    return stages;
  }

  /**
   * The coverage of each trainee at a stage (their own unless `stageOverride` is given), counting
   * only the evidence `viewer` may see. Trainees without a stage or framework are left out.
   */
  async progressOf(
    viewer: SessionUser,
    stages: TraineeStage[],
    stageOverride?: string,
  ): Promise<Map<string, StageProgress>> {
    const traineeIds = stages.map((stage) => stage.traineeId);
    const frameworkIds = [...new Set(stages.map((stage) => stage.frameworkId))];
    const [domains, elements, evidence, assessments, signedOff] = await Promise.all([
      this.dataSource.query(
        `SELECT framework_id, key, code, title FROM framework_domain WHERE framework_id = ANY ($1::uuid[]) ORDER BY sequence`,
        [frameworkIds],
      ) as Promise<{ framework_id: string; key: string; code: string; title: string }[]>,
      this.dataSource.query(
        `SELECT element.framework_id, stage.key AS stage_key, element.key, element.code, element.title,
                domain.key AS domain_key
           FROM framework_element element
           JOIN framework_outcome outcome ON outcome.element_id = element.id
           JOIN framework_stage stage ON stage.id = outcome.stage_id
           LEFT JOIN framework_domain domain ON domain.id = element.domain_id
          WHERE element.framework_id = ANY ($1::uuid[])
          GROUP BY element.framework_id, stage.key, element.key, element.code, element.title, domain.key, element.sequence
          ORDER BY element.sequence`,
        [frameworkIds],
      ) as Promise<
        {
          framework_id: string;
          stage_key: string;
          key: string;
          code: string;
          title: string;
          domain_key: string | null;
        }[]
      >,
      this.dataSource.query(
        `SELECT item.trainee_id, element.framework_id, element.key AS element_key, stage.key AS stage_key,
                count(DISTINCT item.id)::int AS count
           FROM evidence_item item
           JOIN evidence_element_link link ON link.evidence_id = item.id
           JOIN framework_element element ON element.id = link.element_id
           JOIN framework_stage stage ON stage.id = link.stage_id
          WHERE item.trainee_id = ANY ($2::uuid[]) AND ${visibleEvidenceCondition(viewer, 'item', '$1')}
          GROUP BY item.trainee_id, element.framework_id, element.key, stage.key`,
        [viewer.id, traineeIds],
      ) as Promise<CountRow[]>,
      // Signed assessments, counting a corrected one once: its correction replaces it when signed.
      this.dataSource.query(
        `SELECT assessment.trainee_id, element.framework_id, element.key AS element_key, stage.key AS stage_key,
                count(DISTINCT assessment.id)::int AS count
           FROM assessment
           JOIN assessment_element covered ON covered.assessment_id = assessment.id
           JOIN framework_element element ON element.id = covered.element_id
           JOIN framework_stage stage ON stage.id = covered.stage_id
          WHERE assessment.trainee_id = ANY ($1::uuid[]) AND assessment.status = 'signed-off'
            AND NOT EXISTS (SELECT 1 FROM assessment correction
                             WHERE correction.amends = assessment.id AND correction.status = 'signed-off')
          GROUP BY assessment.trainee_id, element.framework_id, element.key, stage.key`,
        [traineeIds],
      ) as Promise<CountRow[]>,
      this.dataSource.query(
        `SELECT record.trainee_id, element.framework_id, element.key AS element_key, stage.key AS stage_key, 1 AS count
           FROM element_sign_off record
           JOIN framework_element element ON element.id = record.element_id
           JOIN framework_stage stage ON stage.id = record.stage_id
          WHERE record.trainee_id = ANY ($1::uuid[]) AND record.kind = 'sign-off'
            AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)`,
        [traineeIds],
      ) as Promise<CountRow[]>,
    ]);
    const index = (rows: CountRow[]) => {
      const byTraineeStage = new Map<string, Map<string, number>>();
      for (const row of rows) {
        const bucket = key(row.trainee_id, row.framework_id, row.stage_key);
        const counts = byTraineeStage.get(bucket) ?? new Map<string, number>();
        counts.set(row.element_key, row.count);
        byTraineeStage.set(bucket, counts);
      }
      return byTraineeStage;
    };
    const [evidenceIndex, assessmentIndex, signOffIndex] = [index(evidence), index(assessments), index(signedOff)];
    const progress = new Map<string, StageProgress>();
    for (const trainee of stages) {
      const stage = stageOverride ?? trainee.stageKey;
      if (!stage) continue;
      const bucket = key(trainee.traineeId, trainee.frameworkId, stage);
      progress.set(
        trainee.traineeId,
        computeStageProgress({
          stage,
          domains: domains.filter((domain) => domain.framework_id === trainee.frameworkId),
          elements: elements
            .filter((element) => element.framework_id === trainee.frameworkId && element.stage_key === stage)
            .map((element) => ({
              key: element.key,
              code: element.code,
              title: element.title,
              domainKey: element.domain_key,
            })),
          evidenceCounts: evidenceIndex.get(bucket) ?? new Map(),
          assessmentCounts: assessmentIndex.get(bucket) ?? new Map(),
          signedOff: new Set(signOffIndex.get(bucket)?.keys() ?? []),
        }),
      );
    }
    return progress;
  }
}
