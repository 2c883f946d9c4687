export type ElementProgressStatusView = 'not-started' | 'evidenced' | 'assessed' | 'signed-off';

export interface StatusTotalsView {
  'not-started': number;
  evidenced: number;
  assessed: number;
  'signed-off': number;
}

export type CrosswalkRelationName = 'exactMatchOf' | 'isRelatedTo';

/** An element of another framework whose evidence counts towards this one through a crosswalk. */
export interface CrosswalkEvidenceSourceView {
  frameworkKey: string;
  frameworkVersion: string;
  elementKey: string;
  elementCode: string;
  elementTitle: string;
  relation: CrosswalkRelationName;
  evidenceCount: number;
}

/** Evidence counting only through a crosswalk: never part of the element's own counts or status. */
export interface CrosswalkEvidenceView {
  evidenceCount: number;
  sources: CrosswalkEvidenceSourceView[];
}

export interface ElementProgressView {
  key: string;
  code: string;
  title: string;
  domainKey: string | null;
  evidenceCount: number;
  assessmentCount: number;
  signedOff: boolean;
  status: ElementProgressStatusView;
  /** Present only when crosswalks were asked for (`includeCrosswalks=true`). */
  crosswalk?: CrosswalkEvidenceView;
}

export interface DomainProgressView {
  key: string;
  code: string;
  title: string;
  elements: number;
  totals: StatusTotalsView;
}

export interface ProgressView {
  traineeId: string;
  frameworkKey: string;
  frameworkVersion: string;
  frameworkTitle: string;
  /** The framework's stages in order, to choose from. */
  stages: { key: string; title: string }[];
  stage: string;
  elements: ElementProgressView[];
  domains: DomainProgressView[];
  totals: StatusTotalsView;
  gaps: string[];
  /** The crosswalks applied, when asked for: each names the framework version mapped from. */
  crosswalks?: { key: string; title: string; frameworkKey: string; frameworkVersion: string; frameworkTitle: string }[];
}
