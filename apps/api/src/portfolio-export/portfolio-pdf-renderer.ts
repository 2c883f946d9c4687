import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';

import { renderPortfolioPdf } from './portfolio-pdf';
import type { PortfolioSummary } from './portfolio-summary';

/**
 * Renders portfolio PDFs on worker threads: a large portfolio's PDF takes long enough to hold up
 * other requests. The built server ships the worker beside `main.js`; without it (tests run from
 * the sources) the PDF renders on the calling thread.
 */
@Injectable()
export class PortfolioPdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(PortfolioPdfRenderer.name);
  private readonly pool: Piscina | null;

  constructor() {
    const workerFile = join(__dirname, 'portfolio-pdf-worker.js');
    // Half the cores at most: exports are occasional, and progression reports share the machine.
    this.pool = existsSync(workerFile)
      ? new Piscina({
          filename: workerFile,
          minThreads: 0,
          maxThreads: Math.max(1, Math.floor(availableParallelism() / 2)),
          idleTimeout: 60_000,
        })
      : null;
    if (!this.pool) this.logger.debug('No portfolio PDF worker beside the server: rendering on the main thread');
  }

  async render(summary: PortfolioSummary): Promise<Buffer> {
    if (!this.pool) return renderPortfolioPdf(summary);
    // Buffers come back from the worker as plain Uint8Arrays.
    return Buffer.from((await this.pool.run(summary)) as Uint8Array);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
