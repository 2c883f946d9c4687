import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';

import { ReportBatchRunner } from './report-batch-runner';

const queueName = 'report-batch';

const pollIntervalMs = 500;

/**
 * Cohort batches run as pg-boss jobs on PostgreSQL, outside any request. A batch survives a
 * restart: at start the API re-queues every batch left unfinished, and the runner carries on
 * from the items still pending. pg-boss starts only when there is batch work, so an API that
 * never renders a cohort never polls for jobs. Jobs are fetched and settled here rather than
 * with `work()`, whose settling is not awaited and would surface a database outage as an
 * unhandled rejection.
 */
@Injectable()
export class ReportBatchQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportBatchQueue.name);
  private boss: Promise<PgBoss> | null = null;
  private poller: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: ReportBatchRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const unfinished = (await this.dataSource.query(
      `SELECT id FROM report_batch WHERE status IN ('queued', 'running') ORDER BY created_at`,
    )) as { id: string }[];
    for (const batch of unfinished) {
      this.logger.log(`Resuming report batch ${batch.id}`);
      await this.enqueue(batch.id);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (this.poller) clearInterval(this.poller);
    this.runner.stop();
    if (boss) {
      await (await boss).stop({ graceful: false, close: true, timeout: 2000 }).catch((error: unknown) => {
        this.logger.warn(`Job queue did not stop cleanly: ${String(error)}`);
      });
    }
  }

  async enqueue(batchId: string): Promise<void> {
    const boss = await this.started();
    await boss.send(queueName, { batchId }, { retryLimit: 3, retryDelay: 5, expireInHours: 6 });
  }

  private started(): Promise<PgBoss> {
    this.boss ??= this.start();
    return this.boss;
  }

  private async start(): Promise<PgBoss> {
    const options = this.dataSource.options as { url?: string; schema?: string };
    const boss = new PgBoss({
      connectionString: options.url,
      // Beside the application's schema, so a test's schema and its jobs go together.
      schema: options.schema ? `${options.schema}_jobs` : 'pgboss',
      max: 3,
      application_name: 'portfolio-jobs',
    });
    boss.on('error', (error: Error) => this.logger.warn(`Job queue: ${error.message}`));
    await boss.start();
    await boss.createQueue(queueName);
    this.poller = setInterval(() => void this.poll(boss), pollIntervalMs);
    this.poller.unref();
    return boss;
  }

  /** Takes one job at a time; the runner itself spreads a batch over every core. */
  private async poll(boss: PgBoss): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const [job] = (await boss.fetch<{ batchId: string }>(queueName)) ?? [];
      if (!job) return;
      try {
        await this.runner.run(job.data.batchId);
        await boss.complete(queueName, job.id);
      } catch (error) {
        this.logger.warn(`Report batch ${job.data.batchId} stopped: ${String(error)}`);
        await boss.fail(queueName, job.id, { message: String(error) });
      }
    } catch (error) {
      this.logger.warn(`Job queue unreachable: ${String(error)}`);
    } finally {
      this.polling = false;
    }
  }
}
