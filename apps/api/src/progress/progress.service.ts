import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { pickCurrentVersion } from '@portfolio/competency';
import type { ProgressView } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import { CoverageQueries, type Placement } from './coverage-queries';
import { CrosswalkCoverage } from './crosswalk-coverage';
import { FrameworkStructures } from './framework-structures';

export interface ProgressOptions {
  stage?: string;
  /** Another framework to view the trainee's progress against. */
  framework?: string;
  includeCrosswalks?: boolean;
}

/** Coverage of a stage for one trainee, counted from what the viewer may see. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: CoverageQueries,
    private readonly crosswalkCoverage: CrosswalkCoverage,
    private readonly structures: FrameworkStructures,
  ) {}

  async progress(user: SessionUser, traineeId: string, options: ProgressOptions = {}): Promise<ProgressView> {
    const requestedStage = options.stage;
    const ownPlacement = (await this.coverage.placementsFor(user, [traineeId])).get(traineeId);
    if (!ownPlacement?.visible) {
      throw new NotFoundException('There is no trainee with that id that you can see.');
    }
    const placement = options.framework ? await this.otherFramework(ownPlacement, options.framework) : ownPlacement;
    const structure = (await this.structures.of([placement.frameworkId])).get(placement.frameworkId);
    const stages = structure?.stages ?? [];
    const ownStage = stages.some((candidate) => candidate.key === placement.stageKey) ? placement.stageKey : null;
    const stage = requestedStage ?? ownStage ?? stages[0]?.key ?? '';
    if (!stages.some((candidate) => candidate.key === stage)) {
      throw fieldError(
        'stage',
        `'${stage}' is not a stage of ${placement.frameworkKey}: ${stages.map((candidate) => candidate.key).join(', ')}`,
      );
    }
    const progress = (await this.coverage.progressOf([placement], stage)).get(traineeId);
    if (!progress) {
      throw new NotFoundException('No framework is loaded.');
    }
    const view: ProgressView = {
      traineeId,
      frameworkKey: placement.frameworkKey,
      frameworkVersion: placement.frameworkVersion,
      frameworkTitle: structure?.title ?? placement.frameworkKey,
      stages,
      ...progress,
    };
    if (!options.includeCrosswalks) return view;
    const { byElement, crosswalks } = await this.crosswalkCoverage.evidenceFor(
      user,
      traineeId,
      placement.frameworkId,
      stage,
      view.elements.map((element) => element.key),
    );
    return {
      ...view,
      elements: view.elements.map((element) => ({
        ...element,
        crosswalk: byElement.get(element.key) ?? { evidenceCount: 0, sources: [] },
      })),
      crosswalks,
    };
  }

  /** The trainee seen against the current version of another framework, at a stage of that framework. */
  private async otherFramework(own: Placement, frameworkKey: string): Promise<Placement> {
    const versions = (await this.dataSource.query(`SELECT id, version, status FROM framework WHERE key = $1`, [
      frameworkKey,
    ])) as { id: string; version: string; status: 'draft' | 'published' }[];
    const current = pickCurrentVersion(versions);
    if (!current) {
      throw fieldError('framework', `There is no framework '${frameworkKey}'`);
    }
    return { ...own, frameworkId: current.id, frameworkKey, frameworkVersion: current.version };
  }
}
