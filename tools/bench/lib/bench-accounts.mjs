// The accounts the benchmark signs in as. Every generated account shares this password, so the
// sign-in benchmark can spread its requests over many accounts as a morning's traffic would.
export const benchPassword = 'bench-portfolio-2026';

export const benchAccounts = {
  /** A trainee with the full number of items and assessments, supervised by `supervisor`. */
  trainee: 'bench.trainee@bench.test',
  /** A supervisor with exactly ten current trainees. */
  supervisor: 'bench.supervisor@bench.test',
  /** A postgraduate trainee with half again the usual items and last year's final review: the report's subject. */
  reportTrainee: 'bench.report.trainee@bench.test',
  assessor: 'bench.assessor@bench.test',
  /** An administrator of the large deanery, which holds every trainee but the small deanery's. */
  deaneryAdmin: 'bench.deanery@bench.test',
  /** An administrator of the small deanery, whose whole cohort is the report batch. */
  smallDeaneryAdmin: 'bench.deanery.small@bench.test',
  admin: 'bench.admin@bench.test',
};

/** How many trainees the named supervisor has: the dashboard's typical load. */
export const benchSupervisorTrainees = 10;

/** How many more items than the others the report's subject has (the report of 150 items). */
export const reportTraineeItemsFactor = 1.5;

/** Generated trainees' addresses, for spreading sign-ins over accounts. */
export function traineeEmail(index) {
  if (index === 0) return benchAccounts.trainee;
  if (index === 1) return benchAccounts.reportTrainee;
  return `trainee.${String(index).padStart(5, '0')}@bench.test`;
}
