import { GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import { ASSESSMENT_TICKET_DAYS } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';

/** An external assessor's session, opened by redeeming their link. */
export interface TicketSession {
  ticketId: string;
  assessmentId: string;
  roundId: string;
  email: string;
  name: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface OpenedTicketSession extends TicketSession {
  sessionToken: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Single-use links for assessors without an account. The mailed token is stored only as its
 * SHA-256; redeeming it once opens a session (its own cookie) limited to that one assessment,
 * and the link is refused from then on, as after expiry or revocation.
 */
@Injectable()
export class AssessmentTickets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    manager: EntityManager,
    ticket: { assessmentId: string; roundId: string; email: string; name: string; createdBy: string },
  ): Promise<{ id: string; link: string }> {
    await this.revokeLive(manager, ticket.assessmentId);
    const token = randomBytes(32).toString('base64url');
    const [row] = (await manager.query(
      `INSERT INTO assessment_ticket (assessment_id, round_id, token_sha256, email, name, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING id`,
      [
        ticket.assessmentId,
        ticket.roundId,
        sha256(token),
        ticket.email,
        ticket.name,
        ticket.createdBy,
        ASSESSMENT_TICKET_DAYS,
      ],
    )) as { id: string }[];
    // The token travels in the fragment, which browsers never send to a server or put in a Referer.
    return { id: (row as { id: string }).id, link: `${this.config.publicUrl}/ticket#${token}` };
  }

  /** Revokes every link of the assessment that still works, and ends any session opened from one. */
  async revokeLive(manager: EntityManager, assessmentId: string): Promise<number> {
    const [, count] = (await manager.query(
      `UPDATE assessment_ticket SET revoked_at = now(),
              session_expires_at = CASE WHEN session_expires_at > now() THEN now() ELSE session_expires_at END
        WHERE assessment_id = $1 AND revoked_at IS NULL
          AND (used_at IS NULL OR session_expires_at > now()) AND expires_at > now()`,
      [assessmentId],
    )) as [unknown, number];
    return count;
  }

  /** Ends the session a decision was made in: the assessor's work on this round is done. */
  async endSession(manager: EntityManager, ticketId: string): Promise<void> {
    await manager.query(`UPDATE assessment_ticket SET session_expires_at = now() WHERE id = $1`, [ticketId]);
  }

  async redeem(token: string): Promise<OpenedTicketSession> {
    return this.dataSource.transaction(async (manager) => {
      const [ticket] = (await manager.query(
        `SELECT ticket.id, ticket.assessment_id, ticket.round_id, ticket.email, ticket.name, ticket.expires_at,
                ticket.used_at, ticket.revoked_at, assessment.status, ticket.expires_at <= now() AS expired
           FROM assessment_ticket ticket JOIN assessment ON assessment.id = ticket.assessment_id
          WHERE ticket.token_sha256 = $1 FOR UPDATE OF ticket`,
        [sha256(token)],
      )) as {
        id: string;
        assessment_id: string;
        round_id: string;
        email: string;
        name: string;
        expires_at: Date;
        used_at: Date | null;
        revoked_at: Date | null;
        status: string;
        expired: boolean;
      }[];
      if (!ticket) {
        throw new NotFoundException('This link is not one we sent. Check that you copied all of it.');
      }
      if (ticket.revoked_at) {
        throw new GoneException('This link has been withdrawn by the trainee who sent it.');
      }
      if (ticket.used_at) {
        throw new GoneException(
          'This link has already been used: each link opens the assessment once. Ask the trainee to send a new one.',
        );
      }
      if (ticket.expired) {
        throw new GoneException('This link has expired. Ask the trainee to send a new one.');
      }
      if (ticket.status !== 'requested' && ticket.status !== 'in-progress') {
        throw new GoneException('This assessment is no longer waiting for you.');
      }
      const sessionToken = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const absoluteLimit = Date.now() + this.config.session.absoluteHours * 3_600_000;
      const expiresAt = new Date(Math.min(ticket.expires_at.getTime(), absoluteLimit));
      await manager.query(
        `UPDATE assessment_ticket SET used_at = now(), session_token_sha256 = $2, session_csrf_token = $3,
                session_expires_at = $4 WHERE id = $1`,
        [ticket.id, sha256(sessionToken), csrfToken, expiresAt],
      );
      await this.audit.record(
        {
          actorId: null,
          action: 'assessment.link-opened',
          entityType: 'assessment',
          entityId: ticket.assessment_id,
          details: { ticketId: ticket.id, externalAssessor: ticket.email },
        },
        manager,
      );
      return {
        ticketId: ticket.id,
        assessmentId: ticket.assessment_id,
        roundId: ticket.round_id,
        email: ticket.email,
        name: ticket.name,
        csrfToken,
        expiresAt,
        sessionToken,
      };
    });
  }

  async resolveSession(sessionToken: string): Promise<TicketSession | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, assessment_id, round_id, email, name, session_csrf_token, session_expires_at FROM assessment_ticket
        WHERE session_token_sha256 = $1 AND session_expires_at > now() AND revoked_at IS NULL`,
      [sha256(sessionToken)],
    )) as {
      id: string;
      assessment_id: string;
      round_id: string;
      email: string;
      name: string;
      session_csrf_token: string;
      session_expires_at: Date;
    }[];
    return row
      ? {
          ticketId: row.id,
          assessmentId: row.assessment_id,
          roundId: row.round_id,
          email: row.email,
          name: row.name,
          csrfToken: row.session_csrf_token,
          expiresAt: row.session_expires_at,
        }
      : null;
  }
}
