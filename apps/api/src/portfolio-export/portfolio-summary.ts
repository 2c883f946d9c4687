import type {
  AssessmentStatus,
  EvidenceStatus,
  EvidenceType,
  PortfolioExportPurpose,
  PortfolioProgressionOutcome,
  PortfolioTrainee,
  PortfolioTrainingRecord,
} from '@portfolio/contracts';

/**
 * What the portfolio PDF prints: plain JSON (it crosses to a worker thread), one short line per
 * item and no bodies or files, so it stays small however large the portfolio.
 */
export interface PortfolioSummary {
  exportedAt: string;
  purpose: PortfolioExportPurpose;
  trainee: Pick<PortfolioTrainee, 'name' | 'email' | 'gmcNumber'>;
  trainingRecords: PortfolioTrainingRecord[];
  evidence: SummaryEvidenceItem[];
  assessments: SummaryAssessment[];
  elementSignOffs: SummarySignOff[];
  progressionOutcomes: Pick<PortfolioProgressionOutcome, 'period' | 'reviewDate' | 'outcomeCode' | 'outcomeTitle'>[];
}

export interface SummaryEvidenceItem {
  title: string;
  occurredOn: string;
  type: EvidenceType;
  status: EvidenceStatus;
  elementCodes: string[];
  attachments: number;
  path: string;
}

export interface SummaryAssessment {
  title: string;
  templateTitle: string;
  status: AssessmentStatus;
  signedAt: string | null;
  signedBy: string | null;
  overallJudgementTitle: string | null;
  contentSha256: string | null;
  path: string;
}

export interface SummarySignOff {
  kind: 'sign-off' | 'withdrawal';
  elementCode: string;
  elementTitle: string;
  stageKey: string;
  recordedBy: string;
  recordedAt: string;
}
