import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import type {
  CrosswalkEvidenceSourceView,
  CrosswalkEvidenceView,
  ElementProgressView,
  ProgressView,
} from '@portfolio/contracts';

import { IsKey } from '../common/dto-decorators';
import { ProgressViewDto } from '../evidence/evidence-views.dto';
import { ProgressQuery } from '../evidence/evidence.dto';

export class ProgressViewQuery extends ProgressQuery {
  @ApiPropertyOptional({
    example: 'healthcare-leadership-model',
    description: "View progress against this framework (its current version) instead of the trainee's own",
  })
  @IsOptional()
  @IsKey('framework must be a framework key such as healthcare-leadership-model')
  framework?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Add, per element, the evidence that counts through a crosswalk, kept apart from its own counts',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includeCrosswalks must be true or false' })
  includeCrosswalks?: 'true' | 'false';
}

class CrosswalkEvidenceSourceDto implements CrosswalkEvidenceSourceView {
  @ApiProperty({ example: 'mlcf' }) frameworkKey!: string;
  @ApiProperty({ example: '2010' }) frameworkVersion!: string;
  @ApiProperty({ example: '4.2' }) elementKey!: string;
  @ApiProperty({ example: '4.2' }) elementCode!: string;
  @ApiProperty({ example: 'Critically Evaluating' }) elementTitle!: string;
  @ApiProperty({ enum: ['exactMatchOf', 'isRelatedTo'] }) relation!: CrosswalkEvidenceSourceView['relation'];
  @ApiProperty() evidenceCount!: number;
}

class CrosswalkEvidenceDto implements CrosswalkEvidenceView {
  @ApiProperty({ description: 'Distinct items, leaving out those linked to the element directly' })
  evidenceCount!: number;
  @ApiProperty({ type: [CrosswalkEvidenceSourceDto] }) sources!: CrosswalkEvidenceSourceDto[];
}

class ElementProgressWithCrosswalkDto implements ElementProgressView {
  @ApiProperty() key!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) domainKey!: string | null;
  @ApiProperty() evidenceCount!: number;
  @ApiProperty() assessmentCount!: number;
  @ApiProperty() signedOff!: boolean;
  @ApiProperty({ enum: ['not-started', 'evidenced', 'assessed', 'signed-off'] }) status!: ElementProgressView['status'];
  @ApiPropertyOptional({ type: CrosswalkEvidenceDto, description: 'Only with includeCrosswalks=true' })
  crosswalk?: CrosswalkEvidenceDto;
}

class AppliedCrosswalkDto {
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The other framework the crosswalk maps' }) frameworkKey!: string;
  @ApiProperty() frameworkVersion!: string;
  @ApiProperty() frameworkTitle!: string;
}

export class ProgressWithCrosswalksDto extends ProgressViewDto implements ProgressView {
  @ApiProperty({ type: [ElementProgressWithCrosswalkDto] }) declare elements: ElementProgressWithCrosswalkDto[];
  @ApiPropertyOptional({ type: [AppliedCrosswalkDto], description: 'Only with includeCrosswalks=true' })
  crosswalks?: AppliedCrosswalkDto[];
}
