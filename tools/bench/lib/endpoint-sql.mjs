// The SQL each benchmarked read endpoint runs, sent straight through `pg` to measure the
// database's own limit for that endpoint. Each function issues the same statements with the same
// parameters, in the same order and with the same parallelism as the API code named beside it;
// when that code changes, change this file with it (the ratios in the results depend on it).
import { createHash } from 'node:crypto';

/**
 * apps/api/src/database/prepared-query.ts: the statements the API sends through `preparedQuery`
 * go as named prepared statements here too, each parsed and planned once per connection.
 */
function prepared(pool, text, values) {
  return pool.query({ name: createHash('sha256').update(text).digest('base64url').slice(0, 16), text, values });
}

/** apps/api/src/progression/deanery-scope.ts `inViewersDeanery` */
function inViewersDeanery(traineeId, parameter, { perRow = false } = {}) {
  return `EXISTS (SELECT 1 FROM training_record record
                    JOIN programme ON programme.id = record.programme_id
                   WHERE record.trainee_id = ${traineeId}
                     AND programme.deanery_id = (SELECT viewer.deanery_id FROM app_user viewer
                                                  WHERE viewer.id = ${parameter}::uuid)${perRow ? ' OFFSET 0' : ''})`;
}

/** apps/api/src/trainees/trainee-visibility.ts `supervisesNow` */
function supervisesNow(traineeId, parameter) {
  return `EXISTS (SELECT 1 FROM supervisor_assignment assignment
                   WHERE assignment.trainee_id = ${traineeId} AND assignment.supervisor_id = ${parameter}::uuid
                     AND assignment.starts_on <= current_date
                     AND (assignment.ends_on IS NULL OR assignment.ends_on >= current_date))`;
}

/** apps/api/src/trainees/trainee-visibility.ts */
function visibleTraineeCondition(roles, alias, parameter) {
  if (roles.includes('admin')) return `(${parameter}::uuid IS NOT NULL)`;
  const conditions = [];
  if (roles.includes('trainee')) conditions.push(`${alias}.id = ${parameter}`);
  if (roles.includes('supervisor')) conditions.push(supervisesNow(`${alias}.id`, parameter));
  if (roles.includes('deanery_admin')) conditions.push(inViewersDeanery(`${alias}.id`, parameter));
  return conditions.length > 0 ? `(${conditions.join(' OR ')})` : `(${parameter}::uuid IS NULL)`;
}

/** apps/api/src/evidence/evidence-visibility.ts `readableEvidenceCondition` */
function readableEvidenceCondition(roles, alias, parameter) {
  const own = `${alias}.trainee_id = ${parameter}::uuid`;
  if (!roles.includes('supervisor')) return `(${own})`;
  return `(${alias}.trainee_id IN (SELECT ${parameter}::uuid UNION
                                   SELECT assignment.trainee_id FROM supervisor_assignment assignment
                                    WHERE assignment.supervisor_id = (SELECT ${parameter}::uuid)
                                      AND assignment.starts_on <= current_date
                                      AND (assignment.ends_on IS NULL OR assignment.ends_on >= current_date))
           AND (${own} OR (${alias}.visibility IN ('supervisor', 'panel') AND ${alias}.status <> 'draft')))`;
}

/** apps/api/src/evidence/evidence-visibility.ts `evidenceAudience` */
function evidenceAudience(roles, traineeId, parameter) {
  const cases = [`WHEN ${traineeId} = ${parameter}::uuid THEN 'own'`];
  if (roles.includes('supervisor')) cases.push(`WHEN ${supervisesNow(traineeId, parameter)} THEN 'supervisor'`);
  if (roles.includes('deanery_admin')) cases.push(`WHEN ${inViewersDeanery(traineeId, parameter)} THEN 'panel'`);
  return `(CASE ${cases.join(' ')} ELSE 'none' END)`;
}

/**
 * apps/api/src/progress/coverage-queries.ts `placementsStatement`: between changes, all the SQL coverage
 * needs, as the API keeps framework structures and each trainee's counts (the counts against the
 * coverage version read here).
 */
function placementsFor(pool, viewer, traineeIds) {
  const one = traineeIds.length === 1;
  return prepared(
    pool,
    `SELECT ${placementColumns(viewer, '$1', '$3')}
       FROM app_user trainee
       LEFT JOIN LATERAL (
         SELECT programme.framework_key, training.stage_key
           FROM training_record training JOIN programme ON programme.id = training.programme_id
          WHERE training.trainee_id = trainee.id ORDER BY training.starts_on DESC LIMIT 1) record ON true
      WHERE ${one ? 'trainee.id = $2::uuid' : 'trainee.id = ANY ($2::uuid[])'} AND 'trainee' = ANY (trainee.roles)`,
    [viewer.id, one ? traineeIds[0] : traineeIds, 'mlcf'],
  );
}

/** apps/api/src/progress/coverage-queries.ts `placementColumns`, with `access` as `readersAccess` answers it. */
function placementColumns(
  viewer,
  readerParameter,
  defaultKeyParameter,
  access = {
    visible: visibleTraineeCondition(viewer.roles, 'trainee', readerParameter),
    audience: evidenceAudience(viewer.roles, 'trainee.id', readerParameter),
  },
) {
  return `trainee.id AS trainee_id, 'trainee' = ANY (trainee.roles) AS is_trainee,
          record.framework_key, record.stage_key,
          ${access.visible} AS visible,
          ${access.audience} AS audience,
          coalesce((SELECT counted.version FROM trainee_coverage_version counted
                     WHERE counted.trainee_id = trainee.id), 0)::text AS counts_version,
          (SELECT json_agg(json_build_object('id', framework.id, 'version', framework.version,
                                             'status', framework.status))
             FROM framework WHERE framework.key = coalesce(record.framework_key, ${defaultKeyParameter})) AS versions`;
}

/** apps/api/src/progress/progress.service.ts `progress`: GET /api/trainees/:id/progress. */
export async function traineeProgress(pool, { viewer, traineeId }) {
  await placementsFor(pool, viewer, [traineeId]);
}

/** apps/api/src/evidence/evidence.repository.ts `deanerySearchWindow` */
const deanerySearchWindow = 1000;

/** apps/api/src/evidence/evidence.repository.ts `list` (default sort, first page of 25 + 1): GET /api/evidence. */
export async function evidenceList(pool, { viewer, search }) {
  const parameters = [viewer.id];
  const limit = 26;
  const order = 'item.occurred_on DESC, item.id DESC';
  const branchColumns =
    'item.id, item.type, item.title, item.occurred_on, item.visibility, item.status, item.updated_at, item.element_codes';
  let matches = null;
  if (search) {
    parameters.push(search);
    matches = `item.search @@ (SELECT websearch_to_tsquery('english', $${parameters.length}))`;
  }
  const conditions = (...parts) => parts.filter((part) => part !== null).join(' AND ');
  const pageOf = (condition) =>
    `SELECT ${branchColumns} FROM evidence_item item WHERE ${condition} ORDER BY ${order} LIMIT ${limit}`;
  // As the API does (`visibleEvidenceBranches`): the viewer's own and supervisees' items, and across a
  // deanery also its panel's shared items, each read in the list's order up to a page; a deanery's
  // search tests its newest shared items one by one before it asks the text index (`searchAcrossDeanery`).
  const ownAndSupervised = readableEvidenceCondition(viewer.roles, 'item', '$1');
  let rows;
  if (!viewer.roles.includes('deanery_admin')) {
    rows = `evidence_item item WHERE ${conditions(ownAndSupervised, matches)}`;
  } else {
    const sharedItems = `(item.visibility = 'panel' AND item.status <> 'draft')`;
    const inDeanery = inViewersDeanery('item.trainee_id', '$1', { perRow: true });
    const shared = matches
      ? `WITH walked AS (
            SELECT ${branchColumns}
              FROM (SELECT ${branchColumns}, item.trainee_id, item.search FROM evidence_item item
                     WHERE ${sharedItems} ORDER BY ${order} LIMIT ${deanerySearchWindow}) item
             WHERE ${matches} AND ${inDeanery} ORDER BY ${order} LIMIT ${limit})
          SELECT * FROM walked WHERE (SELECT count(*) FROM walked) = ${limit}
          UNION ALL
          (SELECT ${branchColumns} FROM evidence_item item
            WHERE ${conditions(sharedItems, matches, inDeanery)} AND (SELECT count(*) FROM walked) < ${limit}
            ORDER BY ${order} LIMIT ${limit})`
      : pageOf(conditions(sharedItems, inDeanery));
    rows = `((${pageOf(conditions(ownAndSupervised, matches))}) UNION (${shared})) item`;
  }
  await prepared(
    pool,
    `SELECT item.id, item.type, item.title, to_char(item.occurred_on, 'YYYY-MM-DD') AS occurred_on, item.visibility,
            item.status, item.updated_at, item.occurred_on::text AS sort_value,
            item.element_codes
       FROM ${rows} ORDER BY ${order} LIMIT ${limit}`,
    parameters,
  );
}

/** apps/api/src/work-lists/supervision.service.ts `dashboard`: GET /api/supervision, one statement. */
export async function supervisorDashboard(pool, { viewer }) {
  const currentlySupervised = `assignment.supervisor_id = $1 AND assignment.starts_on <= current_date
    AND (assignment.ends_on IS NULL OR assignment.ends_on >= current_date)`;
  // supervision.service.ts `supervisorsAccess`: the join to current assignments has settled it.
  const supervisorsAccess = {
    visible: 'true',
    audience: `(CASE WHEN trainee.id = $1::uuid THEN 'own' ELSE 'supervisor' END)`,
  };
  const supervised = `SELECT ${placementColumns(viewer, '$1', '$3', supervisorsAccess)}, trainee.display_name, record.programme_name, record.grade,
                 coalesce(activity.pending_assessments, 0) AS pending, activity.last_activity_at
            FROM supervisor_assignment assignment
            JOIN app_user trainee ON trainee.id = assignment.trainee_id
            LEFT JOIN trainee_activity activity ON activity.trainee_id = trainee.id
            LEFT JOIN LATERAL (
              SELECT programme.name AS programme_name, programme.framework_key, training.stage_key, training.grade
                FROM training_record training JOIN programme ON programme.id = training.programme_id
               WHERE training.trainee_id = trainee.id ORDER BY training.starts_on DESC LIMIT 1) record ON true
           WHERE ${currentlySupervised}`;
  // work-lists/waiting-assessments.ts `waitingAssessmentsSql`, with the condition `waitingForAssessor`.
  const waiting = `SELECT assessment.id, assessment.title, template.title AS template_title, assessment.trainee_id,
            trainee.display_name AS trainee_name, assessment.status, assessment.requested_at AS since,
            floor(extract(epoch FROM now() - assessment.requested_at) / 86400)::int AS waiting_days
       FROM assessment
       JOIN assessment_template template ON template.id = assessment.template_id
       JOIN app_user trainee ON trainee.id = assessment.trainee_id
      WHERE assessment.assessor_id = $1 AND assessment.assessor_kind <> 'external'
        AND assessment.status IN ('requested', 'in-progress')
      ORDER BY assessment.requested_at, assessment.id
      LIMIT 100`;
  const recent = `
  (SELECT record.id, 'element' AS kind, record.trainee_id, trainee.display_name AS trainee_name,
          element.code || ' ' || element.title AS title, record.recorded_at AS signed_at
     FROM element_sign_off record
     JOIN app_user trainee ON trainee.id = record.trainee_id
     JOIN framework_element element ON element.id = record.element_id
    WHERE record.recorded_by = $1 AND record.kind = 'sign-off'
      AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)
    ORDER BY record.recorded_at DESC LIMIT $2)
  UNION ALL
  (SELECT assessment.id, 'assessment', assessment.trainee_id, trainee.display_name, assessment.title,
          assessment.signed_at
     FROM assessment JOIN app_user trainee ON trainee.id = assessment.trainee_id
    WHERE assessment.assessor_id = $1 AND assessment.status = 'signed-off'
    ORDER BY assessment.signed_at DESC LIMIT $2)
  ORDER BY signed_at DESC LIMIT $2`;
  await prepared(
    pool,
    `SELECT
       (SELECT coalesce(json_agg(supervised ORDER BY supervised.display_name, supervised.trainee_id), '[]')
          FROM (${supervised}) supervised) AS trainees,
       (SELECT coalesce(json_agg(waiting ORDER BY waiting.since, waiting.id), '[]')
          FROM (${waiting}) waiting) AS pending,
       (SELECT coalesce(json_agg(recent ORDER BY recent.signed_at DESC), '[]')
          FROM (${recent}) recent) AS recent`,
    [viewer.id, 10, 'mlcf'],
  );
}

/** apps/api/src/progression/deanery-scope.ts `currentFinalReview`. */
const currentFinalReview = (alias) => `${alias}.status = 'final'
  AND NOT EXISTS (SELECT 1 FROM progression_review correction
                   WHERE correction.amends = ${alias}.id AND correction.status = 'final')`;

/** apps/api/src/progression/cohort.repository.ts `snapshot`: the deanery's whole cohort, ranked for sorting in memory. */
const cohortSnapshotSql = `
  WITH latest AS (
    SELECT DISTINCT ON (record.trainee_id) record.trainee_id, record.stage_key, record.grade,
           programme.id AS programme_id, programme.name AS programme_name
      FROM training_record record JOIN programme ON programme.id = record.programme_id
     WHERE programme.deanery_id = $1::uuid
     ORDER BY record.trainee_id, record.starts_on DESC
  ), cohort AS (
    SELECT latest.*, trainee.display_name, trainee.gmc_number
      FROM latest JOIN app_user trainee ON trainee.id = latest.trainee_id
     WHERE trainee.disabled_at IS NULL
       AND ($2::uuid IS NULL OR latest.programme_id = $2)
       AND ($3::text IS NULL OR latest.stage_key = $3)
       AND ($4::text IS NULL OR latest.grade = $4)
  ), counted AS (
    SELECT cohort.trainee_id, cohort.display_name, cohort.gmc_number, cohort.programme_name, cohort.stage_key,
           cohort.grade, cohort.programme_id,
           (SELECT count(*)::int FROM element_sign_off record
              JOIN framework_stage stage ON stage.id = record.stage_id
             WHERE record.trainee_id = cohort.trainee_id AND stage.key = cohort.stage_key AND record.kind = 'sign-off'
               AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)) AS signed_off,
           counts.signed AS assessments_signed, counts.pending AS assessments_pending,
           outcome.outcome_code, outcome.id AS review_id, outcome.review_date
      FROM cohort
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE assessment.status = 'signed-off'
                                  AND NOT EXISTS (SELECT 1 FROM assessment correction
                                                   WHERE correction.amends = assessment.id))::int AS signed,
               count(*) FILTER (WHERE assessment.status IN ('requested', 'in-progress'))::int AS pending
          FROM assessment WHERE assessment.trainee_id = cohort.trainee_id) counts
      LEFT JOIN LATERAL (
        SELECT review.id, review.outcome_code, to_char(review.review_date, 'YYYY-MM-DD') AS review_date
          FROM progression_review review
         WHERE review.trainee_id = cohort.trainee_id AND review.period = $5 AND ${currentFinalReview('review')}
         ORDER BY review.finalised_at DESC LIMIT 1) outcome ON true
  ), ranked AS (
    SELECT counted.*,
           dense_rank() OVER (ORDER BY display_name)::int AS name_rank,
           dense_rank() OVER (ORDER BY programme_name)::int AS programme_rank,
           dense_rank() OVER (ORDER BY stage_key)::int AS stage_rank,
           dense_rank() OVER (ORDER BY outcome_code)::int AS outcome_rank
      FROM counted
  )
  SELECT coalesce((SELECT version FROM deanery_cohort_version WHERE deanery_id = $1), 0)::text AS version,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name) ORDER BY name), '[]')
            FROM programme WHERE deanery_id = $1) AS programmes,
         (SELECT coalesce(json_agg(ranked ORDER BY display_name, trainee_id), '[]') FROM ranked) AS rows`;

/** cohort-snapshots.ts `sortKeys`, for the sorts the benchmark uses. */
const cohortSortKeys = { name: (row) => row.name_rank, 'signed-off': (row) => row.signed_off };

/**
 * The statement loading a deanery's whole cohort as cohort.repository.ts `snapshot` sends it,
 * whenever the deanery's cohort version has moved (also used for EXPLAIN).
 */
export function cohortPageStatement({ deaneryId, period }) {
  return { text: cohortSnapshotSql, values: [deaneryId, null, null, null, period] };
}

/** The first page's trainees of each cohort view asked for, as a kept snapshot answers them. */
const cohortPages = new Map();

/**
 * apps/api/src/progression/cohort.service.ts `page` (first page, no filter): GET /api/cohort.
 * Between changes to the deanery's cohort the API keeps it in memory (cohort-snapshots.ts) and
 * sends only the deanery and its cohort version (cohort.repository.ts
 * `viewersDeanery`) and `placementsFor` for the page's trainees; the whole cohort is loaded once
 * here, as the API loads it when the version has moved.
 */
export async function cohortOverview(pool, { viewer, period, sort, direction, pageSize }) {
  const [deanery] = (
    await prepared(
      pool,
      `SELECT viewer.deanery_id, coalesce(counted.version, 0)::text AS version
         FROM app_user viewer LEFT JOIN deanery_cohort_version counted ON counted.deanery_id = viewer.deanery_id
        WHERE viewer.id = $1`,
      [viewer.id],
    )
  ).rows;
  const key = [deanery.deanery_id, deanery.version, period, sort, direction, pageSize].join(' ');
  let traineeIds = cohortPages.get(key);
  if (!traineeIds) {
    const statement = cohortPageStatement({ deaneryId: deanery.deanery_id, period });
    const [snapshot] = (await pool.query(statement.text, statement.values)).rows;
    const keyOf = cohortSortKeys[sort];
    const sign = direction === 'desc' ? -1 : 1;
    traineeIds = [...snapshot.rows]
      .sort((left, right) => sign * (keyOf(left) - keyOf(right)))
      .slice(0, pageSize)
      .map((row) => row.trainee_id);
    cohortPages.set(key, traineeIds);
  }
  await placementsFor(pool, viewer, traineeIds);
}
