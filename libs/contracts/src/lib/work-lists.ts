import type { AssessmentStatus } from './assessments';
import type { StatusTotalsView } from './progress';

/** An assessment waiting for someone, with how long it has waited. */
export interface WaitingAssessment {
  id: string;
  title: string;
  templateTitle: string;
  traineeId: string;
  traineeName: string;
  status: AssessmentStatus;
  since: string;
  waitingDays: number;
}

export interface ExpiringTicket {
  assessmentId: string;
  title: string;
  assessorName: string;
  expiresAt: string;
}

export interface QuietTrainee {
  id: string;
  displayName: string;
  /** Last time the trainee changed their evidence or assessments; null when never. */
  lastActivityAt: string | null;
}

/** What waits for the signed-in user, oldest first in each list. */
export interface TodoList {
  /** As an assessor or supervisor: requests to complete. */
  toAssess: WaitingAssessment[];
  /** As a trainee: work returned for revision. */
  returned: WaitingAssessment[];
  /** As a trainee: external assessors' links that expire within a few days, unused. */
  expiringTickets: ExpiringTicket[];
  /** As a supervisor: assigned trainees with no activity in the last few weeks. */
  quietTrainees: QuietTrainee[];
}

/** A trainee with no activity for this many days shows on their supervisor's to-do list. */
export const QUIET_TRAINEE_DAYS = 28;
/** An unused external link shows on the trainee's to-do list this many days before it expires. */
export const EXPIRING_TICKET_DAYS = 3;

export interface SupervisedTrainee {
  id: string;
  displayName: string;
  programmeName: string | null;
  stageKey: string | null;
  grade: string | null;
  frameworkKey: string | null;
  /** Element totals at the trainee's current stage, from the same coverage function as their dashboard. */
  totals: StatusTotalsView;
  elementCount: number;
  pendingAssessments: number;
  lastActivityAt: string | null;
}

export interface RecentSignOff {
  id: string;
  kind: 'element' | 'assessment';
  traineeId: string;
  traineeName: string;
  /** The element's code and title, or the assessment's title. */
  title: string;
  signedAt: string;
}

export interface SupervisorDashboard {
  trainees: SupervisedTrainee[];
  pendingRequests: WaitingAssessment[];
  recentSignOffs: RecentSignOff[];
}

export interface OutboxMessageView {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  /** Set when a mail server accepted the message; null while it waits in the outbox. */
  sentAt: string | null;
}

export interface OutboxPage {
  items: OutboxMessageView[];
  nextCursor: string | null;
}
