import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type StageProgress, computeStageProgress, pickCurrentVersion } from '@portfolio/competency';

import type { SessionUser } from '../auth/session.service';
import { preparedQuery } from '../database/prepared-query';
import { type EvidenceAudience, evidenceAudience } from '../evidence/evidence-visibility';
import { visibleTraineeCondition } from '../trainees/trainee-visibility';
import { CoverageCounts, type TraineeCounts } from './coverage-counts';
import { FrameworkStructures } from './framework-structures';

/** The framework of a trainee with no training record. */
export const defaultFrameworkKey = 'mlcf';

/** Where a trainee stands: the current version of their programme's framework and their stage. */
export interface TraineeStage {
  traineeId: string;
  frameworkId: string;
  frameworkKey: string;
  frameworkVersion: string;
  stageKey: string | null;
}

/** A trainee as one reader finds them: where they stand, and what of theirs the reader may see. */
export interface Placement extends TraineeStage {
  /** Whether the reader may see the trainee at all (`visibleTraineeCondition`). */
  visible: boolean;
  /** Which of the trainee's evidence the reader may count. */
  audience: EvidenceAudience;
  /** The trainee's coverage version: kept counts at this version are current. */
  countsVersion: string;
}

/** A placement as `placementColumns` reads it. */
export interface PlacementRow {
  trainee_id: string;
  is_trainee: boolean;
  framework_key: string | null;
  stage_key: string | null;
  visible: boolean;
  audience: EvidenceAudience;
  counts_version: string;
  versions: { id: string; version: string; status: 'draft' | 'published' }[] | null;
}

/** A reader's access to a trainee, as SQL expressions on the trainee row `trainee`. */
export interface TraineeAccess {
  /** Whether the reader may see the trainee (`visibleTraineeCondition`). */
  visible: string;
  /** The reader's audience for the trainee's evidence (`evidenceAudience`). */
  audience: string;
}

/** The access the visibility rules give `reader` to each trainee; `readerParameter` holds the reader's id. */
export function readersAccess(reader: SessionUser, readerParameter: string): TraineeAccess {
  return {
    visible: visibleTraineeCondition(reader, 'trainee', readerParameter),
    audience: evidenceAudience(reader, 'trainee.id', readerParameter),
  };
}

/**
 * The columns of a trainee's placement as `reader` finds them, for a statement over the trainee's
 * `app_user` row as `trainee` joined to their latest training record as `record` (with the
 * programme's `framework_key`, and `stage_key`). `readerParameter` holds the reader's id and
 * `defaultKeyParameter` holds `defaultFrameworkKey`. A statement whose joins already settle the
 * reader's access passes it as `access`. Read back with `placementsOf`.
 */
export function placementColumns(
  reader: SessionUser,
  readerParameter: string,
  defaultKeyParameter: string,
  access: TraineeAccess = readersAccess(reader, readerParameter),
): string {
  return `trainee.id AS trainee_id, 'trainee' = ANY (trainee.roles) AS is_trainee,
          record.framework_key, record.stage_key,
          ${access.visible} AS visible,
          ${access.audience} AS audience,
          coalesce((SELECT counted.version FROM trainee_coverage_version counted
                     WHERE counted.trainee_id = trainee.id), 0)::text AS counts_version,
          (SELECT json_agg(json_build_object('id', framework.id, 'version', framework.version,
                                             'status', framework.status))
             FROM framework WHERE framework.key = coalesce(record.framework_key, ${defaultKeyParameter})) AS versions`;
}

/** The placement a `placementColumns` row describes; null for one who is not a trainee or whose framework is not loaded. */
function placementOf(row: PlacementRow): Placement | null {
  const current = pickCurrentVersion(row.versions ?? []);
  if (!row.is_trainee || !current) return null;
  return {
    traineeId: row.trainee_id,
    frameworkId: current.id,
    frameworkKey: row.framework_key ?? defaultFrameworkKey,
    frameworkVersion: current.version,
    stageKey: row.stage_key,
    visible: row.visible,
    audience: row.audience,
    countsVersion: row.counts_version,
  };
}

/** The placements `placementColumns` rows describe, by trainee; those `placementOf` finds none for are left out. */
export function placementsOf(rows: PlacementRow[]): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  for (const row of rows) {
    const placement = placementOf(row);
    if (placement) placements.set(row.trainee_id, placement);
  }
  return placements;
}

/** Statement texts by reader's roles and by one or many trainees: built once, so pg names them without hashing them anew. */
const placementsTexts = new Map<string, string>();

/**
 * The statement `placementsFor` sends. One trainee (a progress page) is asked for by equality: with
 * an array, PostgreSQL never trusts its generic plan and plans the statement afresh on every request,
 * which costs more than running it.
 */
export function placementsStatement(reader: SessionUser, traineeIds: string[]): { text: string; values: unknown[] } {
  const one = traineeIds.length === 1;
  const textKey = `${one ? 'one' : 'many'} ${reader.roles.join(' ')}`;
  let text = placementsTexts.get(textKey);
  if (text === undefined) {
    text = `SELECT ${placementColumns(reader, '$1', '$3')}
             FROM app_user trainee
             LEFT JOIN LATERAL (
               SELECT programme.framework_key, training.stage_key
                 FROM training_record training JOIN programme ON programme.id = training.programme_id
                WHERE training.trainee_id = trainee.id ORDER BY training.starts_on DESC LIMIT 1) record ON true
            WHERE ${one ? 'trainee.id = $2::uuid' : 'trainee.id = ANY ($2::uuid[])'} AND 'trainee' = ANY (trainee.roles)`;
    placementsTexts.set(textKey, text);
  }
  return { text, values: [reader.id, one ? traineeIds[0] : traineeIds, defaultFrameworkKey] };
}

/**
 * Coverage for many trainees in a fixed number of queries, whatever their number: the counts
 * are grouped in SQL (or kept, while current; see CoverageCounts) and the shared coverage
 * function runs once per trainee in memory. Between changes a reader's request costs one
 * statement: `placementsFor`.
 */
@Injectable()
export class CoverageQueries {
  // Dropped with the counts they were computed from when a trainee's coverage version moves.
  private readonly computed = new WeakMap<TraineeCounts, Map<string, StageProgress>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly structures: FrameworkStructures,
    private readonly counts: CoverageCounts,
  ) {}

  /**
   * Each trainee's framework (current version) and stage from their latest training record,
   * whether `reader` may see them and their evidence, and their coverage version, in one
   * statement. Ids that are not trainees, or whose framework is not loaded, are left out.
   */
  async placementsFor(reader: SessionUser, traineeIds: string[]): Promise<Map<string, Placement>> {
    const statement = placementsStatement(reader, traineeIds);
    return placementsOf(
      await preparedQuery<PlacementRow>(this.dataSource, 'placements', statement.text, statement.values),
    );
  }

  /**
   * The coverage of each trainee at a stage (their own unless `stageOverride` is given), counting
   * only the evidence the reader the placements were found for may see. Trainees without a
   * stage or framework are left out.
   */
  async progressOf(placements: Placement[], stageOverride?: string): Promise<Map<string, StageProgress>> {
    const [structures, counts] = await Promise.all([
      this.structures.of(placements.map((placement) => placement.frameworkId)),
      this.counts.of(new Map(placements.map((placement) => [placement.traineeId, placement.countsVersion]))),
    ]);
    const progress = new Map<string, StageProgress>();
    for (const trainee of placements) {
      const stage = stageOverride ?? trainee.stageKey;
      const structure = structures.get(trainee.frameworkId);
      const traineeCounts = counts.get(trainee.traineeId);
      if (!stage || !structure || !traineeCounts) continue;
      const audience = trainee.audience;
      const computed = structure.published ? this.computedFrom(traineeCounts) : new Map<string, StageProgress>();
      const key = `${structure.frameworkId} ${stage} ${audience}`;
      const known = computed.get(key);
      if (known) {
        progress.set(trainee.traineeId, known);
        continue;
      }
      // Element key → count at the stage, for elements of the trainee's framework.
      const atStage = <T extends { element_id: string; stage_id: string }>(rows: T[], count: (row: T) => number) => {
        const counted = new Map<string, number>();
        for (const row of rows) {
          const elementKey = structure.elementKeyById.get(row.element_id);
          if (!elementKey || structure.stageKeyById.get(row.stage_id) !== stage) continue;
          const value = count(row);
          if (value > 0) counted.set(elementKey, (counted.get(elementKey) ?? 0) + value);
        }
        return counted;
      };
      const stageProgress = computeStageProgress({
        stage,
        domains: structure.domains,
        elements: structure.elementsByStage.get(stage) ?? [],
        evidenceCounts: atStage(traineeCounts.evidence, (row) => (audience === 'none' ? 0 : row[audience])),
        assessmentCounts: atStage(traineeCounts.assessments, (row) => row.count),
        signedOff: new Set(atStage(traineeCounts.signedOff, (row) => row.count).keys()),
      });
      computed.set(key, stageProgress);
      progress.set(trainee.traineeId, stageProgress);
    }
    return progress;
  }

  /** Progress computed from one version of a trainee's counts, kept with them: callers build new views, never change it. */
  private computedFrom(counts: TraineeCounts): Map<string, StageProgress> {
    let computed = this.computed.get(counts);
    if (!computed) {
      computed = new Map();
      this.computed.set(counts, computed);
    }
    return computed;
  }
}
