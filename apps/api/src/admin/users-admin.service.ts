import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { CreateUserRequest, Role, UpdateUserRequest, UserPage, UserView } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblem } from '../auth/password-policy';
import { SessionService, type SessionUser } from '../auth/session.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { fieldConflict, fieldError, rethrowUniqueViolation } from '../common/field-errors';

const userColumns = `id, email, display_name, roles, deanery_id, gmc_number, profession, disabled_at IS NOT NULL AS disabled,
  version, EXISTS (SELECT 1 FROM user_authenticator authenticator
                    WHERE authenticator.user_id = app_user.id AND authenticator.enabled_at IS NOT NULL) AS authenticator_enabled`;

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  deanery_id: string | null;
  gmc_number: string | null;
  profession: string | null;
  disabled: boolean;
  version: number;
  authenticator_enabled: boolean;
}

const uniqueFields = {
  app_user_email_unique: ['email', 'An account with this email address already exists'],
  app_user_gmc_number_key: ['gmcNumber', 'An account with this GMC number already exists'],
} satisfies Record<string, [string, string]>;

/** Administrators' management of accounts; every change is audited in the same transaction. */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async list(query: { search?: string; role?: Role; cursor?: string; limit: number }): Promise<UserPage> {
    const after = decodeCursor(query.cursor, ['email', 'id'] as const);
    const search = query.search?.trim() ? `%${query.search.trim().replace(/[\\%_]/g, (match) => `\\${match}`)}%` : null;
    const rows = (await this.dataSource.query(
      `SELECT ${userColumns} FROM app_user
        WHERE ($1::text IS NULL OR email ILIKE $1 OR display_name ILIKE $1)
          AND ($2::text IS NULL OR $2 = ANY (roles))
          AND ($3::text IS NULL OR (lower(email), id) > (lower($3), $4::uuid))
        ORDER BY lower(email), id LIMIT $5`,
      [search, query.role ?? null, after?.email ?? null, after?.id ?? null, query.limit + 1],
    )) as UserRow[];
    const items = rows.slice(0, query.limit).map(toUserView);
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ email: last.email, id: last.id }) : null,
    };
  }

  async create(actor: SessionUser, request: CreateUserRequest): Promise<UserView> {
    const passwordHash = request.password === undefined ? null : await hashPassword(checkedPassword(request.password));
    return this.dataSource
      .transaction(async (manager) => {
        await checkDeanery(manager, request.deaneryId ?? null);
        const [row] = (await manager.query(
          `INSERT INTO app_user (email, display_name, password_hash, roles, deanery_id, gmc_number, profession, password_changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $3::text IS NULL THEN NULL ELSE now() END)
           RETURNING ${userColumns}`,
          [
            request.email.trim(),
            request.displayName.trim(),
            passwordHash,
            request.roles,
            request.deaneryId ?? null,
            request.gmcNumber ?? null,
            request.profession?.trim() || null,
          ],
        )) as UserRow[];
        const user = toUserView(firstRow(row));
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'user.created',
            entityType: 'user',
            entityId: user.id,
            details: withoutPassword(request),
          },
          manager,
        );
        return user;
      })
      .catch((error: unknown) => rethrowUniqueViolation(error, uniqueFields));
  }

  async update(actor: SessionUser, userId: string, request: UpdateUserRequest): Promise<UserView> {
    const passwordHash = request.password === undefined ? null : await hashPassword(checkedPassword(request.password));
    if (userId === actor.id && (request.disabled === true || (request.roles && !request.roles.includes('admin')))) {
      throw fieldError('roles', 'You cannot disable your own account or remove your own administrator role');
    }
    return this.dataSource
      .transaction(async (manager) => {
        if (request.deaneryId !== undefined) {
          await checkDeanery(manager, request.deaneryId);
        }
        // TypeORM answers an UPDATE as [returned rows, affected count].
        const [[row]] = (await manager.query(
          `UPDATE app_user SET
              display_name = coalesce($3, display_name),
              roles = coalesce($4, roles),
              deanery_id = CASE WHEN $5 THEN $6::uuid ELSE deanery_id END,
              gmc_number = CASE WHEN $7 THEN $8 ELSE gmc_number END,
              profession = CASE WHEN $9 THEN $10 ELSE profession END,
              disabled_at = CASE WHEN $11::boolean IS NULL THEN disabled_at
                                 WHEN $11 THEN coalesce(disabled_at, now()) ELSE NULL END,
              password_hash = coalesce($12, password_hash),
              password_changed_at = CASE WHEN $12::text IS NULL THEN password_changed_at ELSE now() END,
              updated_at = now(), version = version + 1
            WHERE id = $1 AND version = $2
            RETURNING ${userColumns}`,
          [
            userId,
            request.version,
            request.displayName?.trim() ?? null,
            request.roles ?? null,
            request.deaneryId !== undefined,
            request.deaneryId ?? null,
            request.gmcNumber !== undefined,
            request.gmcNumber ?? null,
            request.profession !== undefined,
            request.profession?.trim() || null,
            request.disabled ?? null,
            passwordHash,
          ],
        )) as [UserRow[], number];
        if (!row) {
          const exists = await manager.query(`SELECT version FROM app_user WHERE id = $1`, [userId]);
          if (exists.length === 0) {
            throw new NotFoundException('There is no user with that id.');
          }
          throw fieldConflict(
            'version',
            'Someone else has changed this user since you opened it. Reload to see their change.',
          );
        }
        if (request.disabled === true || passwordHash !== null) {
          await this.sessions.endAllForUser(userId, manager);
        }
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'user.updated',
            entityType: 'user',
            entityId: userId,
            details: withoutPassword(request),
          },
          manager,
        );
        return toUserView(row);
      })
      .then((view) => {
        // Roles or account changed: this process reads the user's sessions again from now on,
        // without waiting to hear the change.
        this.sessions.forgetKept(userId);
        return view;
      })
      .catch((error: unknown) => rethrowUniqueViolation(error, uniqueFields));
  }

  /**
   * For someone who has lost both their phone and their recovery codes: removes their
   * authenticator app and recovery codes and signs them out everywhere. Roles that need an app
   * set a new one up at their next sign-in. Never for one's own account, which has its own page.
   */
  async resetAuthenticator(actor: SessionUser, userId: string, reason: string): Promise<UserView> {
    if (userId === actor.id) {
      throw fieldError('id', 'Replace your own authenticator app from your account page');
    }
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT ${userColumns} FROM app_user WHERE id = $1 FOR UPDATE`, [
        userId,
      ])) as UserRow[];
      if (!row) throw new NotFoundException('There is no user with that id.');
      await manager.query(`DELETE FROM user_authenticator WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM recovery_code WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM sign_in_step WHERE user_id = $1`, [userId]);
      await this.sessions.endAllForUser(userId, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.authenticator-reset',
          entityType: 'user',
          entityId: userId,
          details: { reason, hadAuthenticator: row.authenticator_enabled },
        },
        manager,
      );
      return toUserView({ ...row, authenticator_enabled: false });
    });
  }
}

function checkedPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) {
    throw fieldError('password', problem);
  }
  return password;
}

async function checkDeanery(manager: EntityManager, deaneryId: string | null): Promise<void> {
  if (deaneryId && (await manager.query(`SELECT 1 FROM deanery WHERE id = $1`, [deaneryId])).length === 0) {
    throw fieldError('deaneryId', 'There is no deanery with that id');
  }
}

function withoutPassword(request: object): Record<string, unknown> {
  const { password, ...rest } = request as { password?: string };
  return { ...rest, passwordSet: password !== undefined };
}

function firstRow(row: UserRow | undefined): UserRow {
  if (!row) {
    throw new Error('INSERT ... RETURNING gave no row');
  }
  return row;
}

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    deaneryId: row.deanery_id,
    gmcNumber: row.gmc_number,
    profession: row.profession,
    disabled: row.disabled,
    authenticatorEnabled: row.authenticator_enabled,
    version: row.version,
  };
}
