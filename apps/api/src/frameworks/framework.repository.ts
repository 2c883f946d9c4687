import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { FrameworkStatus } from '@portfolio/contracts';

import {
  FrameworkDomainEntity,
  FrameworkElementEntity,
  FrameworkEntity,
  FrameworkLevelDescriptorEntity,
  FrameworkOutcomeEntity,
  FrameworkRatingLevelEntity,
  FrameworkStageEntity,
} from './framework.entities';

export interface StoredVersion {
  id: string;
  key: string;
  version: string;
  title: string;
  status: FrameworkStatus;
  stages: number;
  domains: number;
  elements: number;
}

/** Every row of one framework version, ordered as in its file. */
export interface StoredFramework {
  framework: FrameworkEntity;
  stages: FrameworkStageEntity[];
  ratingLevels: FrameworkRatingLevelEntity[];
  domains: FrameworkDomainEntity[];
  elements: FrameworkElementEntity[];
  outcomes: FrameworkOutcomeEntity[];
  levelDescriptors: FrameworkLevelDescriptorEntity[];
}

@Injectable()
export class FrameworkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every stored version with its counts, in one query. */
  async listVersions(key?: string): Promise<StoredVersion[]> {
    const rows: (Omit<StoredVersion, 'stages' | 'domains' | 'elements'> &
      Record<'stages' | 'domains' | 'elements', string>)[] = await this.dataSource.query(
      `SELECT f.id, f.key, f.version, f.title, f.status,
                (SELECT count(*) FROM framework_stage s WHERE s.framework_id = f.id) AS stages,
                (SELECT count(*) FROM framework_domain d WHERE d.framework_id = f.id) AS domains,
                (SELECT count(*) FROM framework_element e WHERE e.framework_id = f.id) AS elements
           FROM framework f
          WHERE $1::text IS NULL OR f.key = $1
          ORDER BY f.key, f.imported_at`,
      [key ?? null],
    );
    return rows.map((row) => ({
      ...row,
      stages: Number(row.stages),
      domains: Number(row.domains),
      elements: Number(row.elements),
    }));
  }

  async loadFramework(frameworkId: string): Promise<StoredFramework | null> {
    const manager = this.dataSource.manager;
    const framework = await manager.findOne(FrameworkEntity, { where: { id: frameworkId } });
    if (!framework) {
      return null;
    }
    const bySequence = { sequence: 'ASC' } as const;
    const [stages, ratingLevels, domains, elements, outcomes, levelDescriptors] = await Promise.all([
      manager.find(FrameworkStageEntity, { where: { frameworkId }, order: bySequence }),
      manager.find(FrameworkRatingLevelEntity, { where: { frameworkId }, order: bySequence }),
      manager.find(FrameworkDomainEntity, { where: { frameworkId }, order: bySequence }),
      manager.find(FrameworkElementEntity, { where: { frameworkId }, order: bySequence }),
      manager
        .createQueryBuilder(FrameworkOutcomeEntity, 'outcome')
        .innerJoin(FrameworkElementEntity, 'element', 'element.id = outcome.element_id')
        .where('element.framework_id = :frameworkId', { frameworkId })
        .orderBy('outcome.sequence', 'ASC')
        .getMany(),
      manager
        .createQueryBuilder(FrameworkLevelDescriptorEntity, 'descriptor')
        .innerJoin(FrameworkElementEntity, 'element', 'element.id = descriptor.element_id')
        .where('element.framework_id = :frameworkId', { frameworkId })
        .getMany(),
    ]);
    return { framework, stages, ratingLevels, domains, elements, outcomes, levelDescriptors };
  }
}
