import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import { type Role, mfaRequiredRoles } from '@portfolio/contracts';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { preparedQuery } from '../database/prepared-query';
import { SessionCache } from './session-cache';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** The signed-in user a request carries, from its session. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  sessionTokenHash: string;
  csrfToken: string;
}

// Writing last_seen_at on every request would turn each read into a write.
const touchIntervalSeconds = 60;

/**
 * Sessions live in PostgreSQL, so any API process can serve any request. The cookie holds a
 * random token; the table holds only its SHA-256, so a leaked table opens no session.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SessionCache,
  ) {}

  async create(userId: string, client: { ipAddress: string | null; userAgent: string | null }): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.session.absoluteHours * 3_600_000);
    await this.dataSource.query(
      `INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at, ip_address, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [hashToken(token), userId, csrfToken, expiresAt, client.ipAddress, client.userAgent?.slice(0, 500) ?? null],
    );
    return { token, csrfToken, expiresAt };
  }

  /**
   * The session's user, if the session exists, is neither idle too long nor past its lifetime, and
   * the account is enabled. An account whose roles need an authenticator app and that has none
   * (a role given since it signed in) has no session until it sets one up.
   */
  async resolve(token: string): Promise<SessionUser | null> {
    const tokenHash = hashToken(token);
    const kept = this.cache.get(tokenHash);
    if (kept) {
      return kept;
    }
    const mark = this.cache.mark();
    const [row] = await preparedQuery<{
      id: string;
      email: string;
      display_name: string;
      roles: Role[];
      csrf_token: string;
      stale: boolean;
      keep_ms: number;
    }>(
      this.dataSource,
      'session',
      `SELECT u.id, u.email, u.display_name, u.roles, s.csrf_token,
              s.last_seen_at < now() - make_interval(secs => $3) AS stale,
              extract(epoch FROM least(s.expires_at, s.last_seen_at + make_interval(secs => $3)) - now()) * 1000 AS keep_ms
         FROM user_session s
         JOIN app_user u ON u.id = s.user_id
         LEFT JOIN user_authenticator a ON a.user_id = u.id
        WHERE s.token_hash = $1
          AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2)
          AND u.disabled_at IS NULL
          AND (a.enabled_at IS NOT NULL OR NOT u.roles && $4::text[])`,
      [tokenHash, this.config.session.idleMinutes, touchIntervalSeconds, mfaRequiredRoles],
    );
    if (!row) {
      return null;
    }
    const user: SessionUser = {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      sessionTokenHash: tokenHash,
      csrfToken: row.csrf_token,
    };
    if (row.stale) {
      // Touching notifies a change, so the session is kept from the next request on.
      await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE token_hash = $1`, [tokenHash]);
    } else {
      // Kept until it is due to be touched (or expires), by this process's clock from now.
      this.cache.keep(user, Number(row.keep_ms), mark);
    }
    return user;
  }

  async end(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM user_session WHERE token_hash = $1`, [tokenHash]);
    this.cache.forgetSession(tokenHash);
  }

  /** Reads the user's sessions again from the database from now on, in this process. */
  forgetKept(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** Ends every session of a user: on a password change or when the account is disabled. */
  async endAllForUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM user_session WHERE user_id = $1`, [userId]);
    this.cache.forgetUser(userId);
  }

  /** Ends the user's other sessions, keeping this one: when their sign-in security changes. */
  async endOthersForUser(userId: string, keepTokenHash: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM user_session WHERE user_id = $1 AND token_hash <> $2`, [userId, keepTokenHash]);
    this.cache.forgetUser(userId);
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
