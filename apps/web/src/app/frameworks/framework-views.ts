import type { DomainView, ElementView, FrameworkTree, RatingLevelView, StageView } from '@portfolio/contracts';

/** An element as it applies at one stage: the outcomes a doctor at that stage shows. */
export interface ElementAtStage {
  element: ElementView;
  statements: string[];
}

export interface DomainAtStage {
  domain: DomainView;
  elements: ElementAtStage[];
}

export interface StageCoverage {
  domains: number;
  totalDomains: number;
  elements: number;
  totalElements: number;
}

export interface StageOutcomes {
  stage: StageView;
  statements: string[];
}

export interface LevelDescriptor {
  level: RatingLevelView;
  descriptor: string;
}

/** Everything the element page shows about one element. */
export interface ElementDetails {
  element: ElementView;
  domain: DomainView | null;
  outcomesByStage: StageOutcomes[];
  stagesNotApplying: StageView[];
  levelDescriptors: LevelDescriptor[];
}

function bySequence<T extends { sequence: number }>(items: readonly T[]): T[] {
  return [...items].sort((first, second) => first.sequence - second.sequence);
}

export function stagesInOrder(framework: FrameworkTree): StageView[] {
  return bySequence(framework.stages);
}

function elementAtStage(element: ElementView, stageKey: string): ElementAtStage | null {
  const outcomes = element.outcomes.find((stageOutcomes) => stageOutcomes.stage === stageKey);
  return outcomes ? { element, statements: outcomes.statements } : null;
}

function elementsAtStage(elements: readonly ElementView[], stageKey: string): ElementAtStage[] {
  return bySequence(elements)
    .map((element) => elementAtStage(element, stageKey))
    .filter((applicable): applicable is ElementAtStage => applicable !== null);
}

/** The domains with at least one element that applies at the stage, each with only those elements. */
export function domainsAtStage(framework: FrameworkTree, stageKey: string): DomainAtStage[] {
  return bySequence(framework.domains)
    .map((domain) => ({ domain, elements: elementsAtStage(domain.elements, stageKey) }))
    .filter((domainAtStage) => domainAtStage.elements.length > 0);
}

export function ungroupedElementsAtStage(framework: FrameworkTree, stageKey: string): ElementAtStage[] {
  return elementsAtStage(framework.ungroupedElements, stageKey);
}

export function stageCoverage(framework: FrameworkTree, stageKey: string): StageCoverage {
  const domains = domainsAtStage(framework, stageKey);
  const groupedElements = domains.reduce((count, domain) => count + domain.elements.length, 0);
  return {
    domains: domains.length,
    totalDomains: framework.domains.length,
    elements: groupedElements + ungroupedElementsAtStage(framework, stageKey).length,
    totalElements:
      framework.domains.reduce((count, domain) => count + domain.elements.length, 0) +
      framework.ungroupedElements.length,
  };
}

export function describeElement(framework: FrameworkTree, elementKey: string): ElementDetails | null {
  const domain =
    framework.domains.find((candidate) => candidate.elements.some((element) => element.key === elementKey)) ?? null;
  const element = (domain?.elements ?? framework.ungroupedElements).find((candidate) => candidate.key === elementKey);
  if (!element) {
    return null;
  }

  const outcomesByStage: StageOutcomes[] = [];
  const stagesNotApplying: StageView[] = [];
  for (const stage of stagesInOrder(framework)) {
    const applicable = elementAtStage(element, stage.key);
    if (applicable) {
      outcomesByStage.push({ stage, statements: applicable.statements });
    } else {
      stagesNotApplying.push(stage);
    }
  }

  const levelDescriptors = bySequence(framework.ratingScale).flatMap((level) => {
    const descriptor = element.levelDescriptors.find((candidate) => candidate.level === level.key);
    return descriptor ? [{ level, descriptor: descriptor.descriptor }] : [];
  });

  return { element, domain, outcomesByStage, stagesNotApplying, levelDescriptors };
}
