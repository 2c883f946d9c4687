import { inject } from '@angular/core';
import { type CanMatchFn, Router, type UrlTree } from '@angular/router';

import type { Permission } from '@portfolio/contracts';

import { SIGN_IN_PATH } from './return-path';
import { SessionStore } from './session-store';

/** Pages for signed-in users: anyone else is sent to sign in, and brought back afterwards. */
export const requireSignIn: CanMatchFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  await session.ensureLoaded();
  return session.isSignedIn() ? true : signInFirst(router);
};

/**
 * Pages for users with a permission. Without it the route does not match, so the router goes
 * on to the page-not-found route at the same address: the page never admits it exists, as the
 * API answers 404 for routes the caller may not use.
 */
export function requirePermission(permission: Permission): CanMatchFn {
  return requireAnyPermission(permission);
}

/** Pages for users with at least one of these permissions, such as those who request or give assessments. */
export function requireAnyPermission(...permissions: Permission[]): CanMatchFn {
  return async () => {
    const session = inject(SessionStore);
    const router = inject(Router);
    await session.ensureLoaded();
    if (!session.isSignedIn()) {
      return signInFirst(router);
    }
    return permissions.some((permission) => session.hasPermission(permission));
  };
}

function signInFirst(router: Router): UrlTree {
  // A guard runs mid-navigation: the address being opened is the navigation's, not router.url.
  const navigation = router.currentNavigation();
  const returnUrl = navigation ? router.serializeUrl(navigation.extractedUrl) : router.url;
  return router.createUrlTree([SIGN_IN_PATH], { queryParams: { returnUrl } });
}
