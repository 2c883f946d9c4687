import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { PortfolioExportPurpose } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import type { StreamedDownload } from '../common/download-response';
import { fieldError } from '../common/field-errors';
import { inViewersDeanery } from '../progression/deanery-scope';
import { FileStorage } from '../storage/file-storage';
import { writePortfolioArchive } from './portfolio-archive';
import { slugOf } from './portfolio-names';
import { PortfolioPdfRenderer } from './portfolio-pdf-renderer';
import { PortfolioReader } from './portfolio-reader';
import { ZipStream } from './zip-stream';

interface Requester {
  user: SessionUser;
  reason?: string;
  ipAddress: string | null;
}

/**
 * The trainee's portable portfolio: the trainee downloads all of theirs, drafts and private
 * reflections included; a deanery administrator of their deanery may export it, with a reason,
 * for a subject access request. Anyone else is told there is no such trainee.
 */
@Injectable()
export class PortfolioExportService {
  private readonly logger = new Logger(PortfolioExportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly pdfRenderer: PortfolioPdfRenderer,
  ) {}

  /** Checks access and records the export, then returns the ZIP as a stream being written. */
  async open(traineeId: string, { user, reason, ipAddress }: Requester): Promise<StreamedDownload> {
    const { name, purpose } = await this.purposeOf(user, traineeId, reason);
    const exportedAt = new Date().toISOString();
    await this.audit.record({
      actorId: user.id,
      action: 'portfolio.exported',
      entityType: 'user',
      entityId: traineeId,
      details: { purpose, ...(purpose === 'subject-access-request' ? { reason: reason?.trim() } : {}) },
      ipAddress,
    });
    const zip = new ZipStream();
    this.write(zip, traineeId, { purpose, exportedAt }).catch((error: unknown) => {
      if (!zip.output.destroyed) {
        this.logger.error(`Portfolio export of ${traineeId} failed`, error instanceof Error ? error.stack : error);
        zip.fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
    return {
      fileName: `portfolio-${slugOf(name, 'trainee')}-${exportedAt.slice(0, 10)}.zip`,
      contentType: 'application/zip',
      stream: zip.output,
    };
  }

  private async purposeOf(
    user: SessionUser,
    traineeId: string,
    reason: string | undefined,
  ): Promise<{ name: string; purpose: PortfolioExportPurpose }> {
    const [row] = (await this.dataSource.query(
      `SELECT trainee.display_name, trainee.id = $2 AS is_self, ${inViewersDeanery('trainee.id', '$2')} AS in_deanery
         FROM app_user trainee WHERE trainee.id = $1 AND 'trainee' = ANY (trainee.roles)`,
      [traineeId, user.id],
    )) as { display_name: string; is_self: boolean; in_deanery: boolean }[];
    if (row?.is_self && user.roles.includes('trainee')) {
      return { name: row.display_name, purpose: 'trainee-download' };
    }
    if (row?.in_deanery && user.roles.includes('deanery_admin')) {
      if (!reason?.trim()) {
        throw fieldError(
          'reason',
          'reason must say why you are exporting this portfolio, such as the request it answers',
        );
      }
      return { name: row.display_name, purpose: 'subject-access-request' };
    }
    throw new NotFoundException('There is no trainee with that id whose portfolio you can export.');
  }

  /** Reads everything in one REPEATABLE READ snapshot, so the ZIP is one consistent moment. */
  private async write(
    zip: ZipStream,
    traineeId: string,
    request: { purpose: PortfolioExportPurpose; exportedAt: string },
  ): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const sources = {
        reader: new PortfolioReader(runner, traineeId),
        storage: this.storage,
        renderPdf: (summary: Parameters<PortfolioPdfRenderer['render']>[0]) => this.pdfRenderer.render(summary),
      };
      await writePortfolioArchive(zip, sources, request);
    } finally {
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }
}
