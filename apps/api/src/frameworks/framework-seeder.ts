import { Inject, Injectable, Logger } from '@nestjs/common';

import { listElements, pickCurrentVersion } from '@portfolio/competency';

import { loadAssessmentTemplateFiles } from '../assessments/assessment-template-files';
import { AssessmentTemplatesRepository } from '../assessments/assessment-templates.repository';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { loadFrameworkFiles } from './framework-files';
import { FrameworkImporter, type ImportResult } from './framework-importer';

export interface SeedReport {
  imported: { key: string; version: string; result: ImportResult }[];
  refused: { key: string; version: string; reason: string }[];
}

/** Loads every framework and assessment template of `framework-data/` into the database. */
@Injectable()
export class FrameworkSeeder {
  private readonly logger = new Logger(FrameworkSeeder.name);

  constructor(
    private readonly importer: FrameworkImporter,
    private readonly templates: AssessmentTemplatesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedFrameworks(): Promise<SeedReport> {
    const report: SeedReport = { imported: [], refused: [] };
    const frameworkFiles = await loadFrameworkFiles(this.config.frameworkDataDir);
    for (const { framework } of frameworkFiles) {
      const { key, version } = framework;
      try {
        report.imported.push({ key, version, result: await this.importer.importFramework(framework) });
      } catch (error) {
        report.refused.push({ key, version, reason: (error as Error).message });
        this.logger.error((error as Error).message);
      }
    }
    const elementKeysOf = (frameworkKey: string) => {
      const current = pickCurrentVersion(
        frameworkFiles.map(({ framework }) => framework).filter((framework) => framework.key === frameworkKey),
      );
      return current ? new Set(listElements(current).map(({ element }) => element.id)) : null;
    };
    for (const template of await loadAssessmentTemplateFiles(this.config.frameworkDataDir, elementKeysOf)) {
      const { key, version } = template;
      try {
        report.imported.push({
          key: `assessment ${key}`,
          version,
          result: await this.templates.importTemplate(template),
        });
      } catch (error) {
        report.refused.push({ key: `assessment ${key}`, version, reason: (error as Error).message });
        this.logger.error((error as Error).message);
      }
    }
    const summary = report.imported.map(({ key, version, result }) => `${key} ${version} (${result})`).join(', ');
    this.logger.log(`Frameworks and assessment templates: ${summary || 'none found'}`);
    return report;
  }
}
