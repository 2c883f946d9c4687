import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type StageProgress, computeStageProgress, pickCurrentVersion } from '@portfolio/competency';

import type { SessionUser } from '../auth/session.service';
import { visibleEvidenceCondition } from '../evidence/evidence-visibility';
import { FrameworkStructures } from './framework-structures';

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
  element_id: string;
  stage_id: string;
  count: number;
}

const key = (traineeId: string, stageKey: string) => `${traineeId}|${stageKey}`;

/**
 * Coverage for many trainees in a fixed number of queries, whatever their number: the counts
 * are grouped in SQL and the shared coverage function runs once per trainee in memory.
 */
@Injectable()
export class CoverageQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly structures: FrameworkStructures,
  ) {}

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
    // Counted by element and stage ids; the (cached) structures turn ids into keys, so these
    // statements join no framework tables and plan in a fraction of the time.
    const [structures, evidence, assessments, signedOff] = await Promise.all([
      this.structures.of(stages.map((stage) => stage.frameworkId)),
      this.dataSource.query(
        `SELECT item.trainee_id, link.element_id, link.stage_id, count(DISTINCT item.id)::int AS count
           FROM evidence_item item JOIN evidence_element_link link ON link.evidence_id = item.id
          WHERE item.trainee_id = ANY ($2::uuid[]) AND ${visibleEvidenceCondition(viewer, 'item', '$1')}
          GROUP BY item.trainee_id, link.element_id, link.stage_id`,
        [viewer.id, traineeIds],
      ) as Promise<CountRow[]>,
      // Signed assessments, counting a corrected one once: its correction replaces it when signed.
      this.dataSource.query(
        `SELECT assessment.trainee_id, covered.element_id, covered.stage_id, count(DISTINCT assessment.id)::int AS count
           FROM assessment JOIN assessment_element covered ON covered.assessment_id = assessment.id
          WHERE assessment.trainee_id = ANY ($1::uuid[]) AND assessment.status = 'signed-off'
            AND NOT EXISTS (SELECT 1 FROM assessment correction
                             WHERE correction.amends = assessment.id AND correction.status = 'signed-off')
          GROUP BY assessment.trainee_id, covered.element_id, covered.stage_id`,
        [traineeIds],
      ) as Promise<CountRow[]>,
      this.dataSource.query(
        `SELECT record.trainee_id, record.element_id, record.stage_id, 1 AS count
           FROM element_sign_off record
          WHERE record.trainee_id = ANY ($1::uuid[]) AND record.kind = 'sign-off'
            AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)`,
        [traineeIds],
      ) as Promise<CountRow[]>,
    ]);
    const frameworkOf = new Map(stages.map((stage) => [stage.traineeId, stage.frameworkId]));
    // Trainee and stage → element key → count, for elements of the trainee's framework.
    const index = (rows: CountRow[]) => {
      const byTraineeStage = new Map<string, Map<string, number>>();
      for (const row of rows) {
        const structure = structures.get(frameworkOf.get(row.trainee_id) ?? '');
        const elementKey = structure?.elementKeyById.get(row.element_id);
        const stageKey = structure?.stageKeyById.get(row.stage_id);
        if (!elementKey || !stageKey) continue;
        const bucket = key(row.trainee_id, stageKey);
        const counts = byTraineeStage.get(bucket) ?? new Map<string, number>();
        counts.set(elementKey, (counts.get(elementKey) ?? 0) + row.count);
        byTraineeStage.set(bucket, counts);
      }
      return byTraineeStage;
    };
    const [evidenceIndex, assessmentIndex, signOffIndex] = [index(evidence), index(assessments), index(signedOff)];
    const progress = new Map<string, StageProgress>();
    for (const trainee of stages) {
      const stage = stageOverride ?? trainee.stageKey;
      const structure = structures.get(trainee.frameworkId);
      if (!stage || !structure) continue;
      const bucket = key(trainee.traineeId, stage);
      progress.set(
        trainee.traineeId,
        computeStageProgress({
          stage,
          domains: structure.domains,
          elements: structure.elementsByStage.get(stage) ?? [],
          evidenceCounts: evidenceIndex.get(bucket) ?? new Map(),
          assessmentCounts: assessmentIndex.get(bucket) ?? new Map(),
          signedOff: new Set(signOffIndex.get(bucket)?.keys() ?? []),
        }),
      );
    }
    return progress;
  }
}
