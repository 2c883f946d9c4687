import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import {
  type AssessmentAnswers,
  type AssessmentListScope,
  type AssessmentStatus,
  type AssessorChoice,
  type AssessorKind,
  type CorrectAssessmentRequest,
  type CreateAssessmentRequest,
  type RedeemTicketRequest,
  type ReturnAssessmentRequest,
  type SaveJudgementRequest,
  type UpdateAssessmentRequest,
  assessmentListScopes,
  assessmentStatuses,
  assessorKinds,
} from '@portfolio/contracts';

import { IdParams, PageQuery } from '../common/common.dto';
import { IsKey } from '../common/dto-decorators';

const answersSchema = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: true },
  description: 'Section id → field id → answer (text, a number, or a list of element keys)',
  example: { project: { title: 'Fewer missed doses on ward 7' }, problem: { text: 'Doses are missed at handover…' } },
} as const;

export class TemplateKeyParams {
  @ApiProperty({ example: 'service-improvement-business-plan' })
  @IsKey('key must be a template key such as service-improvement-business-plan')
  key!: string;
}

export class AssessmentAttachmentParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'evidenceId must be a UUID' })
  evidenceId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'attachmentId must be a UUID' })
  attachmentId!: string;
}

export class ExternalAttachmentParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'evidenceId must be a UUID' })
  evidenceId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'attachmentId must be a UUID' })
  attachmentId!: string;
}

export class AssessmentListQueryDto extends PageQuery {
  @ApiProperty({ enum: assessmentListScopes })
  @IsIn(assessmentListScopes, { message: `scope must be one of ${assessmentListScopes.join(', ')}` })
  scope!: AssessmentListScope;

  @ApiPropertyOptional({ enum: assessmentStatuses })
  @IsOptional()
  @IsIn(assessmentStatuses, { message: `status must be one of ${assessmentStatuses.join(', ')}` })
  status?: AssessmentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'With scope=trainee: whose assessments' })
  // Checked whenever it is given, whatever the scope: it reaches SQL as a uuid.
  @ValidateIf((query: AssessmentListQueryDto) => query.scope === 'trainee' || query.traineeId !== undefined)
  @IsUUID('all', { message: 'traineeId must be the id of a trainee (scope=trainee needs one)' })
  traineeId?: string;
}

export class AssessorSearchQuery {
  @ApiPropertyOptional({ description: 'Part of the assessor’s name', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

class EvidenceIdsDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Further evidence for the assessor to see' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each of evidenceIds must be a UUID' })
  evidenceIds?: string[];
}

export class CreateAssessmentDto extends EvidenceIdsDto implements CreateAssessmentRequest {
  @ApiProperty({ example: 'service-improvement-business-plan' })
  @IsKey('templateKey must be a template key such as service-improvement-business-plan')
  templateKey!: string;

  @ApiProperty(answersSchema)
  @IsObject({ message: 'answers must be an object of sections' })
  answers!: AssessmentAnswers;
}

export class UpdateAssessmentDto extends EvidenceIdsDto implements UpdateAssessmentRequest {
  @ApiProperty(answersSchema)
  @IsObject({ message: 'answers must be an object of sections' })
  answers!: AssessmentAnswers;

  @ApiProperty({ description: 'The version you last read; a stale one gets 409' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}

export class AssessorChoiceDto {
  @ApiProperty({ enum: assessorKinds })
  @IsIn(assessorKinds, { message: `kind must be one of ${assessorKinds.join(', ')}` })
  kind!: AssessorKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'For kind assessor: the registered assessor' })
  @ValidateIf((choice: AssessorChoiceDto) => choice.kind === 'assessor')
  @IsUUID('all', { message: 'userId must be the id of a registered assessor' })
  userId?: string;

  @ApiPropertyOptional({ description: 'For kind external: where the link is sent' })
  @ValidateIf((choice: AssessorChoiceDto) => choice.kind === 'external')
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ description: 'For kind external: the assessor’s name', maxLength: 200 })
  @ValidateIf((choice: AssessorChoiceDto) => choice.kind === 'external')
  @IsString()
  @IsNotEmpty({ message: 'name must be given for an assessor by email' })
  @MaxLength(200)
  name?: string;
}

/** The choice as the contract's union; the validators above ensure each kind has its fields. */
export function assessorChoiceOf(dto: AssessorChoiceDto): AssessorChoice {
  switch (dto.kind) {
    case 'supervisor':
      return { kind: 'supervisor' };
    case 'assessor':
      return { kind: 'assessor', userId: dto.userId ?? '' };
    case 'external':
      return { kind: 'external', email: dto.email ?? '', name: dto.name ?? '' };
  }
}

export class SendAssessmentDto {
  @ApiProperty({ type: AssessorChoiceDto })
  @ValidateNested()
  @Type(() => AssessorChoiceDto)
  assessor!: AssessorChoiceDto;

  @ApiProperty()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}

export class JudgementDto implements SaveJudgementRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Criterion id (or element:<key>) → rating level id',
    example: { resources: 'meets' },
  })
  @IsObject({ message: 'ratings must be an object of criterion → rating' })
  ratings!: Record<string, string>;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  overallJudgement!: string | null;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20_000)
  feedback!: string;

  @ApiProperty()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}

export class ReturnAssessmentDto extends JudgementDto implements ReturnAssessmentRequest {
  @ApiProperty({ description: 'What the trainee should change', maxLength: 20000 })
  @IsString()
  @IsNotEmpty({ message: 'comments must say what the trainee should change' })
  @MaxLength(20_000)
  comments!: string;
}

export class CorrectAssessmentDto implements CorrectAssessmentRequest {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty({ message: 'reason must say why the signed record is corrected' })
  @MaxLength(2000)
  reason!: string;
}

export class RedeemTicketDto implements RedeemTicketRequest {
  @ApiProperty({ description: 'The token from the link' })
  @IsString()
  @Length(20, 100, { message: 'token is not a link token' })
  token!: string;
}
