export const SIGN_IN_PATH = '/sign-in';

/** A path on this site: one slash, then no slash, backslash or white space that could lead elsewhere. */
const sameSitePath = /^\/(?![/\\])[^\\\s]*$/;

/**
 * Where to go after signing in: the page asked for when it is a path on this site, else home.
 * Anything that could leave the site (`//host`, `/\host`, `https:`) or lead back to the
 * sign-in page is refused.
 */
export function safeReturnPath(requested: string | null | undefined): string {
  if (!requested || !sameSitePath.test(requested) || requested.split(/[?#]/)[0] === SIGN_IN_PATH) {
    return '/';
  }
  return requested;
}
