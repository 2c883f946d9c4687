import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

import {
  type ChangePasswordRequest,
  type CurrentUser,
  type LoginRequest,
  PASSWORD_MAX_LENGTH,
  type Permission,
  type Role,
  permissions,
  roles,
} from '@portfolio/contracts';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'trainee@demo.test' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'demo-portfolio-2026' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword must be given' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ description: 'At least 12 characters, not a common password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

export class CurrentUserDto implements CurrentUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: roles, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: permissions, isArray: true }) permissions!: Permission[];
}
