import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import {
  type ArcpOutcomeCode,
  type CohortQuery,
  type CohortSort,
  type CorrectProgressionReviewRequest,
  type CreateProgressionReviewRequest,
  type StartReportBatchRequest,
  type UpdateProgressionReviewRequest,
  arcpOutcomeCodes,
  cohortSorts,
} from '@portfolio/contracts';

import { IsIsoDate, IsKey } from '../common/dto-decorators';

const periodRule = Matches(/^\d{4}-\d{2}$/, { message: 'period must be a training year such as 2026-27' });

class CohortFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional({ example: 'postgraduate' })
  @IsOptional()
  @IsKey('stageKey must be a stage such as postgraduate')
  stageKey?: string;

  @ApiPropertyOptional({ example: 'FY2', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  grade?: string;
}

export class CohortQueryDto extends CohortFilterDto implements CohortQuery {
  @ApiPropertyOptional({ example: '2026-27', description: 'Defaults to the current training year' })
  @IsOptional()
  @periodRule
  period?: string;

  @ApiPropertyOptional({ enum: cohortSorts, default: 'name' })
  @IsOptional()
  @IsIn(cohortSorts, { message: `sort must be one of ${cohortSorts.join(', ')}` })
  sort?: CohortSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'direction must be asc or desc' })
  direction?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ReviewInputDto implements CreateProgressionReviewRequest {
  @ApiProperty({ example: '2026-27' })
  @periodRule
  period!: string;

  @ApiProperty({ example: '2027-06-10' })
  @IsIsoDate('reviewDate')
  reviewDate!: string;

  @ApiProperty({ type: [String], example: ['Dr A Chair', 'Ms B Lay member'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  panelMembers!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each of evidenceIds must be a UUID' })
  evidenceIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each of assessmentIds must be a UUID' })
  assessmentIds!: string[];

  @ApiPropertyOptional({ enum: arcpOutcomeCodes, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsIn(arcpOutcomeCodes, { message: `outcomeCode must be one of ${arcpOutcomeCodes.join(', ')}` })
  outcomeCode!: ArcpOutcomeCode | null;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20_000)
  reasons!: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20_000)
  requiredActions!: string;
}

export class UpdateReviewDto extends ReviewInputDto implements UpdateProgressionReviewRequest {
  @ApiProperty()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}

export class FinaliseReviewDto {
  @ApiProperty()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}

export class CorrectReviewDto implements CorrectProgressionReviewRequest {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty({ message: 'reason must say why the final review is corrected' })
  @MaxLength(2000)
  reason!: string;
}

export class IssueReportDto {
  @ApiProperty({ example: '2026-27' })
  @periodRule
  period!: string;
}

export class VerificationCodeParams {
  @ApiProperty({ example: 'K7QH-3XPM-92TD' })
  @IsString()
  @Length(4, 40)
  @Matches(/^[0-9A-Za-z-]+$/, { message: 'code must be letters, digits and hyphens' })
  code!: string;
}

export class StartReportBatchDto extends CohortFilterDto implements StartReportBatchRequest {
  @ApiProperty({ example: '2026-27' })
  @periodRule
  period!: string;
}
