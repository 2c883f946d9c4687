import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';

import type { CohortSummary } from './cohort-summary-document';
import type { ReportData } from './report-data';
import { type RenderedReport, renderReport } from './report-pdf';
import renderInWorker, { type RenderTask } from './report-worker';

/**
 * Renders reports on worker threads, one per core, so a cohort's PDFs never hold up requests.
 * The built server ships the worker beside `main.js`; where it is absent (tests run from the
 * sources) reports render on the calling thread.
 */
@Injectable()
export class ReportRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(ReportRenderer.name);
  private readonly pool: Piscina | null;

  constructor() {
    const workerFile = join(__dirname, 'report-worker.js');
    this.pool = existsSync(workerFile)
      ? new Piscina({ filename: workerFile, maxThreads: availableParallelism(), idleTimeout: 60_000 })
      : null;
    if (!this.pool) this.logger.debug('No report worker beside the server: rendering on the main thread');
  }

  get threads(): number {
    return this.pool ? availableParallelism() : 1;
  }

  async render(data: ReportData): Promise<RenderedReport> {
    if (!this.pool) return renderReport(data);
    const rendered = (await this.run({ kind: 'report', data })) as RenderedReport;
    // Buffers come back from the worker as plain Uint8Arrays.
    return { ...rendered, pdf: Buffer.from(rendered.pdf) };
  }

  /** The one-document summary of a cohort: hundreds of rows, so it too stays off the request thread. */
  async renderCohortSummary(summary: CohortSummary): Promise<Buffer> {
    return Buffer.from((await this.run({ kind: 'cohort-summary', summary })) as Uint8Array);
  }

  private run(task: RenderTask): Promise<RenderedReport | Uint8Array> {
    return this.pool ? (this.pool.run(task) as Promise<RenderedReport | Uint8Array>) : renderInWorker(task);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
