import type { SessionUser } from '../auth/session.service';

/**
 * Which assessments a user may read, as a SQL condition on an assessment row `alias`: their own
 * as a trainee; those they were asked to assess; those (past draft) of trainees they currently
 * supervise; the signed assessments of trainees in a deanery administrator's deanery. An assessor
 * sees nothing else of the trainee: only what they were asked to assess.
 */
export function visibleAssessmentCondition(user: Pick<SessionUser, 'roles'>, alias: string, parameter: string): string {
  const conditions = [`${alias}.trainee_id = ${parameter}::uuid`, `${alias}.assessor_id = ${parameter}::uuid`];
  if (user.roles.includes('supervisor')) {
    conditions.push(`(${alias}.status <> 'draft'
      AND EXISTS (SELECT 1 FROM supervisor_assignment assignment
                   WHERE assignment.trainee_id = ${alias}.trainee_id AND assignment.supervisor_id = ${parameter}::uuid
                     AND assignment.starts_on <= current_date
                     AND (assignment.ends_on IS NULL OR assignment.ends_on >= current_date)))`);
  }
  if (user.roles.includes('deanery_admin')) {
    conditions.push(`(${alias}.status = 'signed-off'
      AND EXISTS (SELECT 1 FROM training_record record
                    JOIN programme ON programme.id = record.programme_id
                    JOIN app_user viewer ON viewer.id = ${parameter}::uuid
                   WHERE record.trainee_id = ${alias}.trainee_id AND programme.deanery_id = viewer.deanery_id))`);
  }
  return `(${conditions.join(' OR ')})`;
}
