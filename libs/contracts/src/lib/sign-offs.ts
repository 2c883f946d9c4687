export interface SignOffElementRequest {
  elementKey: string;
  /** Defaults to the trainee's current stage. */
  stageKey?: string;
  /** The evidence items the judgement rests on; with `assessmentIds`, at least one in all. */
  evidenceIds?: string[];
  /** Signed assessments the judgement rests on. */
  assessmentIds?: string[];
  note?: string;
}

export interface WithdrawSignOffRequest {
  reason: string;
}

export interface ElementSignOffView {
  id: string;
  traineeId: string;
  elementKey: string;
  elementCode: string;
  elementTitle: string;
  stageKey: string;
  kind: 'sign-off' | 'withdrawal';
  recordedBy: { id: string; displayName: string };
  recordedAt: string;
  evidenceIds: string[];
  assessmentIds: string[];
  note: string;
  /** The record this one follows in its element's history; null for the first. */
  supersedes: string | null;
}
