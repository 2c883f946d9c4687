import type {
  CohortDomainCell,
  CohortPage,
  CohortRow,
  ProgressionReportView,
  ProgressionReviewView,
  ReportBatchView,
  TraineeView,
} from '@portfolio/contracts';

/** Hand-made answers of the progression API for tests: a small cohort, reviews, reports and batches. */

function domainCell(
  code: string,
  title: string,
  signedOff: number,
  assessed: number,
  evidenced: number,
): CohortDomainCell {
  const elements = 4;
  return {
    key: code,
    code,
    title,
    elements,
    totals: {
      'signed-off': signedOff,
      assessed,
      evidenced,
      'not-started': elements - signedOff - assessed - evidenced,
    },
  };
}

export function cohortRow(overrides: Partial<CohortRow> = {}): CohortRow {
  return {
    traineeId: 'trainee-1',
    displayName: 'Dr Aisha Khan',
    gmcNumber: '7654321',
    programmeName: 'Core Medical Training',
    stageKey: 'postgraduate',
    grade: 'CT2',
    domains: [
      domainCell('1', 'Demonstrating Personal Qualities', 2, 1, 1),
      domainCell('2', 'Working with Others', 0, 0, 1),
    ],
    elementCount: 8,
    elementsSignedOff: 2,
    assessmentsSigned: 3,
    assessmentsPending: 1,
    outcome: { code: '1', reviewId: 'review-1', reviewDate: '2026-06-10' },
    ...overrides,
  };
}

export function cohortPageFixture(overrides: Partial<CohortPage> = {}): CohortPage {
  return {
    period: '2026-27',
    rows: [
      cohortRow(),
      cohortRow({
        traineeId: 'trainee-2',
        displayName: 'Dr Ben Okafor',
        gmcNumber: null,
        stageKey: 'continuing-practice',
        grade: 'ST4',
        outcome: null,
      }),
    ],
    total: 60,
    page: 1,
    pageSize: 25,
    programmes: [{ id: '0f9a3c1e-5b2d-4e8f-9a1b-2c3d4e5f6a7b', name: 'Foundation North' }],
    outcomeCounts: { '1': 40, '5': 3, none: 17 },
    ...overrides,
  };
}

export function traineeFixture(overrides: Partial<TraineeView> = {}): TraineeView {
  return {
    id: 'trainee-1',
    displayName: 'Dr Aisha Khan',
    email: 'trainee@demo.test',
    gmcNumber: '7654321',
    trainingRecords: [
      {
        id: 'record-1',
        programmeId: 'programme-1',
        programmeName: 'Core Medical Training',
        deaneryId: 'deanery-1',
        deaneryName: 'North West',
        stageKey: 'postgraduate',
        grade: 'CT2',
        startsOn: '2025-08-06',
        endsOn: null,
      },
    ],
    supervisors: [],
    ...overrides,
  };
}

export function reviewFixture(overrides: Partial<ProgressionReviewView> = {}): ProgressionReviewView {
  return {
    id: 'review-1',
    traineeId: 'trainee-1',
    traineeName: 'Dr Aisha Khan',
    period: '2026-27',
    reviewDate: '2027-06-10',
    panelMembers: ['Dr Ruth Green, chair'],
    evidenceIds: [],
    assessmentIds: [],
    outcomeCode: null,
    reasons: '',
    requiredActions: '',
    status: 'draft',
    finalisedAt: null,
    finalisedBy: null,
    amends: null,
    amendedBy: null,
    createdAt: '2027-06-10T09:00:00.000Z',
    updatedAt: '2027-06-10T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function reportFixture(overrides: Partial<ProgressionReportView> = {}): ProgressionReportView {
  return {
    id: 'report-1',
    traineeId: 'trainee-1',
    period: '2026-27',
    reviewId: 'review-1',
    outcomeCode: '1',
    verificationCode: 'K7M2-Q9XR-4T8B',
    contentSha256: 'a'.repeat(64),
    fileSha256: 'b'.repeat(64),
    pages: 3,
    issuedAt: '2027-06-11T10:15:00.000Z',
    ...overrides,
  };
}

export function batchFixture(overrides: Partial<ReportBatchView> = {}): ReportBatchView {
  return {
    id: 'batch-1',
    period: '2026-27',
    status: 'running',
    total: 1000,
    done: 412,
    failed: 0,
    failures: [],
    startedAt: '2027-06-11T10:00:00.000Z',
    finishedAt: null,
    createdAt: '2027-06-11T10:00:00.000Z',
    estimatedSecondsLeft: 31,
    downloadReady: false,
    ...overrides,
  };
}
