import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface StoredAuthenticator {
  secret: string | null;
  enabledAt: Date | null;
  pendingSecret: string | null;
  pendingSince: Date | null;
}

/** TypeORM answers an UPDATE as [returned rows, affected count]. */
function updatedAny(result: unknown): boolean {
  return Array.isArray(result) && typeof result[1] === 'number' && result[1] > 0;
}

/** Each account's authenticator secret and recovery-code hashes. */
@Injectable()
export class AuthenticatorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(userId: string): Promise<StoredAuthenticator | null> {
    const [row] = (await this.dataSource.query(
      `SELECT secret, enabled_at, pending_secret, pending_since FROM user_authenticator WHERE user_id = $1`,
      [userId],
    )) as {
      secret: string | null;
      enabled_at: Date | null;
      pending_secret: string | null;
      pending_since: Date | null;
    }[];
    return row
      ? {
          secret: row.secret,
          enabledAt: row.enabled_at,
          pendingSecret: row.pending_secret,
          pendingSince: row.pending_since,
        }
      : null;
  }

  async isEnabled(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM user_authenticator WHERE user_id = $1 AND enabled_at IS NOT NULL`,
      [userId],
    );
    return rows.length > 0;
  }

  async setPendingSecret(userId: string, secret: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO user_authenticator (user_id, pending_secret, pending_since) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET pending_secret = $2, pending_since = now(), updated_at = now()`,
      [userId, secret],
    );
  }

  /** Makes the pending secret the account's, remembering the step its confirming code used. */
  async enablePendingSecret(
    manager: EntityManager,
    userId: string,
    pendingSecret: string,
    step: number,
  ): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE user_authenticator
          SET secret = pending_secret, enabled_at = now(), pending_secret = NULL, pending_since = NULL,
              last_used_step = $3, updated_at = now()
        WHERE user_id = $1 AND pending_secret = $2
        RETURNING user_id`,
      [userId, pendingSecret, step],
    );
    return updatedAny(result);
  }

  /**
   * Claims a time-step for the account: true only when it is later than every step accepted
   * before, in one statement, so two requests with the same code cannot both succeed.
   */
  async claimTimeStep(userId: string, step: number): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE user_authenticator SET last_used_step = $2, updated_at = now()
        WHERE user_id = $1 AND enabled_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)
        RETURNING user_id`,
      [userId, step],
    );
    return updatedAny(result);
  }

  async disable(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM user_authenticator WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM recovery_code WHERE user_id = $1`, [userId]);
  }

  async replaceRecoveryCodes(manager: EntityManager, userId: string, codeHashes: string[]): Promise<void> {
    await manager.query(`DELETE FROM recovery_code WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
      userId,
      codeHashes,
    ]);
  }

  /** Marks an unused recovery code used, in one statement: true only for the request that used it. */
  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE recovery_code SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
        RETURNING id`,
      [userId, codeHash],
    );
    return updatedAny(result);
  }

  async countUnusedRecoveryCodes(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS remaining FROM recovery_code WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    )) as { remaining: number }[];
    return row?.remaining ?? 0;
  }
}
