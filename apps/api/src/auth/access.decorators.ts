import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';

import type { Permission } from '@portfolio/contracts';

import type { SessionUser } from './session.service';

export const IS_PUBLIC = 'access:public';
export const REQUIRED_PERMISSION = 'access:permission';

/** Open to anyone, signed in or not. Every other route must name a permission. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Open to signed-in users whose roles grant the permission; others get 404. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

export interface AuthenticatedRequest extends Request {
  user?: SessionUser;
}

/** The signed-in user of a route the access guard has let through. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) {
    throw new Error('CurrentUser used on a route without a signed-in user');
  }
  return user;
});

export function clientOf(request: Request): { ipAddress: string; userAgent: string | null } {
  return { ipAddress: request.ip ?? 'unknown', userAgent: request.get('user-agent') ?? null };
}
