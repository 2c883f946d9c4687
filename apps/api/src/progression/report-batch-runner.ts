import { Injectable, Logger } from '@nestjs/common';
import { zipSync } from 'fflate';
import { DataSource, type EntityManager } from 'typeorm';

import { arcpOutcome } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { FileStorage } from '../storage/file-storage';
import { ReportDataSource } from './report-data-source';
import { ReportRenderer } from './report-renderer';
import { ReportsService } from './reports.service';

interface BatchHead {
  id: string;
  period: string;
  status: string;
  requested_by: string;
  deanery: string;
}

/**
 * Works through a batch a chunk at a time: claims pending items (SKIP LOCKED, so two runners
 * never take the same trainee), renders their reports on the worker threads, and stores each
 * in the same transaction that marks its item done. A killed runner's chunk rolls back and is
 * taken again; one trainee's failure is recorded against that trainee and the rest go on.
 */
@Injectable()
export class ReportBatchRunner {
  private readonly logger = new Logger(ReportBatchRunner.name);
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly source: ReportDataSource,
    private readonly renderer: ReportRenderer,
    private readonly reports: ReportsService,
    private readonly storage: FileStorage,
  ) {}

  stop(): void {
    this.stopping = true;
  }

  async run(batchId: string): Promise<void> {
    const batch = await this.head(batchId);
    if (!batch || batch.status === 'finished' || batch.status === 'failed') return;
    await this.dataSource.query(
      `UPDATE report_batch SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1`,
      [batchId],
    );
    const viewer = await this.viewerOf(batch.requested_by);
    const chunkSize = this.renderer.threads * 4;
    // Two chunks in flight: while one lane stores its reports, the other's are rendering, so
    // the worker threads do not wait on the database.
    await Promise.all(
      [1, 2].map(async () => {
        while (!this.stopping && (await this.runChunk(batch, viewer, chunkSize)) > 0) {
          // each chunk commits on its own
        }
      }),
    );
    if (this.stopping) return;
    const [{ pending }] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending FROM report_batch_item WHERE batch_id = $1 AND status = 'pending'`,
      [batchId],
    )) as [{ pending: number }];
    // Another runner still holds a chunk: it finishes the batch.
    if (pending === 0) await this.finish(batch);
  }

  private async runChunk(batch: BatchHead, viewer: SessionUser, chunkSize: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const items = (await manager.query(
        `SELECT trainee_id FROM report_batch_item WHERE batch_id = $1 AND status = 'pending'
          ORDER BY position LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [batch.id, chunkSize],
      )) as { trainee_id: string }[];
      if (items.length === 0) return 0;
      const traineeIds = items.map((item) => item.trainee_id);
      const assembled = await this.source.assemble(viewer, traineeIds, batch.period);
      const byTrainee = new Map(assembled.map((report) => [report.traineeId, report]));
      const rendered = await Promise.allSettled(
        traineeIds.map(async (traineeId) => {
          const report = byTrainee.get(traineeId);
          if (!report) throw new Error('No training record to report on');
          return { report, pdf: await this.renderer.render(report.data) };
        }),
      );
      for (const [index, outcome] of rendered.entries()) {
        const traineeId = traineeIds[index] as string;
        if (outcome.status === 'rejected') {
          await this.markFailed(manager, batch.id, traineeId, outcome.reason);
          continue;
        }
        await manager.query('SAVEPOINT batch_item');
        try {
          const view = await this.reports.storeRendered(
            manager,
            viewer,
            outcome.value.report,
            outcome.value.pdf,
            batch.id,
          );
          await manager.query(
            `UPDATE report_batch_item SET status = 'done', report_id = $3, finished_at = now()
              WHERE batch_id = $1 AND trainee_id = $2`,
            [batch.id, traineeId, view.id],
          );
          await manager.query('RELEASE SAVEPOINT batch_item');
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT batch_item');
          await this.markFailed(manager, batch.id, traineeId, error);
        }
      }
      return items.length;
    });
  }

  private async markFailed(manager: EntityManager, batchId: string, traineeId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`Report for trainee ${traineeId} in batch ${batchId} failed: ${message}`);
    await manager.query(
      `UPDATE report_batch_item SET status = 'failed', error = $3, finished_at = now()
        WHERE batch_id = $1 AND trainee_id = $2`,
      [batchId, traineeId, message.slice(0, 1000)],
    );
  }

  /** One ZIP: every report, named for its trainee, and the cohort summary. */
  private async finish(batch: BatchHead): Promise<void> {
    const items = (await this.dataSource.query(
      `SELECT item.status, item.error, trainee.display_name, trainee.gmc_number, report.verification_code,
              report.storage_key, report.outcome_code, report.content
         FROM report_batch_item item
         JOIN app_user trainee ON trainee.id = item.trainee_id
         LEFT JOIN progression_report report ON report.id = item.report_id
        WHERE item.batch_id = $1 ORDER BY item.position`,
      [batch.id],
    )) as {
      status: string;
      error: string | null;
      display_name: string;
      gmc_number: string | null;
      verification_code: string | null;
      storage_key: string | null;
      outcome_code: string | null;
      content: {
        programme: string;
        stage: { title: string };
        grade: string;
        elements: { status: string }[];
      } | null;
    }[];
    const files: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const item of items) {
      if (!item.storage_key || !item.verification_code) continue;
      const pdf = await this.storage.get(item.storage_key);
      if (pdf)
        files[`reports/${fileNameOf(item.display_name, item.gmc_number, item.verification_code)}`] = [
          pdf,
          { level: 0 },
        ];
    }
    const viewer = await this.viewerOf(batch.requested_by);
    const summary = await this.renderer.renderCohortSummary({
      deanery: batch.deanery,
      period: batch.period,
      issuedAt: new Date().toISOString(),
      issuedBy: viewer.displayName,
      rows: items.map((item) => ({
        name: item.display_name,
        gmcNumber: item.gmc_number,
        programme: item.content?.programme ?? '',
        stage: item.content?.stage.title ?? '',
        grade: item.content?.grade ?? '',
        outcome: item.outcome_code
          ? `${item.outcome_code} ${arcpOutcome(item.outcome_code)?.title ?? ''}`
          : 'No final outcome',
        signedOff: item.content
          ? `${item.content.elements.filter((element) => element.status === 'signed-off').length} of ${item.content.elements.length}`
          : '',
        verificationCode: item.verification_code,
        error: item.status === 'failed' ? item.error : null,
      })),
    });
    files['cohort-summary.pdf'] = [summary, { level: 0 }];
    const zip = Buffer.from(zipSync(files));
    await this.dataSource.transaction(async (manager) => {
      const key = await this.storage.put(zip, manager);
      await manager.query(
        `UPDATE report_batch SET status = 'finished', finished_at = now(), zip_storage_key = $2
          WHERE id = $1 AND status <> 'finished'`,
        [batch.id, key],
      );
    });
    this.logger.log(`Report batch ${batch.id} finished: ${Object.keys(files).length - 1} reports`);
  }

  private async head(batchId: string): Promise<BatchHead | null> {
    const [row] = (await this.dataSource.query(
      `SELECT batch.id, batch.period, batch.status, batch.requested_by, deanery.name AS deanery
         FROM report_batch batch JOIN deanery ON deanery.id = batch.deanery_id WHERE batch.id = $1`,
      [batchId],
    )) as BatchHead[];
    return row ?? null;
  }

  /** The batch renders with the eyes of the administrator who asked for it. */
  private async viewerOf(userId: string): Promise<SessionUser> {
    const [row] = (await this.dataSource.query(`SELECT id, email, display_name, roles FROM app_user WHERE id = $1`, [
      userId,
    ])) as { id: string; email: string; display_name: string; roles: SessionUser['roles'] }[];
    if (!row) throw new Error(`batch requested by unknown user ${userId}`);
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      sessionTokenHash: '',
      csrfToken: '',
    };
  }
}

function fileNameOf(name: string, gmcNumber: string | null, code: string): string {
  const safeName = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${safeName || 'trainee'}${gmcNumber ? `-${gmcNumber}` : ''}-${code}.pdf`;
}
