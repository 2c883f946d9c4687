import { Inject, Injectable, Logger } from '@nestjs/common';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { loadFrameworkFiles } from './framework-files';
import { FrameworkImporter, type ImportResult } from './framework-importer';

export interface SeedReport {
  imported: { key: string; version: string; result: ImportResult }[];
  refused: { key: string; version: string; reason: string }[];
}

/** Loads every file of `framework-data/` into the database. */
@Injectable()
export class FrameworkSeeder {
  private readonly logger = new Logger(FrameworkSeeder.name);

  constructor(
    private readonly importer: FrameworkImporter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedFrameworks(): Promise<SeedReport> {
    const report: SeedReport = { imported: [], refused: [] };
    for (const { framework } of await loadFrameworkFiles(this.config.frameworkDataDir)) {
      const { key, version } = framework;
      try {
        report.imported.push({ key, version, result: await this.importer.importFramework(framework) });
      } catch (error) {
        report.refused.push({ key, version, reason: (error as Error).message });
        this.logger.error((error as Error).message);
      }
    }
    const summary = report.imported.map(({ key, version, result }) => `${key} ${version} (${result})`).join(', ');
    this.logger.log(`Frameworks: ${summary || 'none found'}`);
    return report;
  }
}
