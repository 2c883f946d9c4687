import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Role } from '@portfolio/contracts';

export interface SignInAccount {
  id: string;
  passwordHash: string | null;
  disabled: boolean;
}

export interface AccountSummary {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findForSignIn(email: string): Promise<SignInAccount | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, password_hash, disabled_at IS NOT NULL AS disabled FROM app_user WHERE lower(email) = lower($1)`,
      [email],
    )) as { id: string; password_hash: string | null; disabled: boolean }[];
    return row ? { id: row.id, passwordHash: row.password_hash, disabled: row.disabled } : null;
  }

  async findSummary(userId: string): Promise<AccountSummary | null> {
    const [row] = (await this.dataSource.query(`SELECT id, email, display_name, roles FROM app_user WHERE id = $1`, [
      userId,
    ])) as { id: string; email: string; display_name: string; roles: Role[] }[];
    return row ? toAccountSummary(row) : null;
  }

  async findPasswordHash(userId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [userId])) as {
      password_hash: string | null;
    }[];
    return row?.password_hash ?? null;
  }

  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(
      `UPDATE app_user SET password_hash = $2, password_changed_at = now(), updated_at = now(), version = version + 1
        WHERE id = $1`,
      [userId, passwordHash],
    );
  }
}

export function toAccountSummary(row: {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
}): AccountSummary {
  return { id: row.id, email: row.email, displayName: row.display_name, roles: row.roles };
}
