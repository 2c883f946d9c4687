import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';

import { CSRF_HEADER, type Permission, type SignInNextStep, hasPermission } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import {
  type AuthenticatedRequest,
  IS_PUBLIC,
  REQUIRED_PERMISSION,
  SIGN_IN_STEP,
  clientOf,
  headerOf,
} from './access.decorators';
import { sessionTokenOf, signInStepTokenOf } from './session-cookies';
import { SessionService } from './session.service';
import { SignInStepService } from './sign-in-step.service';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const SIGN_IN_STEP_EXPIRED = 'Your sign-in has timed out. Enter your email address and password again.';

/**
 * Fails closed: a route is open only if it says so (`@Public()`), otherwise it needs a live
 * session, a CSRF token on writes, and the permission the route names. A route that names
 * none is refused, so forgetting the decorator can never open a route. The half-way state of
 * a sign-in (password right, second step to come) opens only the routes of that step.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly signInSteps: SignInStepService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const step = this.reflector.getAllAndOverride<SignInNextStep | undefined>(SIGN_IN_STEP, targets);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (step && (await this.admitsSignInStep(request, step))) {
      return true;
    }
    if (step && !permission) {
      throw new UnauthorizedException(SIGN_IN_STEP_EXPIRED);
    }
    const token = sessionTokenOf(request);
    const user = token ? await this.sessions.resolve(token) : null;
    if (!user) {
      throw new UnauthorizedException('Sign in to continue. Your session may have expired.');
    }
    request.user = user;

    if (!safeMethods.has(request.method) && !csrfTokenMatches(headerOf(request, CSRF_HEADER), user.csrfToken)) {
      throw new ForbiddenException('This request is missing a valid CSRF token. Reload the page and try again.');
    }

    if (!permission) {
      this.logger.error(`${request.method} ${request.url.split('?')[0]} names no permission and no @Public(): refused`);
    }
    if (!permission || !hasPermission(user.roles, permission)) {
      await this.audit.record({
        actorId: user.id,
        action: 'access.denied',
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        details: { permission: permission ?? null },
        ipAddress: clientOf(request).ipAddress,
      });
      throw new NotFoundException('Not found.');
    }
    return true;
  }

  /** A half-way sign-in waiting for exactly this step, with its own CSRF token on writes. */
  private async admitsSignInStep(request: AuthenticatedRequest, step: SignInNextStep): Promise<boolean> {
    const token = signInStepTokenOf(request);
    const pending = token ? await this.signInSteps.resolve(token) : null;
    if (!pending || pending.nextStep !== step) {
      return false;
    }
    if (!safeMethods.has(request.method) && !csrfTokenMatches(headerOf(request, CSRF_HEADER), pending.csrfToken)) {
      throw new ForbiddenException('This request is missing a valid CSRF token. Reload the page and try again.');
    }
    request.pendingSignIn = pending;
    return true;
  }
}

function csrfTokenMatches(sent: string | undefined, expected: string): boolean {
  if (!sent) {
    return false;
  }
  const sentBytes = Buffer.from(sent);
  const expectedBytes = Buffer.from(expected);
  return sentBytes.length === expectedBytes.length && timingSafeEqual(sentBytes, expectedBytes);
}
