import type { AssessmentSummary, ElementSignOffView, TraineeView } from '@portfolio/contracts';

import {
  citableAssessments,
  isCurrentSupervisor,
  isoDateToday,
  latestSignOffRecords,
  standingSignOff,
} from './sign-off-views';

function record(id: string, elementKey: string, kind: ElementSignOffView['kind'], stageKey = 'postgraduate') {
  return {
    id,
    traineeId: 'trainee-1',
    elementKey,
    elementCode: elementKey,
    elementTitle: `Element ${elementKey}`,
    stageKey,
    kind,
    recordedBy: { id: 'supervisor-1', displayName: 'Dr Tom Evans' },
    recordedAt: '2026-03-02T09:00:00.000Z',
    evidenceIds: [],
    assessmentIds: [],
    note: '',
    supersedes: null,
  } satisfies ElementSignOffView;
}

function assessment(id: string, overrides: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    id,
    traineeId: 'trainee-1',
    traineeName: 'Dr Aisha Khan',
    templateKey: 'case-based-discussion',
    templateTitle: 'Case-based discussion',
    title: `Assessment ${id}`,
    status: 'signed-off',
    assessorName: 'Dr Tom Evans',
    requestedAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-03T09:00:00.000Z',
    amendedBy: null,
    ...overrides,
  };
}

describe('sign-off views', () => {
  it("keeps each element's latest record at the stage: a sign-off, or the withdrawal that ended one", () => {
    const latest = latestSignOffRecords(
      [
        record('r1', '1.1', 'sign-off'),
        record('r2', '1.2', 'sign-off'),
        record('r3', '1.1', 'withdrawal'),
        record('r4', '1.1', 'sign-off'),
        record('r5', '1.2', 'withdrawal'),
        record('r6', '2.1', 'sign-off', 'undergraduate'),
      ],
      'postgraduate',
    );

    expect([...latest.entries()].map(([key, value]) => [key, value.id])).toEqual([
      ['1.1', 'r4'],
      ['1.2', 'r5'],
    ]);
    expect(standingSignOff(latest, '1.1')?.id).toBe('r4');
    expect(standingSignOff(latest, '1.2')).toBeNull();
    expect(standingSignOff(latest, '2.1')).toBeNull();
  });

  it('knows the educational supervisor of today from the assignments and their dates', () => {
    const trainee: TraineeView = {
      id: 'trainee-1',
      displayName: 'Dr Aisha Khan',
      email: 'trainee@demo.test',
      gmcNumber: null,
      trainingRecords: [],
      supervisors: [
        { id: 'past', displayName: 'Dr Past', startsOn: '2025-01-01', endsOn: '2025-12-31' },
        { id: 'current', displayName: 'Dr Now', startsOn: '2026-01-01', endsOn: null },
        { id: 'future', displayName: 'Dr Later', startsOn: '2026-06-01', endsOn: null },
      ],
    };

    expect(isCurrentSupervisor(trainee, 'current', '2026-03-02')).toBe(true);
    expect(isCurrentSupervisor(trainee, 'current', '2026-01-01')).toBe(true);
    expect(isCurrentSupervisor(trainee, 'past', '2025-12-31')).toBe(true);
    expect(isCurrentSupervisor(trainee, 'past', '2026-03-02')).toBe(false);
    expect(isCurrentSupervisor(trainee, 'future', '2026-03-02')).toBe(false);
    expect(isCurrentSupervisor(trainee, 'someone-else', '2026-03-02')).toBe(false);
  });

  it("writes today's date as the API does", () => {
    expect(isoDateToday(new Date(2026, 2, 2, 23, 30))).toBe('2026-03-02');
  });

  it("offers only the trainee's signed assessments that no correction has replaced", () => {
    const offered = citableAssessments(
      [
        assessment('a1'),
        assessment('a2', { status: 'in-progress' }),
        assessment('a3', { amendedBy: 'a4' }),
        assessment('a4'),
        assessment('a5', { traineeId: 'trainee-2' }),
      ],
      'trainee-1',
    );

    expect(offered.map((item) => item.id)).toEqual(['a1', 'a4']);
  });
});
