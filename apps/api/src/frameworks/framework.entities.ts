import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { FrameworkStatus } from '@portfolio/contracts';

/** One version of a framework. The file it came from is kept as `document`. */
@Entity({ name: 'framework' })
export class FrameworkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  edition!: string | null;

  @Column({ type: 'text', nullable: true })
  publisher!: string | null;

  @Column({ type: 'text' })
  status!: FrameworkStatus;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  document!: unknown;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}

@Entity({ name: 'framework_stage' })
export class FrameworkStageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'integer' })
  sequence!: number;
}

@Entity({ name: 'framework_rating_level' })
export class FrameworkRatingLevelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'integer' })
  sequence!: number;
}

@Entity({ name: 'framework_domain' })
export class FrameworkDomainEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'integer' })
  sequence!: number;
}

@Entity({ name: 'framework_element' })
export class FrameworkElementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId!: string;

  @Column({ name: 'domain_id', type: 'uuid', nullable: true })
  domainId!: string | null;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'integer' })
  sequence!: number;
}

@Entity({ name: 'framework_outcome' })
export class FrameworkOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'element_id', type: 'uuid' })
  elementId!: string;

  @Column({ name: 'stage_id', type: 'uuid' })
  stageId!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  statement!: string;
}

@Entity({ name: 'framework_level_descriptor' })
export class FrameworkLevelDescriptorEntity {
  @PrimaryColumn({ name: 'element_id', type: 'uuid' })
  elementId!: string;

  @PrimaryColumn({ name: 'rating_level_id', type: 'uuid' })
  ratingLevelId!: string;

  @Column({ type: 'text' })
  descriptor!: string;
}

export const frameworkEntities = [
  FrameworkEntity,
  FrameworkStageEntity,
  FrameworkRatingLevelEntity,
  FrameworkDomainEntity,
  FrameworkElementEntity,
  FrameworkOutcomeEntity,
  FrameworkLevelDescriptorEntity,
];
