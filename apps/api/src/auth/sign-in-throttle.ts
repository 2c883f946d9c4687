import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Failures within this window count; an account is never locked for longer than the cap. */
const windowMinutes = 15;
const freeFailuresPerAccount = 5;
const freeFailuresPerAddress = 20;
const maximumDelaySeconds = 15 * 60;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Slows guessing: after a few failures for an account (or many from one address), each further
 * attempt must wait twice as long as the one before, up to 15 minutes. Nothing is locked for good,
 * so an attacker cannot lock a doctor out of their portfolio.
 */
@Injectable()
export class SignInThrottle {
  constructor(private readonly dataSource: DataSource) {}

  async check(email: string, ipAddress: string): Promise<ThrottleDecision> {
    const [account] = (await this.dataSource.query(
      `SELECT count(*)::int AS failures, max(attempted_at) AS last_failure
         FROM sign_in_attempt
        WHERE lower(email) = lower($1) AND NOT succeeded
          AND attempted_at > now() - make_interval(mins => $2)
          AND attempted_at > coalesce((SELECT max(attempted_at) FROM sign_in_attempt
                                        WHERE lower(email) = lower($1) AND succeeded), '-infinity')`,
      [email, windowMinutes],
    )) as { failures: number; last_failure: Date | null }[];
    const [address] = (await this.dataSource.query(
      `SELECT count(*)::int AS failures, max(attempted_at) AS last_failure
         FROM sign_in_attempt
        WHERE ip_address = $1 AND NOT succeeded AND attempted_at > now() - make_interval(mins => $2)`,
      [ipAddress, windowMinutes],
    )) as { failures: number; last_failure: Date | null }[];
    const wait = Math.max(
      waitSeconds(account?.failures ?? 0, freeFailuresPerAccount, account?.last_failure ?? null),
      waitSeconds(address?.failures ?? 0, freeFailuresPerAddress, address?.last_failure ?? null),
    );
    return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
  }

  async recordAttempt(email: string, ipAddress: string, succeeded: boolean): Promise<void> {
    await this.dataSource.query(`INSERT INTO sign_in_attempt (email, ip_address, succeeded) VALUES ($1, $2, $3)`, [
      email.slice(0, 320),
      ipAddress,
      succeeded,
    ]);
  }
}

function waitSeconds(failures: number, freeFailures: number, lastFailure: Date | null): number {
  if (failures < freeFailures || !lastFailure) {
    return 0;
  }
  const delay = Math.min(2 ** (failures - freeFailures), maximumDelaySeconds);
  const elapsed = (Date.now() - new Date(lastFailure).getTime()) / 1000;
  return Math.max(0, Math.ceil(delay - elapsed));
}
