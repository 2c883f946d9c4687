import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type CaseAssociation,
  type CaseCounterpart,
  type CaseDocument,
  type CaseItem,
  type CasePackage,
  type CrosswalkFile,
  type FrameworkFile,
  caseIdentifier,
  frameworkToCasePackage,
  listElements,
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
    const stored = await this.stored();
    const versions = stored.filter((candidate) => candidate.key === key);
    const chosen = version ? versions.find((candidate) => candidate.version === version) : pickCurrentVersion(versions);
    if (!chosen) {
      throw new NotFoundException(
        version ? `There is no version '${version}' of framework '${key}'.` : `There is no framework '${key}'.`,
      );
    }
    return this.packageOf(chosen, stored);
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

  /** Which stored framework version and element a CASE identifier is, for associations that point outside a package. */
  async counterparts(): Promise<Map<string, CaseCounterpart>> {
    const counterparts = new Map<string, CaseCounterpart>();
    for (const { document } of await this.stored()) {
      for (const { element } of listElements(document)) {
        const path = `element/${element.id}`;
        counterparts.set(document.source?.nodes[path]?.identifier ?? caseIdentifier(document, path), {
          frameworkKey: document.key,
          frameworkVersion: document.version,
          elementId: element.id,
        });
      }
    }
    return counterparts;
  }

  private async all(): Promise<CasePackage[]> {
    const stored = await this.stored();
    return Promise.all(stored.map((each) => this.packageOf(each, stored)));
  }

  private async stored(): Promise<StoredDocument[]> {
    return (await this.dataSource.query(
      `SELECT id, key, version, status, document, imported_at FROM framework ORDER BY key, imported_at`,
    )) as StoredDocument[];
  }

  private async packageOf(stored: StoredDocument, everything: StoredDocument[]): Promise<CasePackage> {
    const crosswalks = (await this.dataSource.query(
      `SELECT document, to_framework_id, imported_at FROM framework_crosswalk WHERE from_framework_id = $1 ORDER BY key`,
      [stored.id],
    )) as { document: CrosswalkFile; to_framework_id: string; imported_at: Date }[];
    const previous = everything.find(
      (candidate) => candidate.key === stored.key && candidate.version === stored.document.previousVersion,
    );
    // A package changes when its version, its previous version or a crosswalk from it is stored again.
    const cacheKey = [stored, ...(previous ? [previous] : []), ...crosswalks]
      .map((part) => part.imported_at.toISOString())
      .join('|')
      .concat(`@${stored.id}`);
    let built = this.built.get(cacheKey);
    if (!built) {
      built = frameworkToCasePackage(stored.document, {
        baseUri: `${this.config.publicUrl}/${CASE_PATH}`,
        lastChangeDateTime: stored.imported_at.toISOString(),
        ...(previous ? { previous: previous.document } : {}),
        crosswalks: crosswalks.flatMap((row) => {
          const counterpart = everything.find((candidate) => candidate.id === row.to_framework_id);
          return counterpart ? [{ crosswalk: row.document, counterpart: counterpart.document }] : [];
        }),
      });
      this.built.set(cacheKey, built);
    }
    return built;
  }
}
