import type { SessionUser } from '../auth/session.service';
import { inViewersDeanery } from '../progression/deanery-scope';

/**
 * The one rule for which trainees a user may see, as a SQL condition on a trainee row `alias`:
 * themselves; those currently assigned to them as supervisor; those training in their deanery;
 * everyone for administrators. A user with several roles sees the union.
 * `parameter` is the placeholder that holds the user's id.
 */
export function visibleTraineeCondition(user: Pick<SessionUser, 'roles'>, alias: string, parameter: string): string {
  const conditions: string[] = [];
  // Every branch mentions the parameter, so PostgreSQL can always infer its type.
  if (user.roles.includes('admin')) {
    return `(${parameter}::uuid IS NOT NULL)`;
  }
  if (user.roles.includes('trainee')) {
    conditions.push(`${alias}.id = ${parameter}`);
  }
  if (user.roles.includes('supervisor')) conditions.push(supervisesNow(`${alias}.id`, parameter));
  if (user.roles.includes('deanery_admin')) conditions.push(inViewersDeanery(`${alias}.id`, parameter));
  return conditions.length > 0 ? `(${conditions.join(' OR ')})` : `(${parameter}::uuid IS NULL)`;
}

/** A `supervisor_assignment` row `alias` is in force today. */
export function currentAssignment(alias: string): string {
  return `${alias}.starts_on <= current_date AND (${alias}.ends_on IS NULL OR ${alias}.ends_on >= current_date)`;
}

/** The user whose id is `parameter` is the current supervisor of the trainee `traineeId`. */
export function supervisesNow(traineeId: string, parameter: string): string {
  return `EXISTS (SELECT 1 FROM supervisor_assignment assignment
                   WHERE assignment.trainee_id = ${traineeId} AND assignment.supervisor_id = ${parameter}::uuid
                     AND ${currentAssignment('assignment')})`;
}
