import type { ElementView, FrameworkTree } from '@portfolio/contracts';

/** A framework element evidence can be linked to at a stage. */
export interface PickableElement {
  key: string;
  code: string;
  title: string;
  domainTitle: string | null;
}

function appliesAt(element: ElementView, stageKey: string): boolean {
  return element.outcomes.some((outcomes) => outcomes.stage === stageKey);
}

function bySequence<T extends { sequence: number }>(items: readonly T[]): T[] {
  return [...items].sort((first, second) => first.sequence - second.sequence);
}

/** The elements that apply at the stage (at any stage when none is given), in framework order. */
export function pickableElements(framework: FrameworkTree, stageKey: string | null): PickableElement[] {
  const applies = (element: ElementView) => stageKey === null || appliesAt(element, stageKey);
  const grouped = bySequence(framework.domains).flatMap((domain) =>
    bySequence(domain.elements)
      .filter(applies)
      .map((element) => ({ key: element.key, code: element.code, title: element.title, domainTitle: domain.title })),
  );
  const ungrouped = bySequence(framework.ungroupedElements)
    .filter(applies)
    .map((element) => ({ key: element.key, code: element.code, title: element.title, domainTitle: null }));
  return [...grouped, ...ungrouped];
}

const numberQuery = /^\d+(\.\d*)*$/;

/** "4" finds 4.1 to 4.4 but not 14.1; "4.2" finds 4.2; "4." finds the elements of domain 4. */
function matchesNumber(code: string, query: string): boolean {
  return query.includes('.') ? code.startsWith(query) : code === query || code.startsWith(`${query}.`);
}

/**
 * Elements found by their number ("4.2") or by words from their title or domain ("evaluat",
 * "improving services"): every word typed must begin a word of the element's text.
 */
export function searchElements(elements: readonly PickableElement[], query: string, limit = 10): PickableElement[] {
  const typed = query.trim().toLowerCase();
  if (!typed) {
    return [];
  }
  if (numberQuery.test(typed)) {
    return elements.filter((element) => matchesNumber(element.code, typed)).slice(0, limit);
  }
  const wanted = typed.split(/\s+/);
  return elements
    .filter((element) => {
      const words = `${element.code} ${element.title} ${element.domainTitle ?? ''}`.toLowerCase().split(/[^a-z0-9.]+/);
      return wanted.every((word) => words.some((candidate) => candidate.startsWith(word)));
    })
    .slice(0, limit);
}
