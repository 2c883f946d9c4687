import type { CookieOptions, Request, Response } from 'express';

import { CSRF_COOKIE, SESSION_COOKIE, SIGN_IN_STEP_COOKIE } from '@portfolio/contracts';

import type { NewSession } from './session.service';
import type { NewSignInStep } from './sign-in-step.service';

/** The half-way state is sent only to the sign-in routes, and never from another site. */
const signInStepPath = '/api/auth';

function baseOptions(request: Request): CookieOptions {
  // Secure whenever the browser reached us over HTTPS (directly or through a trusted proxy).
  return { sameSite: 'lax', secure: request.secure, path: '/' };
}

function signInStepOptions(request: Request): CookieOptions {
  return { sameSite: 'strict', secure: request.secure, path: signInStepPath, httpOnly: true };
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

/** The half-way state's cookie, with a CSRF token of its own for the second step's writes. */
export function setSignInStepCookies(request: Request, response: Response, step: NewSignInStep): void {
  response.cookie(SIGN_IN_STEP_COOKIE, step.token, { ...signInStepOptions(request), expires: step.expiresAt });
  response.cookie(CSRF_COOKIE, step.csrfToken, { ...baseOptions(request), expires: step.expiresAt, httpOnly: false });
}

export function clearSignInStepCookie(request: Request, response: Response): void {
  response.clearCookie(SIGN_IN_STEP_COOKIE, signInStepOptions(request));
}

export function sessionTokenOf(request: Request): string | null {
  return cookieToken(request, SESSION_COOKIE);
}

export function signInStepTokenOf(request: Request): string | null {
  return cookieToken(request, SIGN_IN_STEP_COOKIE);
}

function cookieToken(request: Request, name: string): string | null {
  const token = (request.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof token === 'string' && token.length > 0 && token.length <= 100 ? token : null;
}
