import { Inject, Injectable, Logger } from '@nestjs/common';

import { compareVersions, listElements, pickCurrentVersion } from '@portfolio/competency';

import { loadAssessmentTemplateFiles } from '../assessments/assessment-template-files';
import { AssessmentTemplatesRepository } from '../assessments/assessment-templates.repository';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { loadCrosswalkFiles } from './crosswalk-files';
import { type CrosswalkImportResult, CrosswalkImporter } from './crosswalk-importer';
import { loadFrameworkFiles } from './framework-files';
import { FrameworkImporter, type ImportResult } from './framework-importer';

export interface SeedReport {
  imported: { key: string; version: string; result: ImportResult | CrosswalkImportResult }[];
  refused: { key: string; version: string; reason: string }[];
}

/** Loads every framework and assessment template of `framework-data/` into the database. */
@Injectable()
export class FrameworkSeeder {
  private readonly logger = new Logger(FrameworkSeeder.name);

  constructor(
    private readonly importer: FrameworkImporter,
    private readonly crosswalks: CrosswalkImporter,
    private readonly templates: AssessmentTemplatesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedFrameworks(): Promise<SeedReport> {
    const report: SeedReport = { imported: [], refused: [] };
    // Oldest version first within a key: a version's correspondences need the previous one held.
    const frameworkFiles = (await loadFrameworkFiles(this.config.frameworkDataDir)).sort(
      (a, b) =>
        a.framework.key.localeCompare(b.framework.key) || compareVersions(a.framework.version, b.framework.version),
    );
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
    for (const crosswalk of await loadCrosswalkFiles(this.config.frameworkDataDir)) {
      const key = `crosswalk ${crosswalk.key}`;
      try {
        report.imported.push({ key, version: '', result: await this.crosswalks.importCrosswalk(crosswalk) });
      } catch (error) {
        report.refused.push({ key, version: '', reason: (error as Error).message });
        this.logger.error((error as Error).message);
      }
    }
    const summary = report.imported.map(({ key, version, result }) => `${key} ${version} (${result})`).join(', ');
    this.logger.log(`Frameworks and assessment templates: ${summary || 'none found'}`);
    return report;
  }
}
