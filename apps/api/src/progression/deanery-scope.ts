/**
 * The trainee (`traineeIdSql`) trains in the deanery of the user whose id is `viewerParameter`.
 * `perRow` asks it of each row as a subplan (OFFSET 0 keeps PostgreSQL from planning it as a join):
 * for a statement that tests only the rows it reads in an index's order until a page is found, where
 * planning the join costs more than those few lookups.
 */
export function inViewersDeanery(traineeIdSql: string, viewerParameter: string, { perRow = false } = {}): string {
  // The viewer's deanery as an uncorrelated subquery: read once per statement, not once per trainee.
  return `EXISTS (SELECT 1 FROM training_record record
                    JOIN programme ON programme.id = record.programme_id
                   WHERE record.trainee_id = ${traineeIdSql}
                     AND programme.deanery_id = (SELECT viewer.deanery_id FROM app_user viewer
                                                  WHERE viewer.id = ${viewerParameter}::uuid)${perRow ? ' OFFSET 0' : ''})`;
}

/** A review is the current word for its period: final, and not replaced by a final correction. */
export const currentFinalReview = (alias: string) => `${alias}.status = 'final'
  AND NOT EXISTS (SELECT 1 FROM progression_review correction
                   WHERE correction.amends = ${alias}.id AND correction.status = 'final')`;
