import type { SessionUser } from '../auth/session.service';
import { inViewersDeanery } from '../progression/deanery-scope';
import { currentAssignment, supervisesNow } from '../trainees/trainee-visibility';

/**
 * Which evidence items a user may read, as a SQL condition on an item row `alias`: all of their
 * own; submitted items shared with the supervisor (or the panel) of trainees currently assigned
 * to them; submitted items visible to the panel of trainees in a deanery admin's deanery.
 * Private items and drafts reach no one but their owner.
 */
export function visibleEvidenceCondition(user: Pick<SessionUser, 'roles'>, alias: string, parameter: string): string {
  const conditions = [`${alias}.trainee_id = ${parameter}::uuid`];
  if (user.roles.includes('supervisor')) {
    conditions.push(`(${sharedWith.supervisor(alias)} AND ${supervisesNow(`${alias}.trainee_id`, parameter)})`);
  }
  if (user.roles.includes('deanery_admin')) conditions.push(sharedWithViewersDeanery(alias, parameter));
  return `(${conditions.join(' OR ')})`;
}

/**
 * The items `visibleEvidenceCondition` lets a user read, as conditions whose union is those items and
 * each of which an index serves in a list's order: their own and their supervisees' (read by trainee),
 * and for a deanery administrator the items shared with the panel across the deanery (read in the list's
 * order from indexes of shared items alone, IndexSharedEvidenceInListOrders). As one condition, a
 * deanery's list walked every item, skipping the many it may not read: drafts and private reflections.
 */
export function visibleEvidenceBranches(
  user: Pick<SessionUser, 'roles'>,
  alias: string,
  parameter: string,
): { ownAndSupervised: string; acrossDeanery: SharedAcrossDeanery | null } {
  return {
    ownAndSupervised: readableEvidenceCondition(user, alias, parameter),
    acrossDeanery: user.roles.includes('deanery_admin') ? sharedAcrossDeanery(alias, parameter) : null,
  };
}

/** Submitted items shared with the panel (`shared`) of trainees in a deanery administrator's deanery (`inDeanery`). */
export interface SharedAcrossDeanery {
  shared: string;
  inDeanery: string;
}

/**
 * The deanery is asked of each item read (a subplan per row), as a list reads the deanery's shared items
 * in its order until it has a page.
 */
function sharedAcrossDeanery(alias: string, parameter: string): SharedAcrossDeanery {
  return {
    shared: sharedWith.panel(alias),
    inDeanery: inViewersDeanery(`${alias}.trainee_id`, parameter, { perRow: true }),
  };
}

/** Submitted items shared with the panel of trainees in a deanery administrator's deanery. */
function sharedWithViewersDeanery(alias: string, parameter: string): string {
  const { shared, inDeanery } = sharedAcrossDeanery(alias, parameter);
  return `(${shared} AND ${inDeanery})`;
}

/** Whose evidence a reader sees, as `visibleEvidenceCondition` decides it for one trainee. */
export type EvidenceAudience = 'own' | 'supervisor' | 'panel' | 'none';

/** Conditions on an item row `alias`: shared with that audience (a supervisor sees what the panel sees). */
export const sharedWith = {
  supervisor: (alias: string) => `(${alias}.visibility IN ('supervisor', 'panel') AND ${alias}.status <> 'draft')`,
  panel: (alias: string) => `(${alias}.visibility = 'panel' AND ${alias}.status <> 'draft')`,
};

/**
 * The audience the user is for a trainee's evidence, as a SQL expression on the trainee's id:
 * the same rule as `visibleEvidenceCondition`, so evidence counted per audience is what that
 * condition would let the user count.
 */
export function evidenceAudience(user: Pick<SessionUser, 'roles'>, traineeId: string, parameter: string): string {
  const cases = [`WHEN ${traineeId} = ${parameter}::uuid THEN 'own'`];
  if (user.roles.includes('supervisor')) cases.push(`WHEN ${supervisesNow(traineeId, parameter)} THEN 'supervisor'`);
  if (user.roles.includes('deanery_admin')) cases.push(`WHEN ${inViewersDeanery(traineeId, parameter)} THEN 'panel'`);
  return `(CASE ${cases.join(' ')} ELSE 'none' END)`;
}

/**
 * The evidence a reader may read among their own and their current supervisees' (all of it, for a
 * reader who is not a deanery administrator), as a condition on an item row `alias`. It names those
 * trainees first, as a subquery, so that PostgreSQL starts from their items (an index) instead of
 * filtering every item a search matches. Every trainee there other than the reader is one they
 * supervise now, so what is left to ask of an item is whether it is their own or shared with a
 * supervisor: `visibleEvidenceCondition` would ask again, for each item, whether they supervise its
 * trainee. The reader is a subquery there, so that PostgreSQL cannot estimate by who they are: it then
 * keeps one plan of a prepared list for every supervisor, where it planned each of their requests again
 * (a third of a supervisor's search).
 */
function readableEvidenceCondition(user: Pick<SessionUser, 'roles'>, alias: string, parameter: string): string {
  const own = `${alias}.trainee_id = ${parameter}::uuid`;
  if (!user.roles.includes('supervisor')) return `(${own})`;
  return `(${alias}.trainee_id IN (SELECT ${parameter}::uuid UNION
                                   SELECT assignment.trainee_id FROM supervisor_assignment assignment
                                    WHERE assignment.supervisor_id = (SELECT ${parameter}::uuid)
                                      AND ${currentAssignment('assignment')})
           AND (${own} OR ${sharedWith.supervisor(alias)}))`;
}
