/**
 * Coverage of a framework stage: for each element, how much evidence and assessment it has and
 * whether it is signed off, with totals per domain. Pure, so the dashboard, the API and the
 * progression report all count the same way.
 */
export type ElementProgressStatus = 'not-started' | 'evidenced' | 'assessed' | 'signed-off';

export interface ProgressElementInput {
  key: string;
  code: string;
  title: string;
  domainKey: string | null;
}

export interface ProgressDomainInput {
  key: string;
  code: string;
  title: string;
}

export interface ProgressInput {
  stage: string;
  domains: ProgressDomainInput[];
  /** The elements that apply at the stage, in framework order. */
  elements: ProgressElementInput[];
  evidenceCounts: ReadonlyMap<string, number>;
  assessmentCounts: ReadonlyMap<string, number>;
  signedOff: ReadonlySet<string>;
}

export interface ElementProgress extends ProgressElementInput {
  evidenceCount: number;
  assessmentCount: number;
  signedOff: boolean;
  status: ElementProgressStatus;
}

export type StatusTotals = Record<ElementProgressStatus, number>;

export interface DomainProgress extends ProgressDomainInput {
  elements: number;
  totals: StatusTotals;
}

export interface StageProgress {
  stage: string;
  elements: ElementProgress[];
  domains: DomainProgress[];
  totals: StatusTotals;
  /** Elements with no evidence at all: the gaps to show first. */
  gaps: string[];
}

export function elementStatus(
  evidenceCount: number,
  assessmentCount: number,
  signedOff: boolean,
): ElementProgressStatus {
  if (signedOff) return 'signed-off';
  if (assessmentCount > 0) return 'assessed';
  if (evidenceCount > 0) return 'evidenced';
  return 'not-started';
}

export function emptyTotals(): StatusTotals {
  return { 'not-started': 0, evidenced: 0, assessed: 0, 'signed-off': 0 };
}

export function computeStageProgress(input: ProgressInput): StageProgress {
  const elements = input.elements.map((element): ElementProgress => {
    const evidenceCount = input.evidenceCounts.get(element.key) ?? 0;
    const assessmentCount = input.assessmentCounts.get(element.key) ?? 0;
    const signedOff = input.signedOff.has(element.key);
    return {
      ...element,
      evidenceCount,
      assessmentCount,
      signedOff,
      status: elementStatus(evidenceCount, assessmentCount, signedOff),
    };
  });
  const totals = emptyTotals();
  for (const element of elements) {
    totals[element.status]++;
  }
  const domains = input.domains
    .map((domain): DomainProgress => {
      const inDomain = elements.filter((element) => element.domainKey === domain.key);
      const domainTotals = emptyTotals();
      for (const element of inDomain) {
        domainTotals[element.status]++;
      }
      return { ...domain, elements: inDomain.length, totals: domainTotals };
    })
    .filter((domain) => domain.elements > 0);
  return {
    stage: input.stage,
    elements,
    domains,
    totals,
    gaps: elements.filter((element) => element.evidenceCount === 0).map((element) => element.key),
  };
}
