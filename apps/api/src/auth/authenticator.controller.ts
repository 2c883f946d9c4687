import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type {
  AuthenticatorEnabled,
  AuthenticatorEnrolment,
  AuthenticatorStatus,
  RecoveryCodes,
} from '@portfolio/contracts';

import { ApiErrorDto } from '../common/api-error.dto';
import {
  type AccountInSignIn,
  AllowSignInStep,
  RequirePermission,
  SigningInAccount,
  clientOf,
} from './access.decorators';
import { AuthService } from './auth.service';
import {
  AuthenticatorConfirmationDto,
  AuthenticatorEnabledDto,
  AuthenticatorEnrolmentDto,
  AuthenticatorStatusDto,
  RecoveryCodesDto,
  SecondFactorDto,
} from './authenticator.dto';
import { AuthenticatorService } from './authenticator.service';
import { clearSignInStepCookie, setSessionCookies } from './session-cookies';

/**
 * The signed-in user's authenticator app and recovery codes. Setting one up is open also to a
 * sign-in whose role requires one and that has none yet: it is all that such a sign-in can reach.
 */
@ApiTags('auth')
@Controller('auth/mfa')
export class AuthenticatorController {
  constructor(
    private readonly authenticators: AuthenticatorService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @RequirePermission('account:mfa')
  @ApiOkResponse({ type: AuthenticatorStatusDto })
  status(@SigningInAccount() account: AccountInSignIn): Promise<AuthenticatorStatus> {
    return this.authenticators.status(account);
  }

  @Post('enrolment')
  @RequirePermission('account:mfa')
  @AllowSignInStep('authenticator-enrolment')
  @ApiCreatedResponse({ type: AuthenticatorEnrolmentDto, description: 'A new secret, pending until confirmed' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'Replacing an app in use needs a code from it' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto })
  startEnrolment(
    @SigningInAccount() account: AccountInSignIn,
    @Body() body: SecondFactorDto,
    @Req() request: FastifyRequest,
  ): Promise<AuthenticatorEnrolment> {
    return this.authenticators.startEnrolment(account, body, clientOf(request));
  }

  @Post('enrolment/confirmation')
  @RequirePermission('account:mfa')
  @AllowSignInStep('authenticator-enrolment')
  @HttpCode(200)
  @ApiOkResponse({
    type: AuthenticatorEnabledDto,
    description: 'Set up; the recovery codes are shown this once. A sign-in waiting for this is now signed in.',
  })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Nothing is being set up' })
  async confirmEnrolment(
    @SigningInAccount() account: AccountInSignIn,
    @Body() body: AuthenticatorConfirmationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AuthenticatorEnabled> {
    const client = clientOf(request);
    const recoveryCodes = await this.authenticators.confirmEnrolment(account, body.code, client);
    if (!account.pendingSignIn) {
      return { recoveryCodes, user: await this.auth.currentUserById(account.userId) };
    }
    const { session, user } = await this.auth.completeSignIn(account.pendingSignIn, 'authenticator-enrolment', client);
    clearSignInStepCookie(request, response);
    setSessionCookies(request, response, session);
    return { recoveryCodes, user };
  }

  @Post('recovery-codes')
  @RequirePermission('account:mfa')
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'New codes; the old ones no longer work' })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto })
  async regenerateRecoveryCodes(
    @SigningInAccount() account: AccountInSignIn,
    @Body() body: SecondFactorDto,
    @Req() request: FastifyRequest,
  ): Promise<RecoveryCodes> {
    return { recoveryCodes: await this.authenticators.regenerateRecoveryCodes(account, body, clientOf(request)) };
  }

  @Delete()
  @RequirePermission('account:mfa')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Turned off; signing in needs only the password' })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'The account’s role requires an authenticator app' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto })
  disable(
    @SigningInAccount() account: AccountInSignIn,
    @Body() body: SecondFactorDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.authenticators.disable(account, body, clientOf(request));
  }
}
