import type { AssessmentAnswers, AssessmentStatus, AssessorJudgement, AssessorKind } from '../assessments';
import type { EvidenceStatus, EvidenceType, EvidenceVisibility } from '../evidence';
import type { ArcpOutcomeCode } from '../progression';

/**
 * The portable portfolio: what `portfolio.json` in a trainee's export ZIP holds. Its JSON Schema
 * is `portfolio-v1.schema.json` beside this file (and `portfolio.schema.json` inside every ZIP).
 * Versioning: see docs/portfolio-export.md. A new optional field is a minor version; anything a
 * reader of an older version could misread is a new major version and a new schema file.
 */
export const PORTFOLIO_SCHEMA_VERSION = '1.0.0';

/** Why the export was made: the trainee's own download, or a deanery's subject access request. */
export type PortfolioExportPurpose = 'trainee-download' | 'subject-access-request';

export interface PortfolioExport {
  schemaVersion: typeof PORTFOLIO_SCHEMA_VERSION;
  exportedAt: string;
  purpose: PortfolioExportPurpose;
  trainee: PortfolioTrainee;
  trainingRecords: PortfolioTrainingRecord[];
  supervisors: PortfolioSupervisorAssignment[];
  elementSignOffs: PortfolioElementSignOff[];
  progressionOutcomes: PortfolioProgressionOutcome[];
  evidence: PortfolioEvidenceItem[];
  assessments: PortfolioAssessment[];
}

export interface PortfolioTrainee {
  id: string;
  name: string;
  email: string;
  gmcNumber: string | null;
  profession: string | null;
}

export interface PortfolioTrainingRecord {
  deanery: string;
  programme: string;
  stageKey: string;
  grade: string;
  startsOn: string;
  endsOn: string | null;
}

export interface PortfolioSupervisorAssignment {
  name: string;
  startsOn: string;
  endsOn: string | null;
}

export interface PortfolioEvidenceLink {
  frameworkKey: string;
  frameworkVersion: string;
  elementKey: string;
  elementCode: string;
  elementTitle: string;
  stageKey: string;
  note: string;
}

export interface PortfolioAddendum {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface PortfolioAttachment {
  id: string;
  /** The name it was uploaded with (sanitised on upload). */
  fileName: string;
  /** Where the file is inside the ZIP. */
  path: string;
  sha256: string;
  size: number;
  contentType: string;
  uploadedAt: string;
}

export interface PortfolioEvidenceItem {
  id: string;
  type: EvidenceType;
  title: string;
  occurredOn: string;
  status: EvidenceStatus;
  visibility: EvidenceVisibility;
  /** Markdown as the trainee wrote it. */
  body: string;
  /** The item as a Markdown file inside the ZIP. */
  path: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  lockedAt: string | null;
  links: PortfolioEvidenceLink[];
  addenda: PortfolioAddendum[];
  attachments: PortfolioAttachment[];
}

export interface PortfolioAssessmentRound {
  number: number;
  sentAt: string;
  assessorName: string;
  /** The trainee's answers as sent in this round. */
  answers: AssessmentAnswers;
  decision: 'returned' | 'signed-off' | 'withdrawn' | null;
  decidedAt: string | null;
  decidedBy: string | null;
  comments: string;
  /** Shown once the round is decided; an assessor's draft stays theirs. */
  judgement: AssessorJudgement | null;
}

export interface PortfolioSignature {
  signedAt: string;
  signedBy: string;
  /** SHA-256 of the canonical JSON of `content` (keys sorted, no spaces): recompute it to check. */
  contentSha256: string;
  /** Everything the signature covers, as it was signed. */
  content: Record<string, unknown>;
}

export interface PortfolioAssessment {
  id: string;
  /** The assessment as a JSON file inside the ZIP. */
  path: string;
  title: string;
  template: { key: string; version: string; title: string };
  status: AssessmentStatus;
  stageKey: string | null;
  answers: AssessmentAnswers;
  workEvidenceId: string | null;
  evidenceIds: string[];
  assessor: { kind: AssessorKind | null; name: string | null };
  requestedAt: string | null;
  /** The decided judgement (returned or signed off); null while it is the assessor's draft. */
  judgement: AssessorJudgement | null;
  overallJudgementTitle: string | null;
  rounds: PortfolioAssessmentRound[];
  signature: PortfolioSignature | null;
  amends: string | null;
  correctionReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PortfolioElementSignOff {
  id: string;
  kind: 'sign-off' | 'withdrawal';
  elementKey: string;
  elementCode: string;
  elementTitle: string;
  stageKey: string;
  recordedBy: string;
  recordedAt: string;
  evidenceIds: string[];
  assessmentIds: string[];
  note: string;
  supersedes: string | null;
}

export interface PortfolioProgressionOutcome {
  id: string;
  period: string;
  reviewDate: string;
  outcomeCode: ArcpOutcomeCode;
  outcomeTitle: string;
  panelMembers: string[];
  reasons: string;
  requiredActions: string;
  finalisedAt: string;
  finalisedBy: string | null;
  amends: string | null;
  correctionReason: string | null;
}
