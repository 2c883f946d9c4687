import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import type { ElementSignOffView, SignOffElementRequest, WithdrawSignOffRequest } from '@portfolio/contracts';

import { IdParams } from '../common/common.dto';
import { IsKey } from '../common/dto-decorators';

export class SignOffElementDto implements SignOffElementRequest {
  @ApiProperty({ example: '3.2' })
  @IsKey('elementKey must be an element such as 3.2')
  elementKey!: string;

  @ApiPropertyOptional({ example: 'postgraduate', description: "Defaults to the trainee's current stage" })
  @IsOptional()
  @IsKey('stageKey must be a stage such as postgraduate')
  stageKey?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Evidence items the judgement rests on' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of evidenceIds must be a UUID' })
  evidenceIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Signed assessments the judgement rests on; with evidenceIds, at least one in all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of assessmentIds must be a UUID' })
  assessmentIds?: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class WithdrawSignOffDto implements WithdrawSignOffRequest {
  @ApiProperty({ maxLength: 2000, description: 'Why the sign-off is withdrawn' })
  @IsString()
  @IsNotEmpty({ message: 'reason must say why the sign-off is withdrawn' })
  @MaxLength(2000)
  reason!: string;
}

export class SignOffParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'signOffId must be a UUID' })
  signOffId!: string;
}

class RecorderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class ElementSignOffDto implements ElementSignOffView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() elementKey!: string;
  @ApiProperty() elementCode!: string;
  @ApiProperty() elementTitle!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty({ enum: ['sign-off', 'withdrawal'] }) kind!: 'sign-off' | 'withdrawal';
  @ApiProperty({ type: RecorderDto }) recordedBy!: RecorderDto;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: [String] }) evidenceIds!: string[];
  @ApiProperty({ type: [String] }) assessmentIds!: string[];
  @ApiProperty() note!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) supersedes!: string | null;
}
