import { Injectable, NotFoundException } from '@nestjs/common';

import { compareVersions, pickCurrentVersion } from '@portfolio/competency';
import type { FrameworkSummary, FrameworkTree } from '@portfolio/contracts';

import { toFrameworkTree } from './framework-tree.mapper';
import { FrameworkRepository, type StoredVersion } from './framework.repository';

@Injectable()
export class FrameworksService {
  constructor(private readonly repository: FrameworkRepository) {}

  /** The current version of every framework held. */
  async listFrameworks(): Promise<FrameworkSummary[]> {
    const versionsByKey = groupByKey(await this.repository.listVersions());
    return [...versionsByKey.values()].flatMap((versions) => {
      const current = pickCurrentVersion(versions);
      return current
        ? [
            {
              key: current.key,
              version: current.version,
              title: current.title,
              status: current.status,
              counts: { stages: current.stages, domains: current.domains, elements: current.elements },
              versions: versionLabels(versions),
            },
          ]
        : [];
    });
  }

  /** One version of a framework as a tree; its current version when none is named. */
  async getFramework(key: string, version?: string): Promise<FrameworkTree> {
    const versions = await this.repository.listVersions(key);
    if (versions.length === 0) {
      throw new NotFoundException(`There is no framework with the key '${key}'.`);
    }
    const chosen = version === undefined ? pickCurrentVersion(versions) : versions.find((v) => v.version === version);
    if (!chosen) {
      throw new NotFoundException(
        `Framework '${key}' has no version '${version}'. Versions held: ${versionLabels(versions).join(', ')}.`,
      );
    }
    const stored = await this.repository.loadFramework(chosen.id);
    if (!stored) {
      throw new NotFoundException(
        `Framework '${key}' version '${chosen.version}' was removed while it was being read.`,
      );
    }
    return toFrameworkTree(stored, versionLabels(versions));
  }
}

function groupByKey(versions: StoredVersion[]): Map<string, StoredVersion[]> {
  const byKey = new Map<string, StoredVersion[]>();
  for (const version of versions) {
    byKey.set(version.key, [...(byKey.get(version.key) ?? []), version]);
  }
  return byKey;
}

function versionLabels(versions: StoredVersion[]): string[] {
  return versions.map((version) => version.version).sort(compareVersions);
}
