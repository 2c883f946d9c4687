import type { AssessmentSummary, ElementSignOffView, TraineeView } from '@portfolio/contracts';

/**
 * The latest record of each element at a stage, from a trainee's sign-off history (oldest
 * first): a sign-off that stands, or the withdrawal that ended one.
 */
export function latestSignOffRecords(
  history: readonly ElementSignOffView[],
  stageKey: string,
): Map<string, ElementSignOffView> {
  const latest = new Map<string, ElementSignOffView>();
  for (const record of history) {
    if (record.stageKey === stageKey) {
      latest.set(record.elementKey, record);
    }
  }
  return latest;
}

/** The sign-off of the element that stands now, if there is one. */
export function standingSignOff(
  latest: ReadonlyMap<string, ElementSignOffView>,
  elementKey: string,
): ElementSignOffView | null {
  const record = latest.get(elementKey);
  return record?.kind === 'sign-off' ? record : null;
}

/** The API lets only the trainee's educational supervisor of today sign off their elements. */
export function isCurrentSupervisor(trainee: TraineeView, userId: string, today: string): boolean {
  return trainee.supervisors.some(
    (supervisor) =>
      supervisor.id === userId &&
      supervisor.startsOn <= today &&
      (supervisor.endsOn === null || supervisor.endsOn >= today),
  );
}

/** Today as the API writes dates, in the reader's own time zone. */
export function isoDateToday(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Assessments that can back a sign-off: the trainee's, signed, and not since replaced by a correction. */
export function citableAssessments(assessments: readonly AssessmentSummary[], traineeId: string): AssessmentSummary[] {
  return assessments.filter(
    (assessment) =>
      assessment.traineeId === traineeId && assessment.status === 'signed-off' && assessment.amendedBy === null,
  );
}
