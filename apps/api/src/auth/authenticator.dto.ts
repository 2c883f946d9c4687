import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import type {
  AuthenticatorConfirmation,
  AuthenticatorEnabled,
  AuthenticatorEnrolment,
  AuthenticatorStatus,
  RecoveryCodes,
  SecondFactorRequest,
  SecondStepRequired,
  SignInNextStep,
} from '@portfolio/contracts';

import { CurrentUserDto } from './auth.dto';

// Apps show the code as "123 456": the space is allowed.
const authenticatorCode = /^\s*[0-9]{3}\s?[0-9]{3}\s*$/;
const authenticatorCodeMessage = 'code must be the 6 digits your authenticator app shows';

export class SecondFactorDto implements SecondFactorRequest {
  @ApiPropertyOptional({ description: 'The 6-digit code the authenticator app shows', example: '123456' })
  @IsOptional()
  @IsString()
  @Matches(authenticatorCode, { message: authenticatorCodeMessage })
  code?: string;

  @ApiPropertyOptional({ description: 'One of the recovery codes, instead of a code', example: 'abcde-fghij-kmnpq' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class AuthenticatorConfirmationDto implements AuthenticatorConfirmation {
  @ApiProperty({ description: 'A code from the app just set up', example: '123456' })
  @IsString()
  @Matches(authenticatorCode, { message: authenticatorCodeMessage })
  code!: string;
}

export class SecondStepRequiredDto implements SecondStepRequired {
  @ApiProperty({ enum: ['authenticator-code', 'authenticator-enrolment'] }) nextStep!: SignInNextStep;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class AuthenticatorEnrolmentDto implements AuthenticatorEnrolment {
  @ApiProperty({ description: 'Base32, to type into an app that cannot scan the QR code' }) secret!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty({ example: 'otpauth://totp/...' }) otpauthUri!: string;
  @ApiProperty({ description: 'The QR code, an SVG image in a data: URI' }) qrCodeImage!: string;
}

export class RecoveryCodesDto implements RecoveryCodes {
  @ApiProperty({ type: [String], description: 'Shown once: only their hashes are kept' }) recoveryCodes!: string[];
}

export class AuthenticatorEnabledDto extends RecoveryCodesDto implements AuthenticatorEnabled {
  @ApiProperty({ type: CurrentUserDto }) user!: CurrentUserDto;
}

export class AuthenticatorStatusDto implements AuthenticatorStatus {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'The account’s roles need it, so it cannot be turned off' }) required!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) enabledAt!: string | null;
  @ApiProperty() recoveryCodesRemaining!: number;
}
