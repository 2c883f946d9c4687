import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { CSRF_COOKIE, SESSION_COOKIE, SIGN_IN_STEP_COOKIE } from '@portfolio/contracts';

import type { NewSession } from './session.service';
import type { NewSignInStep } from './sign-in-step.service';

/** The half-way state is sent only to the sign-in routes, and never from another site. */
const signInStepPath = '/api/auth';

function baseOptions(request: FastifyRequest): CookieSerializeOptions {
  // Secure whenever the browser reached us over HTTPS (directly or through a trusted proxy).
  return { sameSite: 'lax', secure: request.protocol === 'https', path: '/' };
}

function signInStepOptions(request: FastifyRequest): CookieSerializeOptions {
  return { sameSite: 'strict', secure: request.protocol === 'https', path: signInStepPath, httpOnly: true };
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  const options = { ...baseOptions(request), expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.token, { ...options, httpOnly: true });
  // Readable by the web app, which echoes it in the X-XSRF-TOKEN header of every write.
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...options, httpOnly: false });
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { ...baseOptions(request), httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, baseOptions(request));
}

/** The half-way state's cookie, with a CSRF token of its own for the second step's writes. */
export function setSignInStepCookies(request: FastifyRequest, reply: FastifyReply, step: NewSignInStep): void {
  reply.setCookie(SIGN_IN_STEP_COOKIE, step.token, { ...signInStepOptions(request), expires: step.expiresAt });
  reply.setCookie(CSRF_COOKIE, step.csrfToken, { ...baseOptions(request), expires: step.expiresAt, httpOnly: false });
}

export function clearSignInStepCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SIGN_IN_STEP_COOKIE, signInStepOptions(request));
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  return cookieToken(request, SESSION_COOKIE);
}

export function signInStepTokenOf(request: FastifyRequest): string | null {
  return cookieToken(request, SIGN_IN_STEP_COOKIE);
}

function cookieToken(request: FastifyRequest, name: string): string | null {
  const token = (request.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof token === 'string' && token.length > 0 && token.length <= 100 ? token : null;
}
