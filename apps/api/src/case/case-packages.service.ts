import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type CaseAssociation,
  type CaseDocument,
  type CaseItem,
  type CasePackage,
  type FrameworkFile,
  frameworkToCasePackage,
  pickCurrentVersion,
} from '@portfolio/competency';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';

export const CASE_PATH = 'ims/case/v1p1';

interface StoredDocument {
  id: string;
  key: string;
  version: string;
  status: 'draft' | 'published';
  document: FrameworkFile;
  imported_at: Date;
}

/**
 * Every stored framework version as a CASE 1.1 package. Identifiers are derived, not stored, so a
 * package is rebuilt from the stored file; each is kept in memory for the version's lifetime.
 */
@Injectable()
export class CasePackagesService {
  private readonly built = new Map<string, CasePackage>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forFramework(key: string, version?: string): Promise<CasePackage> {
    const versions = (await this.stored()).filter((candidate) => candidate.key === key);
    const chosen = version ? versions.find((candidate) => candidate.version === version) : pickCurrentVersion(versions);
    if (!chosen) {
      throw new NotFoundException(
        version ? `There is no version '${version}' of framework '${key}'.` : `There is no framework '${key}'.`,
      );
    }
    return this.packageOf(chosen);
  }

  async documents(): Promise<CaseDocument[]> {
    return (await this.all()).map((casePackage) => casePackage.CFDocument);
  }

  async packageByDocument(identifier: string): Promise<CasePackage | null> {
    return (await this.all()).find((casePackage) => casePackage.CFDocument.identifier === identifier) ?? null;
  }

  async item(identifier: string): Promise<CaseItem | null> {
    for (const casePackage of await this.all()) {
      const found = casePackage.CFItems.find((item) => item.identifier === identifier);
      if (found) return found;
    }
    return null;
  }

  async association(identifier: string): Promise<CaseAssociation | null> {
    for (const casePackage of await this.all()) {
      const found = casePackage.CFAssociations.find((association) => association.identifier === identifier);
      if (found) return found;
    }
    return null;
  }

  private async all(): Promise<CasePackage[]> {
    return (await this.stored()).map((stored) => this.packageOf(stored));
  }

  private async stored(): Promise<StoredDocument[]> {
    return (await this.dataSource.query(
      `SELECT id, key, version, status, document, imported_at FROM framework ORDER BY key, imported_at`,
    )) as StoredDocument[];
  }

  private packageOf(stored: StoredDocument): CasePackage {
    const cacheKey = `${stored.id}@${stored.imported_at.toISOString()}`;
    let built = this.built.get(cacheKey);
    if (!built) {
      built = frameworkToCasePackage(stored.document, {
        baseUri: `${this.config.publicUrl}/${CASE_PATH}`,
        lastChangeDateTime: stored.imported_at.toISOString(),
      });
      this.built.set(cacheKey, built);
    }
    return built;
  }
}
