import type { CookieOptions, Request, Response } from 'express';

import { CSRF_COOKIE, SESSION_COOKIE } from '@portfolio/contracts';

import type { NewSession } from './session.service';

function baseOptions(request: Request): CookieOptions {
  // Secure whenever the browser reached us over HTTPS (directly or through a trusted proxy).
  return { sameSite: 'lax', secure: request.secure, path: '/' };
}

export function setSessionCookies(request: Request, response: Response, session: NewSession): void {
  const options = { ...baseOptions(request), expires: session.expiresAt };
  response.cookie(SESSION_COOKIE, session.token, { ...options, httpOnly: true });
  // Readable by the web app, which echoes it in the X-XSRF-TOKEN header of every write.
  response.cookie(CSRF_COOKIE, session.csrfToken, { ...options, httpOnly: false });
}

export function clearSessionCookies(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { ...baseOptions(request), httpOnly: true });
  response.clearCookie(CSRF_COOKIE, baseOptions(request));
}

export function sessionTokenOf(request: Request): string | null {
  const token = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof token === 'string' && token.length > 0 && token.length <= 100 ? token : null;
}
