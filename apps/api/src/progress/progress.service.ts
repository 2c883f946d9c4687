import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { computeStageProgress } from '@portfolio/competency';
import type { ProgressView } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import { visibleEvidenceCondition } from '../evidence/evidence-visibility';
import { TraineeFramework } from '../evidence/trainee-framework';
import { SignOffsRepository } from '../sign-offs/sign-offs.repository';
import { visibleTraineeCondition } from '../trainees/trainee-visibility';

/** Coverage of a stage for one trainee, counted from what the viewer may see. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly traineeFramework: TraineeFramework,
    private readonly signOffs: SignOffsRepository,
  ) {}

  async progress(user: SessionUser, traineeId: string, requestedStage: string | undefined): Promise<ProgressView> {
    const visible = await this.dataSource.query(
      `SELECT 1 FROM app_user trainee WHERE trainee.id = $2 AND 'trainee' = ANY (trainee.roles)
          AND ${visibleTraineeCondition(user, 'trainee', '$1')}`,
      [user.id, traineeId],
    );
    if (visible.length === 0) {
      throw new NotFoundException('There is no trainee with that id that you can see.');
    }
    const placement = await this.traineeFramework.placementOf(this.dataSource.manager, traineeId);
    if (!placement) {
      throw new NotFoundException('No framework is loaded.');
    }
    const stages = (await this.dataSource.query(
      `SELECT key FROM framework_stage WHERE framework_id = $1 ORDER BY sequence`,
      [placement.frameworkId],
    )) as { key: string }[];
    const stage = requestedStage ?? placement.stageKey ?? stages[0]?.key ?? '';
    if (!stages.some((candidate) => candidate.key === stage)) {
      throw fieldError(
        'stage',
        `'${stage}' is not a stage of ${placement.frameworkKey}: ${stages.map((candidate) => candidate.key).join(', ')}`,
      );
    }
    const [domains, elements, evidenceCounts, signedOff] = await Promise.all([
      this.dataSource.query(`SELECT key, code, title FROM framework_domain WHERE framework_id = $1 ORDER BY sequence`, [
        placement.frameworkId,
      ]) as Promise<{ key: string; code: string; title: string }[]>,
      this.dataSource.query(
        `SELECT element.key, element.code, element.title, domain.key AS domain_key
           FROM framework_element element
           LEFT JOIN framework_domain domain ON domain.id = element.domain_id
          WHERE element.framework_id = $1
            AND EXISTS (SELECT 1 FROM framework_outcome outcome JOIN framework_stage stage ON stage.id = outcome.stage_id
                         WHERE outcome.element_id = element.id AND stage.key = $2)
          ORDER BY element.sequence`,
        [placement.frameworkId, stage],
      ) as Promise<{ key: string; code: string; title: string; domain_key: string | null }[]>,
      this.dataSource.query(
        `SELECT element.key, count(DISTINCT item.id)::int AS count
           FROM evidence_item item
           JOIN evidence_element_link link ON link.evidence_id = item.id
           JOIN framework_element element ON element.id = link.element_id
           JOIN framework_stage stage ON stage.id = link.stage_id
          WHERE item.trainee_id = $2 AND element.framework_id = $3 AND stage.key = $4
            AND ${visibleEvidenceCondition(user, 'item', '$1')}
          GROUP BY element.key`,
        [user.id, traineeId, placement.frameworkId, stage],
      ) as Promise<{ key: string; count: number }[]>,
      this.signOffs.signedOffElementKeys(traineeId, placement.frameworkId, stage),
    ]);
    const progress = computeStageProgress({
      stage,
      domains,
      elements: elements.map((element) => ({
        key: element.key,
        code: element.code,
        title: element.title,
        domainKey: element.domain_key,
      })),
      evidenceCounts: new Map(evidenceCounts.map((row) => [row.key, row.count])),
      // Assessments arrive with the assessment records; until then there are none to count.
      assessmentCounts: new Map(),
      signedOff,
    });
    return {
      traineeId,
      frameworkKey: placement.frameworkKey,
      frameworkVersion: placement.frameworkVersion,
      ...progress,
    };
  }
}
