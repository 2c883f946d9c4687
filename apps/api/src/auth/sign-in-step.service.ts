import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

import type { Role, SignInNextStep } from '@portfolio/contracts';

import { hashToken } from './session.service';

/** Long enough to open an app and type a code; setting one up takes longer. */
const lifetimeMinutes: Record<SignInNextStep, number> = {
  'authenticator-code': 5,
  'authenticator-enrolment': 15,
};
/** Wrong codes allowed in one half-way state before the password must be entered again. */
export const MAXIMUM_FAILED_CODES = 10;

export interface NewSignInStep {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A right password waiting for its second step: it opens nothing but that step. */
export interface PendingSignIn {
  tokenHash: string;
  userId: string;
  email: string;
  roles: Role[];
  nextStep: SignInNextStep;
  csrfToken: string;
}

/** The short-lived, single-purpose state between the password and the second step; never a session. */
@Injectable()
export class SignInStepService {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    userId: string,
    nextStep: SignInNextStep,
    client: { ipAddress: string | null; userAgent: string | null },
  ): Promise<NewSignInStep> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + lifetimeMinutes[nextStep] * 60_000);
    // One half-way state per account at a time, and expired ones are cleared as new ones start.
    await this.dataSource.query(`DELETE FROM sign_in_step WHERE user_id = $1 OR expires_at < now()`, [userId]);
    await this.dataSource.query(
      `INSERT INTO sign_in_step (token_hash, user_id, next_step, csrf_token, expires_at, ip_address, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        hashToken(token),
        userId,
        nextStep,
        csrfToken,
        expiresAt,
        client.ipAddress,
        client.userAgent?.slice(0, 500) ?? null,
      ],
    );
    return { token, csrfToken, expiresAt };
  }

  async resolve(token: string): Promise<PendingSignIn | null> {
    const tokenHash = hashToken(token);
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.email, u.roles, s.next_step, s.csrf_token
         FROM sign_in_step s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    )) as { id: string; email: string; roles: Role[]; next_step: SignInNextStep; csrf_token: string }[];
    return row
      ? {
          tokenHash,
          userId: row.id,
          email: row.email,
          roles: row.roles,
          nextStep: row.next_step,
          csrfToken: row.csrf_token,
        }
      : null;
  }

  /** Counts a wrong code; at the limit the state ends, and the password is needed again. */
  async recordFailedCode(tokenHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE sign_in_step SET failed_codes = failed_codes + 1 WHERE token_hash = $1`, [
      tokenHash,
    ]);
    await this.dataSource.query(`DELETE FROM sign_in_step WHERE token_hash = $1 AND failed_codes >= $2`, [
      tokenHash,
      MAXIMUM_FAILED_CODES,
    ]);
  }

  async end(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_step WHERE token_hash = $1`, [tokenHash]);
  }
}
