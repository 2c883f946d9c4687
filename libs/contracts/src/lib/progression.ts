import type { StatusTotalsView } from './progress';

/** ARCP outcomes (the Gold Guide's codes) with what each means, shown wherever a code is. */
export const arcpOutcomes = [
  {
    code: '1',
    title: 'Satisfactory progress',
    meaning: 'Achieving progress and the competences at the expected rate.',
  },
  {
    code: '2',
    title: 'Specific competences to develop',
    meaning: 'Development of specific competences required; no additional training time needed.',
  },
  {
    code: '3',
    title: 'Inadequate progress: additional training time required',
    meaning: 'Inadequate progress; additional training time is required.',
  },
  { code: '4', title: 'Released from the training programme', meaning: 'Released from the training programme.' },
  {
    code: '5',
    title: 'Incomplete evidence presented',
    meaning: 'Incomplete evidence presented; additional training time may be required.',
  },
  {
    code: '6',
    title: 'Gained all required competences',
    meaning: 'All required competences gained; recommended for completion of training.',
  },
  { code: '7.1', title: 'Fixed-term post: satisfactory progress', meaning: 'As outcome 1, in a fixed-term post.' },
  {
    code: '7.2',
    title: 'Fixed-term post: development of specific competences required',
    meaning: 'As outcome 2, in a fixed-term post.',
  },
  { code: '7.3', title: 'Fixed-term post: inadequate progress', meaning: 'As outcome 3, in a fixed-term post.' },
  { code: '7.4', title: 'Fixed-term post: incomplete evidence', meaning: 'As outcome 5, in a fixed-term post.' },
  {
    code: '8',
    title: 'Out of programme',
    meaning: 'Out of programme for research, training, career break or experience.',
  },
  { code: '9', title: 'Top-up training', meaning: 'Top-up training undertaken.' },
  {
    code: '10.1',
    title: 'Progress delayed by COVID-19: not at a critical progression point',
    meaning: 'Progress delayed by the pandemic; not at a critical progression point.',
  },
  {
    code: '10.2',
    title: 'Progress delayed by COVID-19: at a critical progression point',
    meaning: 'Progress delayed by the pandemic at a critical progression point; additional time may be needed.',
  },
] as const;
export type ArcpOutcomeCode = (typeof arcpOutcomes)[number]['code'];
export const arcpOutcomeCodes = arcpOutcomes.map((outcome) => outcome.code) as ArcpOutcomeCode[];

export function arcpOutcome(code: string): (typeof arcpOutcomes)[number] | undefined {
  return arcpOutcomes.find((outcome) => outcome.code === code);
}

/** A review period: the training year, written 2026-27. */
export const reviewPeriodPattern = /^(\d{4})-(\d{2})$/;

export function isReviewPeriod(period: string): boolean {
  const match = reviewPeriodPattern.exec(period);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

export type ProgressionReviewStatus = 'draft' | 'final';

export interface ProgressionReviewInput {
  period: string;
  /** The date of the panel, YYYY-MM-DD. */
  reviewDate: string;
  panelMembers: string[];
  /** Evidence items the panel considered. */
  evidenceIds: string[];
  /** Signed assessments the panel considered. */
  assessmentIds: string[];
  outcomeCode: ArcpOutcomeCode | null;
  reasons: string;
  requiredActions: string;
}

export type CreateProgressionReviewRequest = ProgressionReviewInput;

export interface UpdateProgressionReviewRequest extends ProgressionReviewInput {
  version: number;
}

export interface CorrectProgressionReviewRequest {
  reason: string;
}

export interface ProgressionReviewView extends ProgressionReviewInput {
  id: string;
  traineeId: string;
  traineeName: string;
  status: ProgressionReviewStatus;
  finalisedAt: string | null;
  finalisedBy: string | null;
  /** The finalised review this one corrects, and why. */
  amends: { id: string; reason: string } | null;
  amendedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const cohortSorts = ['name', 'programme', 'stage', 'signed-off', 'assessments', 'outcome'] as const;
export type CohortSort = (typeof cohortSorts)[number];

export interface CohortQuery {
  programmeId?: string;
  stageKey?: string;
  grade?: string;
  /** The review period whose outcome shows; defaults to the current training year. */
  period?: string;
  sort?: CohortSort;
  direction?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface CohortDomainCell {
  key: string;
  code: string;
  title: string;
  elements: number;
  totals: StatusTotalsView;
}

export interface CohortRow {
  traineeId: string;
  displayName: string;
  gmcNumber: string | null;
  programmeName: string;
  stageKey: string;
  grade: string;
  domains: CohortDomainCell[];
  elementCount: number;
  elementsSignedOff: number;
  assessmentsSigned: number;
  assessmentsPending: number;
  /** The outcome of the chosen period's latest finalised review; null without one. */
  outcome: { code: ArcpOutcomeCode; reviewId: string; reviewDate: string } | null;
}

export interface CohortPage {
  period: string;
  /** The deanery's programmes, to filter by. */
  programmes: { id: string; name: string }[];
  rows: CohortRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Finalised outcomes in the period across the whole filtered cohort, plus `none` for those without. */
  outcomeCounts: Record<string, number>;
}

export interface ProgressionReportView {
  id: string;
  traineeId: string;
  period: string;
  reviewId: string | null;
  outcomeCode: ArcpOutcomeCode | null;
  verificationCode: string;
  /** SHA-256 of the report's content (its data as canonical JSON), printed on every page. */
  contentSha256: string;
  /** SHA-256 of the PDF file as issued. */
  fileSha256: string;
  pages: number;
  issuedAt: string;
}

/** What the public verification says about a code or a file. */
export interface ReportVerification {
  genuine: boolean;
  /** Present when genuine. */
  report: {
    verificationCode: string;
    traineeName: string;
    gmcNumber: string | null;
    period: string;
    outcomeCode: ArcpOutcomeCode | null;
    outcomeTitle: string | null;
    reviewDate: string | null;
    issuedAt: string;
    contentSha256: string;
    fileSha256: string;
  } | null;
}

export type ReportBatchStatus = 'queued' | 'running' | 'finished' | 'failed';

export interface StartReportBatchRequest {
  period: string;
  programmeId?: string;
  stageKey?: string;
  grade?: string;
}

export interface ReportBatchView {
  id: string;
  period: string;
  status: ReportBatchStatus;
  total: number;
  done: number;
  failed: number;
  failures: { traineeId: string; traineeName: string; error: string }[];
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  /** Seconds left at the current pace; null until there is a pace. */
  estimatedSecondsLeft: number | null;
  /** Set when finished: the ZIP of PDFs and the cohort summary. */
  downloadReady: boolean;
}

/** The training year a date falls in (years start in August): 2026-27 for any day from August 2026 to July 2027. */
export function trainingYearOf(date: Date): string {
  const year = date.getUTCFullYear() - (date.getUTCMonth() < 7 ? 1 : 0);
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}
