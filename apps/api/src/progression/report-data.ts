import type { ArcpOutcomeCode } from '@portfolio/contracts';

export type ReportElementStatus = 'not-started' | 'evidenced' | 'assessed' | 'signed-off';

/**
 * Everything a progression report says, as plain data: what the PDF prints and what its
 * content hash covers. Dates are ISO strings so the data is the same wherever it is made.
 */
export interface ReportData {
  verificationCode: string;
  verifyUrl: string;
  issuedAt: string;
  issuedBy: string;
  deanery: string;
  programme: string;
  trainee: { name: string; gmcNumber: string | null };
  stage: { key: string; title: string };
  grade: string;
  period: string;
  framework: { title: string; version: string };
  review: {
    reviewDate: string;
    panelMembers: string[];
    outcome: { code: ArcpOutcomeCode; title: string; meaning: string };
    reasons: string;
    requiredActions: string;
    finalisedBy: string;
    finalisedAt: string;
  } | null;
  domains: {
    code: string;
    title: string;
    elements: number;
    totals: Record<ReportElementStatus, number>;
  }[];
  elements: {
    code: string;
    title: string;
    domainCode: string | null;
    status: ReportElementStatus;
    evidenceCount: number;
    assessmentCount: number;
    signedOffBy: string | null;
    signedOffAt: string | null;
  }[];
  assessments: { title: string; templateTitle: string; signedBy: string; signedAt: string; overallJudgement: string }[];
  gaps: { code: string; title: string }[];
}

export const reportStatusLabels: Record<ReportElementStatus, string> = {
  'signed-off': 'Signed off',
  assessed: 'Assessed',
  evidenced: 'Evidenced',
  'not-started': 'Not started',
};
