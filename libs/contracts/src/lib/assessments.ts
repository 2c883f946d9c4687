import type { EvidenceType, EvidenceView } from './evidence';

/**
 * An assessment moves draft → requested → in-progress → returned (and back to requested when
 * the trainee sends it again) → signed-off. A signed assessment never changes; a correction is
 * a new assessment that `amends` it.
 */
export const assessmentStatuses = ['draft', 'requested', 'in-progress', 'returned', 'signed-off'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  requested: 'Waiting for the assessor',
  'in-progress': 'Being assessed',
  returned: 'Returned for revision',
  'signed-off': 'Signed off',
};

/** Who is asked to assess: the trainee's educational supervisor, a registered assessor, or someone outside by email. */
export const assessorKinds = ['supervisor', 'assessor', 'external'] as const;
export type AssessorKind = (typeof assessorKinds)[number];

/** How long an external assessor's link stays valid. */
export const ASSESSMENT_TICKET_DAYS = 14;
/** After this many days waiting, the assessor is sent a reminder. */
export const ASSESSMENT_REMINDER_DAYS = 7;

export const assessmentFieldTypes = ['text', 'markdown', 'date', 'number', 'select', 'elements'] as const;
export type AssessmentFieldType = (typeof assessmentFieldTypes)[number];

export interface AssessmentOption {
  id: string;
  title: string;
  description?: string;
}

export interface AssessmentFieldView {
  id: string;
  type: AssessmentFieldType;
  label: string;
  help?: string;
  required: boolean;
  maxLength?: number;
  options?: AssessmentOption[];
}

export interface AssessmentSectionView {
  id: string;
  title: string;
  help?: string;
  fields: AssessmentFieldView[];
}

export interface AssessmentCriterionView {
  id: string;
  title: string;
  description?: string;
  /** The section of the trainee's part this criterion judges. */
  section?: string;
  /** Framework elements (keys such as `3.2`) the criterion evidences. */
  elementKeys: string[];
}

export interface AssessmentTemplateSummary {
  key: string;
  version: string;
  title: string;
  description: string;
  assessorKinds: AssessorKind[];
}

export interface AssessmentTemplateView extends AssessmentTemplateSummary {
  frameworkKey: string;
  /** When set, the trainee's part is kept in their evidence log as an item of this type. */
  evidenceType: EvidenceType | null;
  sections: AssessmentSectionView[];
  criteria: AssessmentCriterionView[];
  /** The assessor also rates each element the trainee linked (keys `element:<key>` in ratings). */
  rateLinkedElements: boolean;
  ratingScale: AssessmentOption[];
  overallJudgement: { label: string; options: AssessmentOption[] };
  feedback: { label: string; help?: string; required: boolean };
}

/** A field's answer: text, Markdown, ISO date and select ids are strings; `elements` fields are element keys. */
export type AssessmentAnswer = string | number | string[] | null;
/** The trainee's part: section id → field id → answer. */
export type AssessmentAnswers = Record<string, Record<string, AssessmentAnswer>>;

/** Rating keys are criterion ids, or `element:<elementKey>` for each element a discussion covered. */
export function elementRatingKey(elementKey: string): string {
  return `element:${elementKey}`;
}

export interface AssessorJudgement {
  ratings: Record<string, string>;
  overallJudgement: string | null;
  feedback: string;
}

export type AssessorChoice =
  | { kind: 'supervisor' }
  | { kind: 'assessor'; userId: string }
  | { kind: 'external'; email: string; name: string };

export interface CreateAssessmentRequest {
  templateKey: string;
  answers: AssessmentAnswers;
  /** Further evidence items the assessor should see alongside the work. */
  evidenceIds?: string[];
}

export interface UpdateAssessmentRequest {
  answers: AssessmentAnswers;
  evidenceIds?: string[];
  version: number;
}

export interface SendAssessmentRequest {
  assessor: AssessorChoice;
  version: number;
}

export interface SaveJudgementRequest extends AssessorJudgement {
  version: number;
}

export interface ReturnAssessmentRequest extends AssessorJudgement {
  /** What the trainee should change. */
  comments: string;
  version: number;
}

export type SignOffAssessmentRequest = SaveJudgementRequest;

export interface CorrectAssessmentRequest {
  reason: string;
}

/** Header a client sends with a sign-off so a retried request signs once. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export interface AssessorView {
  kind: AssessorKind;
  /** Null for an external assessor, who has no account. */
  userId: string | null;
  displayName: string;
  email: string;
}

export interface AssessmentRoundView {
  number: number;
  sentAt: string;
  /** The trainee's part as it was sent in this round. */
  answers: AssessmentAnswers;
  decision: 'returned' | 'signed-off' | 'withdrawn' | null;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The assessor's comments when returning the work. */
  comments: string;
  judgement: AssessorJudgement | null;
}

export interface AssessmentTicketView {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

export interface AssessmentSignatureView {
  signedAt: string;
  signedBy: string;
  signerKind: AssessorKind;
  /** SHA-256 (hex) of the canonical JSON of everything signed: the work, the evidence, the judgement and the signer. */
  contentSha256: string;
}

/** What the caller may do with the assessment now. */
export interface AssessmentActions {
  edit: boolean;
  send: boolean;
  assess: boolean;
  revokeTicket: boolean;
  correct: boolean;
}

export interface AssessmentView {
  id: string;
  trainee: { id: string; displayName: string; gmcNumber: string | null };
  template: AssessmentTemplateView;
  title: string;
  status: AssessmentStatus;
  stageKey: string | null;
  answers: AssessmentAnswers;
  /** The trainee's part as an evidence item, for templates that keep one. */
  work: EvidenceView | null;
  /** Further evidence the trainee put forward. */
  evidence: EvidenceView[];
  assessor: AssessorView | null;
  /** The assessor's current judgement: their draft while assessing, the final one once decided. */
  judgement: AssessorJudgement | null;
  rounds: AssessmentRoundView[];
  ticket: AssessmentTicketView | null;
  signature: AssessmentSignatureView | null;
  /** The signed assessment this one corrects, and why. */
  amends: { id: string; reason: string } | null;
  /** The correction that replaced this one, when there is one. */
  amendedBy: string | null;
  requestedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  actions: AssessmentActions;
}

export interface AssessmentSummary {
  id: string;
  traineeId: string;
  traineeName: string;
  templateKey: string;
  templateTitle: string;
  title: string;
  status: AssessmentStatus;
  assessorName: string | null;
  requestedAt: string | null;
  updatedAt: string;
  amendedBy: string | null;
}

export interface AssessmentPage {
  items: AssessmentSummary[];
  nextCursor: string | null;
}

/**
 * `mine`: the caller's own assessments as a trainee; `to-assess`: those the caller was asked to
 * assess; `trainee`: those of the trainee named by `traineeId` that the caller may see.
 */
export const assessmentListScopes = ['mine', 'to-assess', 'trainee'] as const;
export type AssessmentListScope = (typeof assessmentListScopes)[number];

export interface AssessorOption {
  id: string;
  displayName: string;
  /** "Educational supervisor", "Assessor", or both. */
  description: string;
}

/** An external assessor's session, opened from their link. */
export interface ExternalAssessmentSession {
  assessment: AssessmentView;
  /** Send in the X-XSRF-TOKEN header on every write. */
  csrfToken: string;
  expiresAt: string;
}

export interface RedeemTicketRequest {
  token: string;
}
