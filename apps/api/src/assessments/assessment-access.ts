import type { SessionUser } from '../auth/session.service';
import { inViewersDeanery } from '../progression/deanery-scope';
import { supervisesNow } from '../trainees/trainee-visibility';

/**
 * Which assessments a user may read, as a SQL condition on an assessment row `alias`: their own
 * as a trainee; those they were asked to assess; those (past draft) of trainees they currently
 * supervise; the signed assessments of trainees in a deanery administrator's deanery. An assessor
 * sees nothing else of the trainee: only what they were asked to assess.
 */
export function visibleAssessmentCondition(user: Pick<SessionUser, 'roles'>, alias: string, parameter: string): string {
  const conditions = [`${alias}.trainee_id = ${parameter}::uuid`, `${alias}.assessor_id = ${parameter}::uuid`];
  if (user.roles.includes('supervisor')) {
    conditions.push(`(${alias}.status <> 'draft' AND ${supervisesNow(`${alias}.trainee_id`, parameter)})`);
  }
  if (user.roles.includes('deanery_admin')) {
    conditions.push(`(${alias}.status = 'signed-off' AND ${inViewersDeanery(`${alias}.trainee_id`, parameter)})`);
  }
  return `(${conditions.join(' OR ')})`;
}
