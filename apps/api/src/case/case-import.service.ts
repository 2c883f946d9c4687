import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import addFormats from 'ajv-formats';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type CaseItemRole, casePackageToFramework, listElements, validateFrameworkFile } from '@portfolio/competency';
import type { CaseImportView } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { CrosswalkError, CrosswalkImporter } from '../frameworks/crosswalk-importer';
import {
  CorrespondenceError,
  FrameworkImporter,
  PublishedFrameworkChangedError,
} from '../frameworks/framework-importer';
import { CasePackagesService } from './case-packages.service';

/**
 * Loads a CASE 1.1 CFPackage as a framework version: checked against the official schema, the
 * tree rebuilt, checked again as a framework, and stored by the same importer as the shipped
 * files (the same package again changes nothing; a changed published version is refused).
 */
@Injectable()
export class CaseImportService {
  private readonly validatePackage: ValidateFunction;
  private readonly frameworkSchema: object;

  constructor(
    private readonly importer: FrameworkImporter,
    private readonly crosswalks: CrosswalkImporter,
    private readonly packages: CasePackagesService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    this.validatePackage = ajv.compile(
      JSON.parse(
        readFileSync(join(config.frameworkDataDir, 'schema/case-v1p1-cfpackage.schema.json'), 'utf8'),
      ) as object,
    );
    this.frameworkSchema = JSON.parse(
      readFileSync(join(config.frameworkDataDir, 'schema/framework.schema.json'), 'utf8'),
    ) as object;
  }

  async import(
    user: SessionUser,
    casePackage: unknown,
    options: { key?: string; itemTypeRoles?: Record<string, CaseItemRole> },
  ): Promise<CaseImportView> {
    if (!this.validatePackage(casePackage)) {
      throw invalid(
        'The package is not a valid CASE 1.1 CFPackage.',
        (this.validatePackage.errors ?? []).slice(0, 50).map((error) => ({
          field: `package${error.instancePath.replace(/\//g, '.')}`,
          message: `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`,
        })),
      );
    }
    const counterparts = await this.packages.counterparts();
    const result = casePackageToFramework(casePackage, {
      ...options,
      resolveCounterpart: (identifier) => counterparts.get(identifier),
    });
    if (!result.ok) {
      throw invalid(
        'The package cannot be read as a framework.',
        result.problems.map((problem) => ({
          field: `package${problem.path.replace(/\//g, '.')}`,
          message: problem.message,
        })),
        { itemTypes: result.itemTypes },
      );
    }
    const checked = validateFrameworkFile(result.framework, this.frameworkSchema);
    if (!checked.valid) {
      throw invalid(
        'The package reads as a framework this portfolio cannot hold.',
        checked.problems.map((problem) => ({
          field: `framework${problem.path.replace(/\//g, '.')}`,
          message: problem.message,
        })),
        { itemTypes: result.itemTypes },
      );
    }
    const framework = checked.framework;
    let imported: CaseImportView['result'];
    try {
      imported = await this.importer.importFramework(framework);
    } catch (error) {
      if (error instanceof PublishedFrameworkChangedError) {
        throw new ConflictException({ statusCode: 409, error: 'Conflict', message: error.message });
      }
      if (error instanceof CorrespondenceError) {
        throw invalid(error.message, [{ field: 'package.CFAssociations', message: error.message }], {
          itemTypes: result.itemTypes,
        });
      }
      throw error;
    }
    const crosswalks: CaseImportView['crosswalks'] = [];
    for (const crosswalk of result.crosswalks) {
      const summary = { key: crosswalk.key, mappings: crosswalk.mappings.length };
      try {
        crosswalks.push({
          ...summary,
          result: await this.crosswalks.importCrosswalk(crosswalk, { keepStoredWording: true }),
        });
      } catch (error) {
        if (!(error instanceof CrosswalkError)) throw error;
        crosswalks.push({ ...summary, result: 'skipped', reason: error.message });
      }
    }
    const elements = listElements(framework);
    await this.audit.record({
      actorId: user.id,
      action: 'framework.case-imported',
      entityType: 'framework',
      entityId: `${framework.key}@${framework.version}`,
      details: {
        result: imported,
        source: framework.source?.document.identifier,
        crosswalks: crosswalks.map(({ key, result }) => ({ key, result })),
      },
    });
    return {
      key: framework.key,
      version: framework.version,
      result: imported,
      itemTypes: result.itemTypes,
      domains: framework.domains?.length ?? 0,
      elements: elements.length,
      outcomes: elements.reduce(
        (sum, { element }) => sum + Object.values(element.outcomes).reduce((count, list) => count + list.length, 0),
        0,
      ),
      previousVersion: framework.previousVersion ?? null,
      correspondences: framework.correspondences?.length ?? 0,
      crosswalks,
    };
  }
}

function invalid(
  message: string,
  errors: { field: string; message: string }[],
  extra: Record<string, unknown> = {},
): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, errors, ...extra });
}
