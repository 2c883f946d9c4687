export type ElementProgressStatusView = 'not-started' | 'evidenced' | 'assessed' | 'signed-off';

export interface StatusTotalsView {
  'not-started': number;
  evidenced: number;
  assessed: number;
  'signed-off': number;
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
  stage: string;
  elements: ElementProgressView[];
  domains: DomainProgressView[];
  totals: StatusTotalsView;
  gaps: string[];
}
