import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { type CurrentUser, type Role, apiRoutes, permissionsOf } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';

/** A signed-in user with these roles and the permissions they grant, as `GET /api/auth/me` answers. */
export function userWithRoles(roles: Role[], displayName = 'Dr Aisha Khan'): CurrentUser {
  return {
    id: `user-${roles.join('-')}`,
    email: `${roles[0] ?? 'nobody'}@example.test`,
    displayName,
    roles,
    permissions: permissionsOf(roles),
  };
}

export const unauthorizedBody = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Sign in to continue. Your session may have expired.',
};

/** Answers the app's question of who is signed in: this user, or nobody (null). */
export async function answerWhoIsSignedIn(http: HttpTestingController, user: CurrentUser | null): Promise<void> {
  const loaded = TestBed.inject(SessionStore).ensureLoaded();
  const request = http.expectOne(apiRoutes.me);
  if (user) {
    request.flush(user);
  } else {
    request.flush(unauthorizedBody, { status: 401, statusText: 'Unauthorized' });
  }
  await loaded;
}
