import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ProgressView } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import { visibleTraineeCondition } from '../trainees/trainee-visibility';
import { CoverageQueries } from './coverage-queries';

/** Coverage of a stage for one trainee, counted from what the viewer may see. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: CoverageQueries,
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
    const placement = (await this.coverage.stagesOf([traineeId])).get(traineeId);
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
    const progress = (await this.coverage.progressOf(user, [placement], stage)).get(traineeId);
    if (!progress) {
      throw new NotFoundException('No framework is loaded.');
    }
    return {
      traineeId,
      frameworkKey: placement.frameworkKey,
      frameworkVersion: placement.frameworkVersion,
      ...progress,
    };
  }
}
