import type { PatientIdentifierWarning } from './patient-identifier-warning';

export const evidenceTypes = [
  'reflection',
  'leadership-activity',
  'service-improvement-project',
  'course-or-event',
  'teaching',
  'shadowing-or-paired-learning',
  'feedback-received',
  'presentation-or-publication',
  'other',
] as const;
export type EvidenceType = (typeof evidenceTypes)[number];

export const evidenceTypeLabels: Record<EvidenceType, string> = {
  reflection: 'Reflection',
  'leadership-activity': 'Leadership activity',
  'service-improvement-project': 'Service-improvement project',
  'course-or-event': 'Course or event',
  teaching: 'Teaching',
  'shadowing-or-paired-learning': 'Shadowing or paired learning',
  'feedback-received': 'Feedback received',
  'presentation-or-publication': 'Presentation or publication',
  other: 'Other',
};

export const evidenceVisibilities = ['private', 'supervisor', 'panel'] as const;
export type EvidenceVisibility = (typeof evidenceVisibilities)[number];

export const evidenceVisibilityLabels: Record<EvidenceVisibility, string> = {
  private: 'Private: only you',
  supervisor: 'Shared with your educational supervisor',
  panel: 'Visible to your supervisor and the progression panel',
};

export const evidenceStatuses = ['draft', 'submitted', 'locked'] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

export interface EvidenceLinkInput {
  elementKey: string;
  /** Defaults to the trainee's current stage. */
  stageKey?: string;
  note?: string;
}

export interface EvidenceLinkView {
  frameworkKey: string;
  frameworkVersion: string;
  elementKey: string;
  elementCode: string;
  elementTitle: string;
  stageKey: string;
  note: string;
}

export interface EvidenceAddendumView {
  id: string;
  body: string;
  bodyHtml: string;
  createdAt: string;
}

/** Largest attachment the API takes: 20 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Kinds of file an attachment may be; the API checks the content, not the name. */
export const attachmentKindsDescription = 'PDF, images (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint or plain text';

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

export interface EvidenceView {
  id: string;
  traineeId: string;
  type: EvidenceType;
  title: string;
  occurredOn: string;
  /** Markdown as written. */
  body: string;
  /** The Markdown rendered to HTML and sanitised: safe to show as it is. */
  bodyHtml: string;
  visibility: EvidenceVisibility;
  status: EvidenceStatus;
  links: EvidenceLinkView[];
  addenda: EvidenceAddendumView[];
  attachments: AttachmentView[];
  /** What in the text may identify a patient; empty when nothing was found. */
  patientIdentifierWarnings: PatientIdentifierWarning[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceSummary {
  id: string;
  type: EvidenceType;
  title: string;
  occurredOn: string;
  visibility: EvidenceVisibility;
  status: EvidenceStatus;
  elementCodes: string[];
  updatedAt: string;
}

export interface EvidencePage {
  items: EvidenceSummary[];
  nextCursor: string | null;
}

export interface CreateEvidenceRequest {
  type: EvidenceType;
  title: string;
  occurredOn: string;
  body?: string;
  /** Defaults to private for reflections, shared with the supervisor otherwise. */
  visibility?: EvidenceVisibility;
  links?: EvidenceLinkInput[];
}

export interface UpdateEvidenceRequest {
  version: number;
  type?: EvidenceType;
  title?: string;
  occurredOn?: string;
  body?: string;
  visibility?: EvidenceVisibility;
  links?: EvidenceLinkInput[];
  /** Only 'submitted', from a draft. */
  status?: 'submitted';
  /** Needed to submit a reflection in which something may identify a patient. */
  acknowledgePatientIdentifiers?: boolean;
}

export const evidenceSorts = ['occurred-desc', 'occurred-asc', 'updated-desc', 'title-asc'] as const;
export type EvidenceSort = (typeof evidenceSorts)[number];

export interface EvidenceQuery {
  traineeId?: string;
  q?: string;
  type?: EvidenceType;
  elementKey?: string;
  stageKey?: string;
  status?: EvidenceStatus;
  visibility?: EvidenceVisibility;
  from?: string;
  to?: string;
  sort?: EvidenceSort;
  cursor?: string;
  limit?: number;
}
