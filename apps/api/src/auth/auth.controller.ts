import { Body, Controller, Get, HttpCode, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { CurrentUser as CurrentUserView, LoginResponse } from '@portfolio/contracts';

import { ApiErrorDto } from '../common/api-error.dto';
import {
  type AccountInSignIn,
  AllowSignInStep,
  type AuthenticatedRequest,
  CurrentUser,
  Public,
  RequirePermission,
  SigningInAccount,
  clientOf,
} from './access.decorators';
import { ChangePasswordDto, CurrentUserDto, LoginDto } from './auth.dto';
import { AuthService, type PasswordAccepted } from './auth.service';
import { SecondFactorDto, SecondStepRequiredDto } from './authenticator.dto';
import {
  clearSessionCookies,
  clearSignInStepCookie,
  sessionTokenOf,
  setSessionCookies,
  setSignInStepCookies,
} from './session-cookies';
import type { SessionUser } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(AuthGuard('local'))
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiExtraModels(CurrentUserDto, SecondStepRequiredDto)
  @ApiOkResponse({
    description:
      'Signed in (the session cookie is set), or the password was right and a second step is needed ' +
      '(a short-lived cookie for that step alone is set; no session yet)',
    schema: { oneOf: [{ $ref: getSchemaPath(CurrentUserDto) }, { $ref: getSchemaPath(SecondStepRequiredDto) }] },
  })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto })
  async login(
    @Req() request: FastifyRequest & { user: PasswordAccepted },
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<LoginResponse> {
    const outcome = await this.auth.beginSignIn(request.user, clientOf(request), sessionTokenOf(request));
    if (outcome.kind === 'next-step') {
      clearSessionCookies(request, response);
      setSignInStepCookies(request, response, outcome.step);
      return { nextStep: outcome.nextStep, expiresAt: outcome.step.expiresAt.toISOString() };
    }
    clearSignInStepCookie(request, response);
    setSessionCookies(request, response, outcome.session);
    return outcome.user;
  }

  @Post('login/second-factor')
  @AllowSignInStep('authenticator-code')
  @HttpCode(200)
  @ApiOkResponse({ type: CurrentUserDto, description: 'Signed in; the session cookie is set under a new token' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'The code is wrong, already used, or malformed' })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'No sign-in is waiting for a code, or it timed out' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto })
  async completeWithSecondFactor(
    @SigningInAccount() account: AccountInSignIn,
    @Body() body: SecondFactorDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<CurrentUserView> {
    if (!account.pendingSignIn) {
      throw new Error('The access guard admits only a sign-in waiting for a code here');
    }
    const { session, user } = await this.auth.completeWithSecondFactor(account.pendingSignIn, body, clientOf(request));
    clearSignInStepCookie(request, response);
    setSessionCookies(request, response, session);
    return user;
  }

  @Post('logout')
  @RequirePermission('account:read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended' })
  async logout(
    @CurrentUser() user: SessionUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(user, clientOf(request));
    clearSessionCookies(request, response);
  }

  @Get('me')
  @RequirePermission('account:read')
  @ApiOkResponse({ type: CurrentUserDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  me(@CurrentUser() user: SessionUser): CurrentUserView {
    return this.auth.currentUser(user);
  }

  @Put('password')
  @RequirePermission('account:change-password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every session of the account has ended' })
  async changePassword(
    @CurrentUser() user: SessionUser,
    @Body() body: ChangePasswordDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword, clientOf(request));
    clearSessionCookies(request, response);
  }
}
