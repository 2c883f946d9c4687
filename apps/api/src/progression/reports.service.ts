import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type ArcpOutcomeCode,
  type ProgressionReportView,
  type ReportVerification,
  arcpOutcome,
  isReviewPeriod,
} from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import { FileStorage } from '../storage/file-storage';
import { type AssembledReport, ReportDataSource } from './report-data-source';
import type { RenderedReport } from './report-pdf';
import { ReportRenderer } from './report-renderer';
import { ReviewsService } from './reviews.service';

interface ReportRow {
  id: string;
  trainee_id: string;
  period: string;
  review_id: string | null;
  outcome_code: ArcpOutcomeCode | null;
  verification_code: string;
  content_sha256: string;
  file_sha256: string;
  storage_key: string;
  pages: number;
  issued_at: Date;
}

const reportColumns = `id, trainee_id, period, review_id, outcome_code, verification_code, content_sha256, file_sha256,
  storage_key, pages, issued_at`;

/** Issuing progression reports, serving them, and telling anyone whether a report is genuine. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly source: ReportDataSource,
    private readonly renderer: ReportRenderer,
    private readonly storage: FileStorage,
    private readonly reviews: ReviewsService,
    private readonly audit: AuditService,
  ) {}

  async issue(user: SessionUser, traineeId: string, period: string): Promise<ProgressionReportView> {
    await this.requireManaged(user, traineeId);
    if (!isReviewPeriod(period)) throw fieldError('period', 'period must be a training year such as 2026-27');
    const [assembled] = await this.source.assemble(user, [traineeId], period);
    if (!assembled) throw new NotFoundException('This trainee has no training record to report on.');
    return this.dataSource.transaction((manager) => this.store(manager, user, assembled, null));
  }

  /** Renders and stores one assembled report, in the caller's transaction. */
  async store(
    manager: EntityManager,
    user: SessionUser,
    assembled: AssembledReport,
    batchId: string | null,
  ): Promise<ProgressionReportView> {
    return this.storeRendered(manager, user, assembled, await this.renderer.render(assembled.data), batchId);
  }

  /** Stores a report already rendered (a batch renders a chunk on the worker threads first). */
  async storeRendered(
    manager: EntityManager,
    user: SessionUser,
    assembled: AssembledReport,
    rendered: RenderedReport,
    batchId: string | null,
  ): Promise<ProgressionReportView> {
    const storageKey = await this.storage.put(rendered.pdf, manager);
    const [row] = (await manager.query(
      `INSERT INTO progression_report (trainee_id, period, review_id, outcome_code, verification_code, content,
                                       content_sha256, file_sha256, storage_key, pages, issued_by, issued_at, batch_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${reportColumns}`,
      [
        assembled.traineeId,
        assembled.data.period,
        assembled.reviewId,
        assembled.outcomeCode,
        assembled.data.verificationCode,
        assembled.data,
        rendered.contentSha256,
        rendered.fileSha256,
        storageKey,
        rendered.pages,
        user.id,
        assembled.data.issuedAt,
        batchId,
      ],
    )) as ReportRow[];
    await this.audit.record(
      {
        actorId: user.id,
        action: 'report.issued',
        entityType: 'progression_report',
        entityId: row?.id ?? null,
        details: { traineeId: assembled.traineeId, period: assembled.data.period, batchId },
      },
      manager,
    );
    return toView(row as ReportRow);
  }

  async list(user: SessionUser, traineeId: string): Promise<ProgressionReportView[]> {
    await this.requireManaged(user, traineeId);
    const rows = (await this.dataSource.query(
      `SELECT ${reportColumns} FROM progression_report WHERE trainee_id = $1 ORDER BY issued_at DESC LIMIT 50`,
      [traineeId],
    )) as ReportRow[];
    return rows.map(toView);
  }

  async pdf(user: SessionUser, id: string): Promise<{ fileName: string; content: Buffer }> {
    const [row] = (await this.dataSource.query(`SELECT ${reportColumns} FROM progression_report WHERE id = $1`, [
      id,
    ])) as ReportRow[];
    const content =
      row && (await this.reviews.manages(this.dataSource.manager, user, row.trainee_id))
        ? await this.storage.get(row.storage_key)
        : null;
    if (!row || !content) throw new NotFoundException('There is no report with that id that you can see.');
    return { fileName: `progression-report-${row.period}-${row.verification_code}.pdf`, content };
  }

  async verifyCode(code: string): Promise<ReportVerification> {
    return this.verification(`verification_code = $1`, code.trim().toUpperCase());
  }

  async verifyFile(file: Buffer): Promise<ReportVerification> {
    return this.verification(`file_sha256 = $1`, createHash('sha256').update(file).digest('hex'));
  }

  private async verification(condition: string, value: string): Promise<ReportVerification> {
    const [row] = (await this.dataSource.query(
      `SELECT report.verification_code, report.period, report.outcome_code, report.issued_at, report.content_sha256,
              report.file_sha256, report.content -> 'trainee' ->> 'name' AS trainee_name,
              report.content -> 'trainee' ->> 'gmcNumber' AS gmc_number,
              report.content -> 'review' ->> 'reviewDate' AS review_date
         FROM progression_report report WHERE ${condition} ORDER BY issued_at LIMIT 1`,
      [value],
    )) as {
      verification_code: string;
      period: string;
      outcome_code: ArcpOutcomeCode | null;
      issued_at: Date;
      content_sha256: string;
      file_sha256: string;
      trainee_name: string;
      gmc_number: string | null;
      review_date: string | null;
    }[];
    if (!row) return { genuine: false, report: null };
    return {
      genuine: true,
      report: {
        verificationCode: row.verification_code,
        traineeName: row.trainee_name,
        gmcNumber: row.gmc_number,
        period: row.period,
        outcomeCode: row.outcome_code,
        outcomeTitle: row.outcome_code ? (arcpOutcome(row.outcome_code)?.title ?? null) : null,
        reviewDate: row.review_date,
        issuedAt: row.issued_at.toISOString(),
        contentSha256: row.content_sha256,
        fileSha256: row.file_sha256,
      },
    };
  }

  private async requireManaged(user: SessionUser, traineeId: string): Promise<void> {
    if (!(await this.reviews.manages(this.dataSource.manager, user, traineeId))) {
      throw new NotFoundException('There is no trainee with that id in your deanery.');
    }
  }
}

function toView(row: ReportRow): ProgressionReportView {
  return {
    id: row.id,
    traineeId: row.trainee_id,
    period: row.period,
    reviewId: row.review_id,
    outcomeCode: row.outcome_code,
    verificationCode: row.verification_code,
    contentSha256: row.content_sha256,
    fileSha256: row.file_sha256,
    pages: row.pages,
    issuedAt: row.issued_at.toISOString(),
  };
}
