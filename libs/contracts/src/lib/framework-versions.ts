/** Carrying trainees' evidence links and sign-offs over to a new framework version. */

export type CarryOverRelation = 'exactMatchOf' | 'replacedBy';
export type NotCarriedReasonName = 'retired' | 'stage-not-applicable' | 'needs-new-judgement' | 'already-judged';
export type CarriedKind = 'evidence-link' | 'sign-off';

export interface CarryOverPositionView {
  elementKey: string;
  stageKey: string;
}

export interface CarriedRecordView {
  kind: CarriedKind;
  /** The evidence item, or the original sign-off record. */
  id: string;
  from: CarryOverPositionView;
  to: CarryOverPositionView;
  relation: CarryOverRelation;
  /** Held already (an earlier run): nothing new was written for it. */
  alreadyPresent: boolean;
}

export interface NotCarriedRecordView {
  kind: CarriedKind;
  id: string;
  from: CarryOverPositionView;
  to: CarryOverPositionView | null;
  reason: NotCarriedReasonName;
  message: string;
}

export interface TraineeCarryOverView {
  traineeId: string;
  displayName: string;
  carried: CarriedRecordView[];
  notCarried: NotCarriedRecordView[];
}

export interface CarryOverTotalsView {
  linksCarried: number;
  signOffsCarried: number;
  alreadyPresent: number;
  notCarried: number;
}

export interface CarryOverReportView {
  frameworkKey: string;
  fromVersion: string;
  toVersion: string;
  /** True when nothing was written: the report says what a real run would do. */
  dryRun: boolean;
  trainees: TraineeCarryOverView[];
  totals: CarryOverTotalsView;
}

export interface CarryOverRequest {
  dryRun?: boolean;
}
