import { Body, Controller, Get, HttpCode, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import {
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

import type { CurrentUser as CurrentUserView } from '@portfolio/contracts';

import { ApiErrorDto } from '../common/api-error.dto';
import { type AuthenticatedRequest, CurrentUser, Public, RequirePermission, clientOf } from './access.decorators';
import { ChangePasswordDto, CurrentUserDto, LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { clearSessionCookies, setSessionCookies } from './session-cookies';
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
  @ApiOkResponse({ type: CurrentUserDto, description: 'Signed in; the session cookie is set' })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto })
  async login(
    @Req() request: Request & { user: { id: string } },
    @Res({ passthrough: true }) response: Response,
  ): Promise<CurrentUserView> {
    const session = await this.auth.startSession(request.user.id, clientOf(request));
    setSessionCookies(request, response, session);
    return this.auth.currentUserById(request.user.id);
  }

  @Post('logout')
  @RequirePermission('account:read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended' })
  async logout(
    @CurrentUser() user: SessionUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword, clientOf(request));
    clearSessionCookies(request, response);
  }
}
