import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type ReportBatchView, type StartReportBatchRequest, isReviewPeriod } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import { FileStorage } from '../storage/file-storage';
import { CohortRepository } from './cohort.repository';
import { ReportBatchQueue } from './report-batch-queue';

interface BatchRow {
  id: string;
  period: string;
  status: ReportBatchView['status'];
  total: number;
  done: number;
  failed: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  zip_storage_key: string | null;
  seconds_running: number | null;
}

/** A deanery's request for the reports of a whole cohort, and how far it has got. */
@Injectable()
export class ReportBatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cohort: CohortRepository,
    private readonly queue: ReportBatchQueue,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
  ) {}

  async start(user: SessionUser, request: StartReportBatchRequest): Promise<ReportBatchView> {
    if (!isReviewPeriod(request.period)) throw fieldError('period', 'period must be a training year such as 2026-27');
    const trainees = await this.cohort.all(user.id, request);
    if (trainees.length === 0) throw fieldError('period', 'No trainee of your deanery matches these filters');
    const id = await this.dataSource.transaction(async (manager) => {
      const [batch] = (await manager.query(
        `INSERT INTO report_batch (deanery_id, requested_by, period, filter, total)
         SELECT deanery_id, id, $2, $3, $4 FROM app_user WHERE id = $1 RETURNING id`,
        [
          user.id,
          request.period,
          { programmeId: request.programmeId, stageKey: request.stageKey, grade: request.grade },
          trainees.length,
        ],
      )) as { id: string }[];
      const batchId = (batch as { id: string }).id;
      await manager.query(
        `INSERT INTO report_batch_item (batch_id, trainee_id, position)
         SELECT $1, trainee_id, position FROM unnest($2::uuid[]) WITH ORDINALITY AS item(trainee_id, position)`,
        [batchId, trainees.map((trainee) => trainee.trainee_id)],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'report-batch.started',
          entityType: 'report_batch',
          entityId: batchId,
          details: { period: request.period, total: trainees.length },
        },
        manager,
      );
      return batchId;
    });
    await this.queue.enqueue(id);
    return this.get(user, id);
  }

  async get(user: SessionUser, id: string): Promise<ReportBatchView> {
    const [row] = (await this.dataSource.query(
      `SELECT batch.id, batch.period, batch.status, batch.total, batch.created_at, batch.started_at, batch.finished_at,
              batch.zip_storage_key,
              extract(epoch FROM coalesce(batch.finished_at, now()) - batch.started_at)::float AS seconds_running,
              count(*) FILTER (WHERE item.status = 'done')::int AS done,
              count(*) FILTER (WHERE item.status = 'failed')::int AS failed
         FROM report_batch batch JOIN report_batch_item item ON item.batch_id = batch.id
        WHERE batch.id = $1 AND batch.deanery_id = (SELECT deanery_id FROM app_user WHERE id = $2)
        GROUP BY batch.id`,
      [id, user.id],
    )) as BatchRow[];
    if (!row) throw new NotFoundException('There is no report batch with that id for your deanery.');
    const failures = (await this.dataSource.query(
      `SELECT item.trainee_id, trainee.display_name, item.error FROM report_batch_item item
         JOIN app_user trainee ON trainee.id = item.trainee_id
        WHERE item.batch_id = $1 AND item.status = 'failed' ORDER BY item.position LIMIT 100`,
      [id],
    )) as { trainee_id: string; display_name: string; error: string }[];
    const processed = row.done + row.failed;
    const pace = row.seconds_running && processed > 0 ? processed / row.seconds_running : null;
    return {
      id: row.id,
      period: row.period,
      status: row.status,
      total: row.total,
      done: row.done,
      failed: row.failed,
      failures: failures.map((failure) => ({
        traineeId: failure.trainee_id,
        traineeName: failure.display_name,
        error: failure.error,
      })),
      startedAt: row.started_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      estimatedSecondsLeft: row.status === 'finished' ? 0 : pace ? Math.ceil((row.total - processed) / pace) : null,
      downloadReady: row.status === 'finished' && row.zip_storage_key !== null,
    };
  }

  async zip(user: SessionUser, id: string): Promise<{ fileName: string; content: Buffer }> {
    const batch = await this.get(user, id);
    const [row] = (await this.dataSource.query(`SELECT zip_storage_key FROM report_batch WHERE id = $1`, [id])) as {
      zip_storage_key: string | null;
    }[];
    const content = row?.zip_storage_key ? await this.storage.get(row.zip_storage_key) : null;
    if (!content) throw new NotFoundException('The reports of this batch are not ready yet.');
    return { fileName: `progression-reports-${batch.period}.zip`, content };
  }
}
