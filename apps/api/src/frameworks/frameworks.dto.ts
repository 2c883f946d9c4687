import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';

import type {
  DomainView,
  ElementView,
  FrameworkCounts,
  FrameworkSummary,
  FrameworkTree,
  LevelDescriptorView,
  RatingLevelView,
  StageOutcomesView,
  StageView,
} from '@portfolio/contracts';

import { keyPattern } from '../common/dto-decorators';

const versionPattern = /^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/;

export class FrameworkKeyParams {
  @ApiProperty({ example: 'mlcf', pattern: keyPattern.source })
  @Matches(keyPattern, { message: 'key must be lower-case letters, digits, dots and hyphens (at most 64)' })
  key!: string;
}

export class FrameworkVersionParams extends FrameworkKeyParams {
  @ApiProperty({ example: '2010', pattern: versionPattern.source })
  @Matches(versionPattern, { message: 'version must be letters, digits, dots and hyphens (at most 32)' })
  version!: string;
}

// Response shapes for the OpenAPI document; `implements` keeps them in step with the contracts.

class FrameworkCountsDto implements FrameworkCounts {
  @ApiProperty() stages!: number;
  @ApiProperty() domains!: number;
  @ApiProperty() elements!: number;
}

export class FrameworkSummaryDto implements FrameworkSummary {
  @ApiProperty({ example: 'mlcf' }) key!: string;
  @ApiProperty({ example: '2010' }) version!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: 'draft' | 'published';
  @ApiProperty({ type: FrameworkCountsDto }) counts!: FrameworkCountsDto;
  @ApiProperty({ type: [String] }) versions!: string[];
}

class StageDto implements StageView {
  @ApiProperty({ example: 'postgraduate' }) key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() sequence!: number;
}

class RatingLevelDto implements RatingLevelView {
  @ApiProperty({ example: 'proficient' }) key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() sequence!: number;
}

class StageOutcomesDto implements StageOutcomesView {
  @ApiProperty({ example: 'postgraduate' }) stage!: string;
  @ApiProperty({ type: [String] }) statements!: string[];
}

class LevelDescriptorDto implements LevelDescriptorView {
  @ApiProperty() level!: string;
  @ApiProperty() descriptor!: string;
}

class ElementDto implements ElementView {
  @ApiProperty({ example: '4.2' }) key!: string;
  @ApiProperty({ example: '4.2' }) code!: string;
  @ApiProperty({ example: 'Critically Evaluating' }) title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() sequence!: number;
  @ApiProperty({ type: [StageOutcomesDto] }) outcomes!: StageOutcomesDto[];
  @ApiProperty({ type: [LevelDescriptorDto] }) levelDescriptors!: LevelDescriptorDto[];
}

class DomainDto implements DomainView {
  @ApiProperty({ example: '4' }) key!: string;
  @ApiProperty({ example: '4' }) code!: string;
  @ApiProperty({ example: 'Improving Services' }) title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() sequence!: number;
  @ApiProperty({ type: [ElementDto] }) elements!: ElementDto[];
}

export class FrameworkTreeDto implements FrameworkTree {
  @ApiProperty({ example: 'mlcf' }) key!: string;
  @ApiProperty({ example: '2010' }) version!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) edition!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) publisher!: string | null;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: 'draft' | 'published';
  @ApiProperty({ type: [String] }) versions!: string[];
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
  @ApiProperty({ type: [RatingLevelDto] }) ratingScale!: RatingLevelDto[];
  @ApiProperty({ type: [DomainDto] }) domains!: DomainDto[];
  @ApiProperty({ type: [ElementDto] }) ungroupedElements!: ElementDto[];
}
