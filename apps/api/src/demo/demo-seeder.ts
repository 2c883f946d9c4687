import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import { AuthenticatorSecrets } from '../auth/authenticator-secrets';
import { hashPassword } from '../auth/password-hasher';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { demoAccounts, demoDeanery, demoProgrammes } from './demo-accounts';

export type DemoSeedResult = 'seeded' | 'already-present';

/** Demo organisation and one account per role; refuses to run in production. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly secrets: AuthenticatorSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedDemo(): Promise<DemoSeedResult> {
    if (this.config.nodeEnv === 'production') {
      throw new Error('Demo accounts are never created when NODE_ENV=production.');
    }
    // Most starts find the demo data already there: check before paying for a password hash.
    if ((await this.dataSource.query(`SELECT 1 FROM deanery WHERE code = $1`, [demoDeanery.code])).length > 0) {
      // Demo data seeded before authenticator apps existed gains them here.
      await this.enrolDemoAuthenticators(this.dataSource.manager);
      return 'already-present';
    }
    const passwordHash = await hashPassword(this.config.demoPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('demo-seed'))`);
      const existing = await manager.query(`SELECT 1 FROM deanery WHERE code = $1`, [demoDeanery.code]);
      if (existing.length > 0) {
        return 'already-present';
      }
      const [deanery] = (await manager.query(`INSERT INTO deanery (code, name) VALUES ($1, $2) RETURNING id`, [
        demoDeanery.code,
        demoDeanery.name,
      ])) as { id: string }[];
      const programmeIds: string[] = [];
      for (const name of demoProgrammes) {
        const [programme] = (await manager.query(
          `INSERT INTO programme (deanery_id, name) VALUES ($1, $2) RETURNING id`,
          [deanery?.id, name],
        )) as { id: string }[];
        programmeIds.push(programme?.id ?? '');
      }
      const userIds = new Map<string, string>();
      for (const account of demoAccounts) {
        const [user] = (await manager.query(
          `INSERT INTO app_user (email, display_name, password_hash, roles, deanery_id, gmc_number, profession, password_changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
          [
            account.email,
            account.displayName,
            passwordHash,
            account.roles,
            account.roles.includes('deanery_admin') || account.roles.includes('trainee') ? deanery?.id : null,
            account.gmcNumber,
            account.profession,
          ],
        )) as { id: string }[];
        userIds.set(account.email, user?.id ?? '');
      }
      await this.enrolDemoAuthenticators(manager);
      const traineeId = userIds.get('trainee@demo.test');
      await manager.query(
        `INSERT INTO training_record (trainee_id, programme_id, stage_key, grade, starts_on)
         VALUES ($1, $2, 'postgraduate', 'FY2', date_trunc('year', now())::date - interval '4 months')`,
        [traineeId, programmeIds[0]],
      );
      await manager.query(
        `INSERT INTO supervisor_assignment (trainee_id, supervisor_id, starts_on)
         VALUES ($1, $2, date_trunc('year', now())::date - interval '4 months')`,
        [traineeId, userIds.get('supervisor@demo.test')],
      );
      await this.audit.record(
        {
          actorId: null,
          action: 'demo.seeded',
          entityType: 'deanery',
          entityId: deanery?.id ?? null,
          details: { accounts: demoAccounts.length },
        },
        manager,
      );
      return 'seeded';
    });
  }

  /** The published demo secrets, for demo accounts that have no authenticator app yet. */
  private async enrolDemoAuthenticators(manager: EntityManager): Promise<void> {
    for (const account of demoAccounts) {
      if (!account.authenticatorSecret) continue;
      const [user] = (await manager.query(`SELECT id FROM app_user WHERE lower(email) = lower($1)`, [
        account.email,
      ])) as { id: string }[];
      if (!user) continue;
      await manager.query(
        `INSERT INTO user_authenticator (user_id, secret, enabled_at) VALUES ($1, $2, now())
         ON CONFLICT (user_id) DO NOTHING`,
        [user.id, this.secrets.seal(user.id, account.authenticatorSecret)],
      );
    }
  }
}
