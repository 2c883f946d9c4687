import type { SessionUser } from '../auth/session.service';

/**
 * Which evidence items a user may read, as a SQL condition on an item row `alias`: all of their
 * own; submitted items shared with the supervisor (or the panel) of trainees currently assigned
 * to them; submitted items visible to the panel of trainees in a deanery admin's deanery.
 * Private items and drafts reach no one but their owner.
 */
export function visibleEvidenceCondition(user: Pick<SessionUser, 'roles'>, alias: string, parameter: string): string {
  const conditions = [`${alias}.trainee_id = ${parameter}::uuid`];
  if (user.roles.includes('supervisor')) {
    conditions.push(`(${alias}.visibility IN ('supervisor', 'panel') AND ${alias}.status <> 'draft'
      AND EXISTS (SELECT 1 FROM supervisor_assignment assignment
                   WHERE assignment.trainee_id = ${alias}.trainee_id AND assignment.supervisor_id = ${parameter}::uuid
                     AND assignment.starts_on <= current_date
                     AND (assignment.ends_on IS NULL OR assignment.ends_on >= current_date)))`);
  }
  if (user.roles.includes('deanery_admin')) {
    conditions.push(`(${alias}.visibility = 'panel' AND ${alias}.status <> 'draft'
      AND EXISTS (SELECT 1 FROM training_record record
                    JOIN programme ON programme.id = record.programme_id
                    JOIN app_user viewer ON viewer.id = ${parameter}::uuid
                   WHERE record.trainee_id = ${alias}.trainee_id AND programme.deanery_id = viewer.deanery_id))`);
  }
  return `(${conditions.join(' OR ')})`;
}

/**
 * The trainees whose evidence the user may read at all, as a subquery of ids. Implied by
 * `visibleEvidenceCondition`, but stated on its own it lets PostgreSQL start from those
 * trainees' items (an index) instead of filtering every item a search matches.
 */
export function readableTraineeIds(user: Pick<SessionUser, 'roles'>, parameter: string): string {
  const sources = [`SELECT ${parameter}::uuid`];
  if (user.roles.includes('supervisor')) {
    sources.push(`SELECT assignment.trainee_id FROM supervisor_assignment assignment
                   WHERE assignment.supervisor_id = ${parameter}::uuid AND assignment.starts_on <= current_date
                     AND (assignment.ends_on IS NULL OR assignment.ends_on >= current_date)`);
  }
  if (user.roles.includes('deanery_admin')) {
    sources.push(`SELECT record.trainee_id FROM training_record record
                    JOIN programme ON programme.id = record.programme_id
                    JOIN app_user viewer ON viewer.id = ${parameter}::uuid
                   WHERE programme.deanery_id = viewer.deanery_id`);
  }
  return sources.join(' UNION ');
}
