import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  type CreateEvidenceRequest,
  type EvidenceLinkInput,
  type EvidenceQuery,
  type EvidenceSort,
  type EvidenceStatus,
  type EvidenceType,
  type EvidenceVisibility,
  type UpdateEvidenceRequest,
  evidenceSorts,
  evidenceStatuses,
  evidenceTypes,
  evidenceVisibilities,
} from '@portfolio/contracts';

import { IdParams, PageQuery } from '../common/common.dto';
import { IsIsoDate, IsKey } from '../common/dto-decorators';

export class EvidenceLinkDto implements EvidenceLinkInput {
  @ApiProperty({ example: '4.2' })
  @IsKey('elementKey must be an element such as 4.2')
  elementKey!: string;

  @ApiPropertyOptional({ example: 'postgraduate', description: "Defaults to the trainee's current stage" })
  @IsOptional()
  @IsKey('stageKey must be a stage such as postgraduate')
  stageKey?: string;

  @ApiPropertyOptional({ description: 'Why this evidence shows the element', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

class EvidenceFieldsDto {
  @ApiPropertyOptional({ description: 'Markdown', maxLength: 100000 })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  body?: string;

  @ApiPropertyOptional({ enum: evidenceVisibilities })
  @IsOptional()
  @IsIn(evidenceVisibilities, { message: `visibility must be one of ${evidenceVisibilities.join(', ')}` })
  visibility?: EvidenceVisibility;

  @ApiPropertyOptional({ type: [EvidenceLinkDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLinkDto)
  links?: EvidenceLinkDto[];
}

export class CreateEvidenceDto extends EvidenceFieldsDto implements CreateEvidenceRequest {
  @ApiProperty({ enum: evidenceTypes })
  @IsIn(evidenceTypes, { message: `type must be one of ${evidenceTypes.join(', ')}` })
  type!: EvidenceType;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty({ message: 'title must be given' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @IsIsoDate('occurredOn')
  occurredOn!: string;
}

export class UpdateEvidenceDto extends EvidenceFieldsDto implements UpdateEvidenceRequest {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with both versions' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: evidenceTypes })
  @IsOptional()
  @IsIn(evidenceTypes, { message: `type must be one of ${evidenceTypes.join(', ')}` })
  type?: EvidenceType;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate('occurredOn')
  occurredOn?: string;

  @ApiPropertyOptional({ enum: ['submitted'] })
  @IsOptional()
  @IsIn(['submitted'], { message: "status can only be set to 'submitted'" })
  status?: 'submitted';

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  acknowledgePatientIdentifiers?: boolean;
}

export class AddendumDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @IsNotEmpty({ message: 'body must be given' })
  @MaxLength(20_000)
  body!: string;
}

export class EvidenceListQuery extends PageQuery implements EvidenceQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'traineeId must be a UUID' })
  traineeId?: string;
  @ApiPropertyOptional({ description: 'Words to find in titles and bodies' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: evidenceTypes }) @IsOptional() @IsIn(evidenceTypes) type?: EvidenceType;
  @ApiPropertyOptional({ example: '4.2' })
  @IsOptional()
  @IsKey('elementKey must be an element such as 4.2')
  elementKey?: string;
  @ApiPropertyOptional({ example: 'postgraduate' })
  @IsOptional()
  @IsKey('stageKey must be a stage')
  stageKey?: string;
  @ApiPropertyOptional({ enum: evidenceStatuses }) @IsOptional() @IsIn(evidenceStatuses) status?: EvidenceStatus;
  @ApiPropertyOptional({ enum: evidenceVisibilities })
  @IsOptional()
  @IsIn(evidenceVisibilities)
  visibility?: EvidenceVisibility;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate('to')
  to?: string;

  @ApiPropertyOptional({ enum: evidenceSorts, default: 'occurred-desc' })
  @IsOptional()
  @IsIn(evidenceSorts, { message: `sort must be one of ${evidenceSorts.join(', ')}` })
  sort?: EvidenceSort;
}

export class ProgressQuery {
  @ApiPropertyOptional({ example: 'postgraduate', description: "Defaults to the trainee's current stage" })
  @IsOptional()
  @IsKey('stage must be a stage such as postgraduate')
  stage?: string;
}

export class AttachmentParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'attachmentId must be a UUID' })
  attachmentId!: string;
}
