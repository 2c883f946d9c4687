import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import type { Permission, SignInNextStep } from '@portfolio/contracts';

import type { SessionUser } from './session.service';
import type { PendingSignIn } from './sign-in-step.service';

export const IS_PUBLIC = 'access:public';
export const REQUIRED_PERMISSION = 'access:permission';
export const SIGN_IN_STEP = 'access:sign-in-step';

/** Open to anyone, signed in or not. Every other route must name a permission. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Open to signed-in users whose roles grant the permission; others get 404. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/**
 * Open also to the half-way state of a sign-in waiting for this step (a right password, not yet a
 * session). Alone it admits nothing else; beside `@RequirePermission` a session will do as well.
 */
export const AllowSignInStep = (step: SignInNextStep) => SetMetadata(SIGN_IN_STEP, step);

export interface AuthenticatedRequest extends FastifyRequest {
  user?: SessionUser;
  pendingSignIn?: PendingSignIn;
}

/** Whose account a route acts on: a signed-in user's, or a sign-in's waiting for its second step. */
export interface AccountInSignIn {
  userId: string;
  email: string;
  roles: SessionUser['roles'];
  /** Set when the caller has a right password and no session yet. */
  pendingSignIn: PendingSignIn | null;
  /** Set when the caller is signed in. */
  session: SessionUser | null;
}

export const SigningInAccount = createParamDecorator((_data: unknown, context: ExecutionContext): AccountInSignIn => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (request.pendingSignIn) {
    const { userId, email, roles } = request.pendingSignIn;
    return { userId, email, roles, pendingSignIn: request.pendingSignIn, session: null };
  }
  if (request.user) {
    const { id, email, roles } = request.user;
    return { userId: id, email, roles, pendingSignIn: null, session: request.user };
  }
  throw new Error('SigningInAccount used on a route the access guard did not admit anyone to');
});

/** The signed-in user of a route the access guard has let through. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) {
    throw new Error('CurrentUser used on a route without a signed-in user');
  }
  return user;
});

export function clientOf(request: FastifyRequest): { ipAddress: string; userAgent: string | null } {
  return { ipAddress: request.ip || 'unknown', userAgent: headerOf(request, 'user-agent') ?? null };
}

/** A request header's value, as one string. */
export function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
