import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

import {
  type CreateAssignmentRequest,
  type CreateDeaneryRequest,
  type CreateProgrammeRequest,
  type CreateTrainingRecordRequest,
  type CreateUserRequest,
  type DeaneryView,
  PASSWORD_MAX_LENGTH,
  type ProgrammeView,
  type ResetAuthenticatorRequest,
  type Role,
  type SupervisorAssignmentView,
  type UpdateUserRequest,
  type UserPage,
  type UserView,
  roles,
} from '@portfolio/contracts';

import { PageQuery } from '../common/common.dto';
import { IsIsoDate, IsKey } from '../common/dto-decorators';

export class CreateDeaneryDto implements CreateDeaneryRequest {
  @ApiProperty({ example: 'NW' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,19}$/, { message: 'code must be 2 to 20 capital letters, digits or hyphens' })
  code!: string;

  @ApiProperty({ example: 'North West' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class DeaneryParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'deaneryId must be a UUID' })
  deaneryId!: string;
}

export class CreateProgrammeDto implements CreateProgrammeRequest {
  @ApiProperty({ example: 'Foundation Programme' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'mlcf' })
  @IsOptional()
  @IsKey('frameworkKey must be a framework key such as mlcf')
  frameworkKey?: string;
}

export class ProgrammeDto implements ProgrammeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deaneryId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() frameworkKey!: string;
}

export class DeaneryDto implements DeaneryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [ProgrammeDto] }) programmes!: ProgrammeDto[];
}

export class UserDto implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: roles, isArray: true }) roles!: Role[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) deaneryId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) gmcNumber!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) profession!: string | null;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ description: 'Whether the account signs in with an authenticator app' })
  authenticatorEnabled!: boolean;
  @ApiProperty() version!: number;
}

export class ResetAuthenticatorDto implements ResetAuthenticatorRequest {
  @ApiProperty({ description: 'Why, for the audit record: how the person was identified', maxLength: 2000 })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why, and how the person was identified' })
  @MaxLength(2000)
  reason!: string;
}

export class UserPageDto implements UserPage {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of a name or email address' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: roles })
  @IsOptional()
  @IsIn(roles)
  role?: Role;
}

class UserFields {
  @ApiPropertyOptional({ enum: roles, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(roles, { each: true, message: `each role must be one of ${roles.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'deaneryId must be a UUID' })
  deaneryId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1234567' })
  @IsOptional()
  @Matches(/^\d{7}$/, { message: 'gmcNumber must be the 7 digits of a GMC reference number' })
  gmcNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Service manager' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  profession?: string | null;

  @ApiPropertyOptional({ description: 'At least 12 characters, not a common password' })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class CreateUserDto extends UserFields implements CreateUserRequest {
  @ApiProperty({ example: 'a.khan@example.nhs.uk' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Dr Aisha Khan' })
  @IsString()
  @IsNotEmpty({ message: 'displayName must be given' })
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: roles, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(roles, { each: true, message: `each role must be one of ${roles.join(', ')}` })
  declare roles: Role[];
}

export class UpdateUserDto extends UserFields implements UpdateUserRequest {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class CreateAssignmentDto implements CreateAssignmentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'traineeId must be a UUID' }) traineeId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'supervisorId must be a UUID' }) supervisorId!: string;

  @ApiProperty({ format: 'date', example: '2026-08-05' })
  @IsIsoDate('startsOn')
  startsOn!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate('endsOn')
  endsOn?: string | null;
}

export class AssignmentDto implements SupervisorAssignmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ format: 'uuid' }) supervisorId!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
}

export class CreateTrainingRecordDto implements CreateTrainingRecordRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'traineeId must be a UUID' }) traineeId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'programmeId must be a UUID' }) programmeId!: string;

  @ApiProperty({ example: 'postgraduate' })
  @IsKey('stageKey must be a stage of the programme framework')
  stageKey!: string;

  @ApiProperty({ example: 'FY1' })
  @IsString()
  @Matches(/^[A-Za-z0-9 .-]{1,20}$/, { message: 'grade must be a grade such as FY1 or ST3' })
  grade!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate('startsOn')
  startsOn!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate('endsOn')
  endsOn?: string | null;
}

export class TraineeImportDto {
  @ApiProperty({
    description:
      'The CSV file as text, with the header line name,email,gmc_number,programme,stage,grade,supervisor_email',
  })
  @IsString()
  @IsNotEmpty({ message: 'csv must hold the file' })
  @MaxLength(5_000_000)
  csv!: string;
}
