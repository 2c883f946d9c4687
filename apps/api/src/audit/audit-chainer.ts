import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource, type QueryRunner } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { isDatabaseUnavailable } from '../database/database-errors';
import {
  GENESIS_HASH,
  type StoredEvent,
  auditChainerLock,
  auditWritersLock,
  chainHash,
  fieldsOf,
  storedEventColumns,
} from './audit-chain';

const intervalMs = 500;
const batchSize = 1_000;
// Tries for the writers' lock in one run: writers hold it for milliseconds, so one try of these succeeds.
const settleAttempts = 20;
const settleRetryMs = 10;

/**
 * Links committed audit events into the hash chain, in id order, shortly after they commit.
 *
 * An event takes its id while its writer holds the writers' lock shared, until commit. Getting it
 * exclusively for a moment, the chainer knows every id up to the largest it then sees is settled
 * (committed, or gone with a rollback), so it can chain up to there without a later commit ever
 * landing behind it. Each API process runs one; an advisory lock lets one chain at a time.
 */
@Injectable()
export class AuditChainer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditChainer');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every half second; tests chain when they ask (`chainPending`), so no run lands among their queries. */
  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => void this.chainPending().catch((error) => this.report(error)), intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Chains every event committed before the call; answers how many it chained. */
  async chainPending(): Promise<number> {
    // A run already under way may have settled its ids before the caller's events committed.
    await this.running?.catch(() => undefined);
    this.running ??= this.chain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async chain(): Promise<number> {
    const [pending] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM audit_event WHERE hash IS NULL) AS pending`,
    )) as { pending: boolean }[];
    if (!pending?.pending) return 0;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ chainer }] = (await runner.query(`SELECT pg_try_advisory_lock(${auditChainerLock}) AS chainer`)) as {
        chainer: boolean;
      }[];
      if (!chainer) return 0; // another process is chaining
      try {
        const settled = await this.settledId(runner);
        if (settled === null) return 0;
        let chained = 0;
        for (let batch = await this.link(runner, settled); batch > 0; batch = await this.link(runner, settled)) {
          chained += batch;
        }
        return chained;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${auditChainerLock})`);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * The largest id no open transaction can still be writing, or null if writers held their lock
   * at every try. The lock is only tried, never waited for: a waiting exclusive request would hold
   * up every writer that came after it.
   */
  private async settledId(runner: QueryRunner): Promise<string | null> {
    for (let attempt = 0; attempt < settleAttempts; attempt++) {
      if (attempt > 0) await delay(settleRetryMs);
      await runner.startTransaction();
      try {
        const [{ locked }] = (await runner.query(
          `SELECT pg_try_advisory_xact_lock(${auditWritersLock}) AS locked`,
        )) as {
          locked: boolean;
        }[];
        const settled = locked
          ? ((
              (await runner.query(`SELECT max(id)::text AS settled FROM audit_event`)) as { settled: string | null }[]
            )[0]?.settled ?? null)
          : undefined;
        await runner.commitTransaction();
        if (settled !== undefined) return settled;
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    }
    return null;
  }

  /** Chains the next batch of unchained events up to `settled`; answers how many. */
  private async link(runner: QueryRunner, settled: string): Promise<number> {
    await runner.startTransaction();
    try {
      const events = (await runner.query(
        `SELECT ${storedEventColumns} FROM audit_event WHERE hash IS NULL AND id <= $1 ORDER BY id LIMIT $2`,
        [settled, batchSize],
      )) as StoredEvent[];
      const first = events[0];
      if (!first) {
        await runner.commitTransaction();
        return 0;
      }
      // Everything before the first unchained event is chained: the chain grows in id order only.
      const [previous] = (await runner.query(`SELECT hash FROM audit_event WHERE id < $1 ORDER BY id DESC LIMIT 1`, [
        first.id,
      ])) as { hash: string | null }[];
      if (previous && previous.hash === null) {
        throw new Error(`Audit event before ${first.id} is unchained; the chain cannot skip it.`);
      }
      let previousHash = previous?.hash ?? GENESIS_HASH;
      const links = events.map((event) => {
        const hash = chainHash(previousHash, fieldsOf(event));
        const link = { id: event.id, previousHash, hash };
        previousHash = hash;
        return link;
      });
      await runner.query(
        `UPDATE audit_event SET previous_hash = link.previous_hash, hash = link.hash
           FROM unnest($1::bigint[], $2::text[], $3::text[]) AS link (id, previous_hash, hash)
          WHERE audit_event.id = link.id`,
        [links.map((link) => link.id), links.map((link) => link.previousHash), links.map((link) => link.hash)],
      );
      await runner.commitTransaction();
      return links.length;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  private report(error: unknown): void {
    // While the database is away the health check says so; the next run catches up.
    if (isDatabaseUnavailable(error)) return;
    this.logger.error(`Chaining audit events failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
