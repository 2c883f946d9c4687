import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  type AssessmentActions,
  type AssessmentAnswers,
  type AssessmentCriterionView,
  type AssessmentFieldType,
  type AssessmentFieldView,
  type AssessmentOption,
  type AssessmentPage,
  type AssessmentRoundView,
  type AssessmentSectionView,
  type AssessmentSignatureView,
  type AssessmentStatus,
  type AssessmentSummary,
  type AssessmentTemplateSummary,
  type AssessmentTemplateView,
  type AssessmentTicketView,
  type AssessmentView,
  type AssessorJudgement,
  type AssessorKind,
  type AssessorOption,
  type AssessorView,
  type EvidenceType,
  type ExternalAssessmentSession,
  assessmentFieldTypes,
  assessmentStatuses,
  assessorKinds,
  evidenceTypes,
} from '@portfolio/contracts';

import { EvidenceViewDto } from '../evidence/evidence-views.dto';

// Response shapes for the OpenAPI document; `implements` keeps them in step with the contracts.

const freeObject = { type: 'object', additionalProperties: true } as const;

class OptionDto implements AssessmentOption {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional() description?: string;
}

class FieldDto implements AssessmentFieldView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: assessmentFieldTypes }) type!: AssessmentFieldType;
  @ApiProperty() label!: string;
  @ApiPropertyOptional() help?: string;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional() maxLength?: number;
  @ApiPropertyOptional({ type: [OptionDto] }) options?: OptionDto[];
}

class SectionDto implements AssessmentSectionView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional() help?: string;
  @ApiProperty({ type: [FieldDto] }) fields!: FieldDto[];
}

class CriterionDto implements AssessmentCriterionView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() section?: string;
  @ApiProperty({ type: [String], example: ['3.2'] }) elementKeys!: string[];
}

class OverallJudgementDto {
  @ApiProperty() label!: string;
  @ApiProperty({ type: [OptionDto] }) options!: OptionDto[];
}

class FeedbackDto {
  @ApiProperty() label!: string;
  @ApiPropertyOptional() help?: string;
  @ApiProperty() required!: boolean;
}

export class AssessmentTemplateSummaryDto implements AssessmentTemplateSummary {
  @ApiProperty() key!: string;
  @ApiProperty() version!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: assessorKinds, isArray: true }) assessorKinds!: AssessorKind[];
}

export class AssessmentTemplateDto extends AssessmentTemplateSummaryDto implements AssessmentTemplateView {
  @ApiProperty() frameworkKey!: string;
  @ApiPropertyOptional({ enum: evidenceTypes, nullable: true }) evidenceType!: EvidenceType | null;
  @ApiProperty({ type: [SectionDto] }) sections!: SectionDto[];
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty() rateLinkedElements!: boolean;
  @ApiProperty({ type: [OptionDto] }) ratingScale!: OptionDto[];
  @ApiProperty({ type: OverallJudgementDto }) overallJudgement!: OverallJudgementDto;
  @ApiProperty({ type: FeedbackDto }) feedback!: FeedbackDto;
}

class JudgementViewDto implements AssessorJudgement {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) ratings!: Record<string, string>;
  @ApiPropertyOptional({ nullable: true, type: String }) overallJudgement!: string | null;
  @ApiProperty() feedback!: string;
}

class AssessorViewDto implements AssessorView {
  @ApiProperty({ enum: assessorKinds }) kind!: AssessorKind;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
}

class RoundDto implements AssessmentRoundView {
  @ApiProperty() number!: number;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty(freeObject) answers!: AssessmentAnswers;
  @ApiPropertyOptional({ enum: ['returned', 'signed-off', 'withdrawn'], nullable: true })
  decision!: AssessmentRoundView['decision'];
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty() comments!: string;
  @ApiPropertyOptional({ type: JudgementViewDto, nullable: true }) judgement!: JudgementViewDto | null;
}

class TicketDto implements AssessmentTicketView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) usedAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
}

class SignatureDto implements AssessmentSignatureView {
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty() signedBy!: string;
  @ApiProperty({ enum: assessorKinds }) signerKind!: AssessorKind;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of what was signed' }) contentSha256!: string;
}

class TraineeRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gmcNumber!: string | null;
}

class AmendsDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reason!: string;
}

class ActionsDto implements AssessmentActions {
  @ApiProperty() edit!: boolean;
  @ApiProperty() send!: boolean;
  @ApiProperty() assess!: boolean;
  @ApiProperty() revokeTicket!: boolean;
  @ApiProperty() correct!: boolean;
}

export class AssessmentViewDto implements AssessmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: TraineeRefDto }) trainee!: TraineeRefDto;
  @ApiProperty({ type: AssessmentTemplateDto }) template!: AssessmentTemplateDto;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: assessmentStatuses }) status!: AssessmentStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) stageKey!: string | null;
  @ApiProperty(freeObject) answers!: AssessmentAnswers;
  @ApiPropertyOptional({ type: EvidenceViewDto, nullable: true }) work!: EvidenceViewDto | null;
  @ApiProperty({ type: [EvidenceViewDto] }) evidence!: EvidenceViewDto[];
  @ApiPropertyOptional({ type: AssessorViewDto, nullable: true }) assessor!: AssessorViewDto | null;
  @ApiPropertyOptional({ type: JudgementViewDto, nullable: true }) judgement!: JudgementViewDto | null;
  @ApiProperty({ type: [RoundDto] }) rounds!: RoundDto[];
  @ApiPropertyOptional({ type: TicketDto, nullable: true }) ticket!: TicketDto | null;
  @ApiPropertyOptional({ type: SignatureDto, nullable: true }) signature!: SignatureDto | null;
  @ApiPropertyOptional({ type: AmendsDto, nullable: true }) amends!: AmendsDto | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) amendedBy!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) requestedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: ActionsDto }) actions!: ActionsDto;
}

class AssessmentSummaryDto implements AssessmentSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty() templateKey!: string;
  @ApiProperty() templateTitle!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: assessmentStatuses }) status!: AssessmentStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) assessorName!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) requestedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) amendedBy!: string | null;
}

export class AssessmentPageDto implements AssessmentPage {
  @ApiProperty({ type: [AssessmentSummaryDto] }) items!: AssessmentSummaryDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class AssessorOptionDto implements AssessorOption {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() description!: string;
}

export class ExternalAssessmentSessionDto implements ExternalAssessmentSession {
  @ApiProperty({ type: AssessmentViewDto }) assessment!: AssessmentViewDto;
  @ApiProperty({ description: 'Send in the X-XSRF-TOKEN header on every write' }) csrfToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
