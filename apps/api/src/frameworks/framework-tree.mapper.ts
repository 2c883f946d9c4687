import type { ElementView, FrameworkTree } from '@portfolio/contracts';

import type { FrameworkElementEntity } from './framework.entities';
import type { StoredFramework } from './framework.repository';

/** Turns the stored rows of one version into the tree the API answers with. */
export function toFrameworkTree(stored: StoredFramework, versions: string[]): FrameworkTree {
  const { framework, stages, ratingLevels, domains, elements } = stored;
  const stageKeyById = new Map(stages.map((stage) => [stage.id, stage.key]));
  const levelKeyById = new Map(ratingLevels.map((level) => [level.id, level.key]));

  const statementsByElement = new Map<string, Map<string, string[]>>();
  for (const outcome of stored.outcomes) {
    const byStage = statementsByElement.get(outcome.elementId) ?? new Map<string, string[]>();
    const stageKey = stageKeyById.get(outcome.stageId) ?? '';
    byStage.set(stageKey, [...(byStage.get(stageKey) ?? []), outcome.statement]);
    statementsByElement.set(outcome.elementId, byStage);
  }

  const toElementView = (element: FrameworkElementEntity): ElementView => {
    const byStage = statementsByElement.get(element.id) ?? new Map<string, string[]>();
    const descriptors = stored.levelDescriptors.filter((descriptor) => descriptor.elementId === element.id);
    return {
      key: element.key,
      code: element.code,
      title: element.title,
      summary: element.summary,
      sequence: element.sequence,
      outcomes: stages
        .filter((stage) => byStage.has(stage.key))
        .map((stage) => ({ stage: stage.key, statements: byStage.get(stage.key) ?? [] })),
      levelDescriptors: ratingLevels
        .map((level) => ({
          level: level.key,
          descriptor: descriptors.find((descriptor) => levelKeyById.get(descriptor.ratingLevelId) === level.key)
            ?.descriptor,
        }))
        .filter((entry): entry is { level: string; descriptor: string } => entry.descriptor !== undefined),
    };
  };

  return {
    key: framework.key,
    version: framework.version,
    title: framework.title,
    description: framework.description,
    edition: framework.edition,
    publisher: framework.publisher,
    status: framework.status,
    versions,
    stages: stages.map(({ key, title, description, sequence }) => ({ key, title, description, sequence })),
    ratingScale: ratingLevels.map(({ key, title, description, sequence }) => ({ key, title, description, sequence })),
    domains: domains.map((domain) => ({
      key: domain.key,
      code: domain.code,
      title: domain.title,
      summary: domain.summary,
      sequence: domain.sequence,
      elements: elements.filter((element) => element.domainId === domain.id).map(toElementView),
    })),
    ungroupedElements: elements.filter((element) => element.domainId === null).map(toElementView),
  };
}
