import type { CookieSerializeOptions } from '@fastify/cookie';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';

import { CSRF_HEADER } from '@portfolio/contracts';

import { headerOf } from '../auth/access.decorators';
import { AssessmentTickets, type OpenedTicketSession, type TicketSession } from './assessment-tickets';

/** The cookie an external assessor's session lives in, sent only to the external-assessment routes. */
export const TICKET_SESSION_COOKIE = 'portfolio_ticket';
const cookiePath = '/api/external-assessment';

type TicketRequest = FastifyRequest & { ticketSession?: TicketSession };

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Admits an external assessor whose link opened a session that is still live, and only to the
 * assessment of that link. Writes also need the session's CSRF token in a header.
 */
@Injectable()
export class TicketSessionGuard implements CanActivate {
  constructor(private readonly tickets: AssessmentTickets) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<TicketRequest>();
    const token = (request.cookies as Record<string, unknown> | undefined)?.[TICKET_SESSION_COOKIE];
    const session = typeof token === 'string' && token.length <= 100 ? await this.tickets.resolveSession(token) : null;
    if (!session) {
      throw new UnauthorizedException(
        'Your session from the assessment link has ended. Each link opens once: ask the trainee to send a new one.',
      );
    }
    if (!safeMethods.has(request.method) && !sameToken(headerOf(request, CSRF_HEADER), session.csrfToken)) {
      throw new ForbiddenException('This request is missing a valid CSRF token. Reload the page and try again.');
    }
    request.ticketSession = session;
    return true;
  }
}

export const CurrentTicketSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): TicketSession =>
    context.switchToHttp().getRequest<TicketRequest>().ticketSession as TicketSession,
);

export function setTicketSessionCookie(
  request: FastifyRequest,
  response: FastifyReply,
  session: OpenedTicketSession,
): void {
  response.setCookie(TICKET_SESSION_COOKIE, session.sessionToken, {
    ...cookieOptions(request),
    expires: session.expiresAt,
  });
}

function cookieOptions(request: FastifyRequest): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: cookiePath };
}

function sameToken(sent: string | undefined, expected: string): boolean {
  if (!sent) return false;
  const sentBytes = Buffer.from(sent);
  const expectedBytes = Buffer.from(expected);
  return sentBytes.length === expectedBytes.length && timingSafeEqual(sentBytes, expectedBytes);
}
