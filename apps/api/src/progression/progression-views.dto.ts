import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  type ArcpOutcomeCode,
  type CohortDomainCell,
  type CohortPage,
  type CohortRow,
  type ProgressionReportView,
  type ProgressionReviewView,
  type ReportBatchStatus,
  type ReportBatchView,
  type ReportVerification,
  arcpOutcomeCodes,
} from '@portfolio/contracts';

import { StatusTotalsDto } from '../evidence/evidence-views.dto';

// Response shapes for the OpenAPI document; `implements` keeps them in step with the contracts.

class AmendsDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reason!: string;
}

export class ProgressionReviewDto implements ProgressionReviewView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ example: '2026-27' }) period!: string;
  @ApiProperty({ example: '2027-06-10' }) reviewDate!: string;
  @ApiProperty({ type: [String] }) panelMembers!: string[];
  @ApiProperty({ type: [String] }) evidenceIds!: string[];
  @ApiProperty({ type: [String] }) assessmentIds!: string[];
  @ApiPropertyOptional({ enum: arcpOutcomeCodes, nullable: true }) outcomeCode!: ArcpOutcomeCode | null;
  @ApiProperty() reasons!: string;
  @ApiProperty() requiredActions!: string;
  @ApiProperty({ enum: ['draft', 'final'] }) status!: 'draft' | 'final';
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) finalisedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) finalisedBy!: string | null;
  @ApiPropertyOptional({ type: AmendsDto, nullable: true }) amends!: AmendsDto | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) amendedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

class CohortDomainDto implements CohortDomainCell {
  @ApiProperty() key!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() elements!: number;
  @ApiProperty({ type: StatusTotalsDto }) totals!: StatusTotalsDto;
}

class CohortOutcomeDto {
  @ApiProperty({ enum: arcpOutcomeCodes }) code!: ArcpOutcomeCode;
  @ApiProperty({ format: 'uuid' }) reviewId!: string;
  @ApiProperty() reviewDate!: string;
}

class CohortRowDto implements CohortRow {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gmcNumber!: string | null;
  @ApiProperty() programmeName!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty() grade!: string;
  @ApiProperty({ type: [CohortDomainDto] }) domains!: CohortDomainDto[];
  @ApiProperty() elementCount!: number;
  @ApiProperty() elementsSignedOff!: number;
  @ApiProperty() assessmentsSigned!: number;
  @ApiProperty() assessmentsPending!: number;
  @ApiPropertyOptional({ type: CohortOutcomeDto, nullable: true }) outcome!: CohortOutcomeDto | null;
}

class ProgrammeRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CohortPageDto implements CohortPage {
  @ApiProperty() period!: string;
  @ApiProperty({ type: [ProgrammeRefDto] }) programmes!: ProgrammeRefDto[];
  @ApiProperty({ type: [CohortRowDto] }) rows!: CohortRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { '1': 40, none: 3 } })
  outcomeCounts!: Record<string, number>;
}

export class ProgressionReportDto implements ProgressionReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() period!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) reviewId!: string | null;
  @ApiPropertyOptional({ enum: arcpOutcomeCodes, nullable: true }) outcomeCode!: ArcpOutcomeCode | null;
  @ApiProperty({ example: 'K7QH-3XPM-92TD' }) verificationCode!: string;
  @ApiProperty() contentSha256!: string;
  @ApiProperty() fileSha256!: string;
  @ApiProperty() pages!: number;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
}

class VerifiedReportDto {
  @ApiProperty() verificationCode!: string;
  @ApiProperty() traineeName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gmcNumber!: string | null;
  @ApiProperty() period!: string;
  @ApiPropertyOptional({ enum: arcpOutcomeCodes, nullable: true }) outcomeCode!: ArcpOutcomeCode | null;
  @ApiPropertyOptional({ nullable: true, type: String }) outcomeTitle!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewDate!: string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty() contentSha256!: string;
  @ApiProperty() fileSha256!: string;
}

export class ReportVerificationDto implements ReportVerification {
  @ApiProperty() genuine!: boolean;
  @ApiPropertyOptional({ type: VerifiedReportDto, nullable: true }) report!: VerifiedReportDto | null;
}

class BatchFailureDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty() error!: string;
}

export class ReportBatchDto implements ReportBatchView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ enum: ['queued', 'running', 'finished', 'failed'] }) status!: ReportBatchStatus;
  @ApiProperty() total!: number;
  @ApiProperty() done!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [BatchFailureDto] }) failures!: BatchFailureDto[];
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) estimatedSecondsLeft!: number | null;
  @ApiProperty() downloadReady!: boolean;
}
