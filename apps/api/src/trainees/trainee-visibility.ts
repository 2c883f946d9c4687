import type { SessionUser } from '../auth/session.service';

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
  if (user.roles.includes('supervisor')) {
    conditions.push(`EXISTS (SELECT 1 FROM supervisor_assignment assignment
                     WHERE assignment.trainee_id = ${alias}.id AND assignment.supervisor_id = ${parameter}
                       AND assignment.starts_on <= current_date
                       AND (assignment.ends_on IS NULL OR assignment.ends_on >= current_date))`);
  }
  if (user.roles.includes('deanery_admin')) {
    conditions.push(`EXISTS (SELECT 1 FROM training_record record
                       JOIN programme ON programme.id = record.programme_id
                       JOIN app_user viewer ON viewer.id = ${parameter}
                     WHERE record.trainee_id = ${alias}.id AND programme.deanery_id = viewer.deanery_id)`);
  }
  return conditions.length > 0 ? `(${conditions.join(' OR ')})` : `(${parameter}::uuid IS NULL)`;
}
