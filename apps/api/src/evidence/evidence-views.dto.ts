import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  type AttachmentView,
  type DomainProgressView,
  type ElementProgressView,
  type EvidenceAddendumView,
  type EvidenceLinkView,
  type EvidencePage,
  type EvidenceStatus,
  type EvidenceSummary,
  type EvidenceType,
  type EvidenceView,
  type EvidenceVisibility,
  type PatientIdentifierWarning,
  type ProgressView,
  type StatusTotalsView,
  evidenceStatuses,
  evidenceTypes,
  evidenceVisibilities,
} from '@portfolio/contracts';

// Response shapes for the OpenAPI document; `implements` keeps them in step with the contracts.

class EvidenceLinkViewDto implements EvidenceLinkView {
  @ApiProperty() frameworkKey!: string;
  @ApiProperty() frameworkVersion!: string;
  @ApiProperty() elementKey!: string;
  @ApiProperty() elementCode!: string;
  @ApiProperty() elementTitle!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty() note!: string;
}

class AddendumViewDto implements EvidenceAddendumView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() body!: string;
  @ApiProperty() bodyHtml!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class PatientIdentifierWarningDto implements PatientIdentifierWarning {
  @ApiProperty({ enum: ['nhs-number', 'date-of-birth', 'hospital-number'] }) kind!: PatientIdentifierWarning['kind'];
  @ApiProperty({ enum: ['title', 'body'] }) field!: 'title' | 'body';
  @ApiProperty() text!: string;
}

export class AttachmentViewDto implements AttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class EvidenceViewDto implements EvidenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ enum: evidenceTypes }) type!: EvidenceType;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ description: 'Markdown as written' }) body!: string;
  @ApiProperty({ description: 'Rendered and sanitised HTML' }) bodyHtml!: string;
  @ApiProperty({ enum: evidenceVisibilities }) visibility!: EvidenceVisibility;
  @ApiProperty({ enum: evidenceStatuses }) status!: EvidenceStatus;
  @ApiProperty({ type: [EvidenceLinkViewDto] }) links!: EvidenceLinkViewDto[];
  @ApiProperty({ type: [AddendumViewDto] }) addenda!: AddendumViewDto[];
  @ApiProperty({ type: [AttachmentViewDto] }) attachments!: AttachmentViewDto[];
  @ApiProperty({ type: [PatientIdentifierWarningDto] }) patientIdentifierWarnings!: PatientIdentifierWarningDto[];
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class EvidenceSummaryDto implements EvidenceSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: evidenceTypes }) type!: EvidenceType;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ enum: evidenceVisibilities }) visibility!: EvidenceVisibility;
  @ApiProperty({ enum: evidenceStatuses }) status!: EvidenceStatus;
  @ApiProperty({ type: [String] }) elementCodes!: string[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class EvidencePageDto implements EvidencePage {
  @ApiProperty({ type: [EvidenceSummaryDto] }) items!: EvidenceSummaryDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class StatusTotalsDto implements StatusTotalsView {
  @ApiProperty({ name: 'not-started' }) 'not-started'!: number;
  @ApiProperty() evidenced!: number;
  @ApiProperty() assessed!: number;
  @ApiProperty({ name: 'signed-off' }) 'signed-off'!: number;
}

class ElementProgressDto implements ElementProgressView {
  @ApiProperty() key!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) domainKey!: string | null;
  @ApiProperty() evidenceCount!: number;
  @ApiProperty() assessmentCount!: number;
  @ApiProperty() signedOff!: boolean;
  @ApiProperty({ enum: ['not-started', 'evidenced', 'assessed', 'signed-off'] }) status!: ElementProgressView['status'];
}

class DomainProgressDto implements DomainProgressView {
  @ApiProperty() key!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() elements!: number;
  @ApiProperty({ type: StatusTotalsDto }) totals!: StatusTotalsDto;
}

class StageChoiceDto {
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
}

export class ProgressViewDto implements ProgressView {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() frameworkKey!: string;
  @ApiProperty() frameworkVersion!: string;
  @ApiProperty() frameworkTitle!: string;
  @ApiProperty({ type: [StageChoiceDto], description: 'The framework’s stages in order' }) stages!: StageChoiceDto[];
  @ApiProperty() stage!: string;
  @ApiProperty({ type: [ElementProgressDto] }) elements!: ElementProgressDto[];
  @ApiProperty({ type: [DomainProgressDto] }) domains!: DomainProgressDto[];
  @ApiProperty({ type: StatusTotalsDto }) totals!: StatusTotalsDto;
  @ApiProperty({ type: [String], description: 'Elements with no evidence yet' }) gaps!: string[];
}
