import { type CohortPage, type CohortRow, type CohortSort, cohortSorts } from '@portfolio/contracts';

import {
  type SignedInClient,
  type TestUser,
  addTrainingRecord,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { type CohortFilter, CohortRepository, type CohortRowRecord } from './cohort.repository';

const period = '2026-27';

/** The columns of the cohort table that SQL computes, as the API shows them. */
type ComparedRow = Omit<CohortRow, 'domains' | 'elementCount'>;

const sqlColumns: Record<CohortSort, string> = {
  name: 'display_name',
  programme: 'programme_name',
  stage: 'stage_key',
  'signed-off': 'signed_off',
  assessments: 'assessments_signed',
  outcome: 'outcome_code',
};

/**
 * The cohort is kept in memory per deanery against a version the database moves: whatever
 * changes a row of it (through the API or straight in SQL, as another process would) shows on the
 * next page, nothing else moves the version, and filtering, sorting, paging and counting in
 * memory answer exactly what the SQL answered.
 */
describe('kept cohort snapshots', () => {
  let testApp: TestApp;
  let deanery: string;
  let otherDeanery: string;
  let programmes: Record<'foundation' | 'surgery' | 'anaesthetics' | 'elsewhere', string>;
  let adminUser: TestUser;
  let admin: SignedInClient;
  let otherAdmin: SignedInClient;
  let supervisor: TestUser;
  const trainees: Record<string, string> = {};
  let gmcNumber = 7100000;

  const sql = <T = unknown>(text: string, parameters: unknown[] = []) =>
    testApp.dataSource.query(text, parameters) as Promise<T[]>;
  const version = async (deaneryId: string) =>
    (await sql<{ version: string }>(`SELECT version FROM deanery_cohort_version WHERE deanery_id = $1`, [deaneryId]))[0]
      ?.version ?? '0';
  const cohortOf = async (client: SignedInClient, query = '') =>
    (await client.agent.get(`/api/cohort?period=${period}${query}`).expect(200)).body as CohortPage;
  const rowOf = async (traineeId: string, client = admin) =>
    (await cohortOf(client, '&pageSize=100')).rows.find((row) => row.traineeId === traineeId);

  async function addTrainee(
    name: string,
    programme: string,
    options: { stageKey?: string; grade?: string } = {},
  ): Promise<string> {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    gmcNumber += 1;
    await sql(`UPDATE app_user SET display_name = $2, gmc_number = $3 WHERE id = $1`, [
      trainee.id,
      name,
      String(gmcNumber),
    ]);
    await addTrainingRecord(testApp.dataSource, trainee.id, programme, options);
    return trainee.id;
  }

  async function signOff(
    traineeId: string,
    elementKey: string,
    stageKey = 'postgraduate',
    withdraws: string | null = null,
  ): Promise<string> {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO element_sign_off (trainee_id, element_id, stage_id, kind, recorded_by, evidence_ids, supersedes, note)
       SELECT $1, element.id, stage.id, $4, $5, ARRAY[gen_random_uuid()], $6::uuid,
              CASE WHEN $6::uuid IS NULL THEN '' ELSE 'Recorded in error' END
         FROM framework JOIN framework_stage stage ON stage.framework_id = framework.id AND stage.key = $3
         JOIN framework_element element ON element.framework_id = framework.id AND element.key = $2
        WHERE framework.key = 'mlcf' RETURNING id`,
      [traineeId, elementKey, stageKey, withdraws ? 'withdrawal' : 'sign-off', supervisor.id, withdraws],
    );
    return row?.id ?? '';
  }

  async function addAssessment(traineeId: string, status: string, amends: string | null = null): Promise<string> {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO assessment (trainee_id, template_id, title, status, assessor_kind, signed_at, signed_content_sha256,
                               amends, correction_reason)
       SELECT $1, template.id, 'Case discussion', $2::text,
              CASE WHEN $2::text = 'draft' THEN NULL ELSE 'supervisor' END,
              CASE WHEN $2::text = 'signed-off' THEN now() END, CASE WHEN $2::text = 'signed-off' THEN 'sha' END,
              $3::uuid, CASE WHEN $3::uuid IS NULL THEN NULL ELSE 'Corrected' END
         FROM assessment_template template WHERE template.key = 'leadership-case-based-discussion' LIMIT 1
       RETURNING id`,
      [traineeId, status, amends],
    );
    return row?.id ?? '';
  }

  async function addReview(
    traineeId: string,
    outcomeCode: string,
    status: 'draft' | 'final',
    amends: string | null = null,
  ): Promise<string> {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO progression_review (trainee_id, period, review_date, created_by, status, outcome_code, finalised_at,
                                       amends, correction_reason)
       VALUES ($1, $2, '2027-06-10', $3, $4::text, $5, CASE WHEN $4::text = 'final' THEN now() END,
               $6::uuid, CASE WHEN $6::uuid IS NULL THEN NULL ELSE 'Corrected' END)
       RETURNING id`,
      [traineeId, period, adminUser.id, status, outcomeCode, amends],
    );
    return row?.id ?? '';
  }

  /** What the SQL answers: the repository's filtered cohort, ordered and counted by the database. */
  async function expected(filter: Omit<CohortFilter, 'period'>, sort: CohortSort, direction: 'asc' | 'desc') {
    const rows = await testApp.app.get(CohortRepository).all(adminUser.id, { ...filter, period });
    const recordset = `json_to_recordset($1::json) AS cohort (
        trainee_id uuid, display_name text, gmc_number text, programme_name text, stage_key text, grade text,
        signed_off int, assessments_signed int, assessments_pending int, outcome_code text, review_id uuid,
        review_date text)`;
    const ordered = await sql<CohortRowRecord>(
      `SELECT * FROM ${recordset}
        ORDER BY ${sqlColumns[sort]} ${direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, display_name, trainee_id`,
      [JSON.stringify(rows)],
    );
    const counts = await sql<{ code: string; count: number }>(
      `SELECT coalesce(outcome_code, 'none') AS code, count(*)::int AS count FROM ${recordset} GROUP BY 1`,
      [JSON.stringify(rows)],
    );
    return {
      rows: ordered.map(
        (row): ComparedRow => ({
          traineeId: row.trainee_id,
          displayName: row.display_name,
          gmcNumber: row.gmc_number,
          programmeName: row.programme_name,
          stageKey: row.stage_key,
          grade: row.grade,
          elementsSignedOff: row.signed_off,
          assessmentsSigned: row.assessments_signed,
          assessmentsPending: row.assessments_pending,
          outcome:
            row.outcome_code && row.review_id && row.review_date
              ? { code: row.outcome_code, reviewId: row.review_id, reviewDate: row.review_date }
              : null,
        }),
      ),
      total: rows.length,
      outcomeCounts: Object.fromEntries(counts.map((count) => [count.code, count.count])),
    };
  }

  /** Every page the API answers for the query, pages of 4. */
  async function served(query: string) {
    const pages: CohortPage[] = [];
    for (let page = 1; page === 1 || (page - 1) * 4 < (pages[0]?.total ?? 0); page += 1) {
      pages.push(await cohortOf(admin, `${query}&pageSize=4&page=${page}`));
    }
    return {
      rows: pages.flatMap((page) =>
        page.rows.map(
          (row): ComparedRow => ({
            traineeId: row.traineeId,
            displayName: row.displayName,
            gmcNumber: row.gmcNumber,
            programmeName: row.programmeName,
            stageKey: row.stageKey,
            grade: row.grade,
            elementsSignedOff: row.elementsSignedOff,
            assessmentsSigned: row.assessmentsSigned,
            assessmentsPending: row.assessmentsPending,
            outcome: row.outcome,
          }),
        ),
      ),
      total: pages[0]?.total,
      outcomeCounts: pages[0]?.outcomeCounts,
      samePerPage: pages.every(
        (page) =>
          page.total === pages[0]?.total &&
          JSON.stringify(page.outcomeCounts) === JSON.stringify(pages[0]?.outcomeCounts),
      ),
    };
  }

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    deanery = await createDeanery(dataSource);
    otherDeanery = await createDeanery(dataSource);
    programmes = {
      foundation: await createProgramme(dataSource, deanery, 'Foundation North'),
      surgery: await createProgramme(dataSource, deanery, 'core Surgery'),
      anaesthetics: await createProgramme(dataSource, deanery, 'Anaesthetics'),
      elsewhere: await createProgramme(dataSource, otherDeanery, 'Foundation South'),
    };
    supervisor = await createUser(dataSource, ['supervisor']);
    adminUser = await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery });
    admin = await signIn(testApp.app, adminUser.email);
    otherAdmin = await signIn(
      testApp.app,
      (await createUser(dataSource, ['deanery_admin'], { deaneryId: otherDeanery })).email,
    );

    const cohort: [string, string, keyof typeof programmes, string, string][] = [
      ['alex', 'Alex Adams', 'foundation', 'postgraduate', 'FY1'],
      ['alexLower', 'alex adams', 'foundation', 'postgraduate', 'FY2'],
      ['emile', 'Émile Zola', 'surgery', 'postgraduate', 'CT1'],
      ['zoe', 'Zoë Ball', 'surgery', 'undergraduate', 'FY1'],
      ['oneil', "O'Neil Ray", 'anaesthetics', 'postgraduate', 'CT1'],
      ['desouza', 'de Souza Ana', 'foundation', 'undergraduate', 'FY2'],
      ['sam1', 'Sam Smith', 'foundation', 'postgraduate', 'FY1'],
      ['sam2', 'Sam Smith', 'surgery', 'postgraduate', 'FY1'],
      ['bea', 'Bea Ng', 'anaesthetics', 'postgraduate', 'FY2'],
      ['chidi', 'Chidi Okafor', 'foundation', 'postgraduate', 'FY1'],
      ['dana', 'Dana Li', 'surgery', 'postgraduate', 'FY2'],
      ['eve', 'Eve Moss', 'foundation', 'postgraduate', 'FY1'],
    ];
    for (const [key, name, programme, stageKey, grade] of cohort) {
      trainees[key] = await addTrainee(name, programmes[programme], { stageKey, grade });
    }
    trainees['disabled'] = await addTrainee('Ivy Gone', programmes.foundation);
    await sql(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [trainees['disabled']]);
    trainees['elsewhere'] = await addTrainee('Olu Far', programmes.elsewhere);
    // An earlier record elsewhere in the deanery: the latest one counts.
    trainees['moved'] = await addTrainee('Finn Moved', programmes.foundation, { grade: 'FY2' });
    await sql(
      `INSERT INTO training_record (trainee_id, programme_id, stage_key, grade, starts_on)
       VALUES ($1, $2, 'undergraduate', 'FY1', current_date - 400)`,
      [trainees['moved'], programmes.surgery],
    );

    for (const elementKey of ['1.1', '2.1', '3.1']) await signOff(trainees['alex'] as string, elementKey);
    await signOff(trainees['alex'] as string, '4.1', 'undergraduate'); // another stage: not counted
    const withdrawn = await signOff(trainees['sam2'] as string, '1.1');
    await signOff(trainees['sam2'] as string, '1.1', 'postgraduate', withdrawn);
    await signOff(trainees['sam1'] as string, '2.1');
    await signOff(trainees['bea'] as string, '1.1');
    await signOff(trainees['bea'] as string, '1.2');

    await addAssessment(trainees['emile'] as string, 'signed-off');
    await addAssessment(trainees['emile'] as string, 'requested');
    const corrected = await addAssessment(trainees['dana'] as string, 'signed-off');
    await addAssessment(trainees['dana'] as string, 'draft', corrected);
    await addAssessment(trainees['chidi'] as string, 'in-progress');
    await addAssessment(trainees['chidi'] as string, 'draft');

    await addReview(trainees['alex'] as string, '1', 'final');
    await addReview(trainees['zoe'] as string, '10.1', 'final');
    await addReview(trainees['oneil'] as string, '7.1', 'final');
    await addReview(trainees['eve'] as string, '2', 'final');
    await addReview(trainees['chidi'] as string, '3', 'draft');
    const replaced = await addReview(trainees['dana'] as string, '3', 'final');
    await addReview(trainees['dana'] as string, '1', 'final', replaced);
  });

  afterAll(() => testApp.close());

  it('filters, sorts, pages and counts as the SQL does, for every sort and direction', async () => {
    const filters: Omit<CohortFilter, 'period'>[] = [
      {},
      { programmeId: programmes.foundation },
      { programmeId: programmes.surgery.toUpperCase() },
      { stageKey: 'undergraduate' },
      { grade: 'FY1' },
      { programmeId: programmes.foundation, grade: 'FY1' },
      { programmeId: programmes.elsewhere },
    ];
    for (const filter of filters) {
      const filterQuery = Object.entries(filter)
        .map(([name, value]) => `&${name}=${encodeURIComponent(String(value))}`)
        .join('');
      for (const sort of cohortSorts) {
        for (const direction of ['asc', 'desc'] as const) {
          const answer = await served(`${filterQuery}&sort=${sort}&direction=${direction}`);
          const sqlAnswer = await expected(filter, sort, direction);
          const label = `${JSON.stringify(filter)} by ${sort} ${direction}`;
          expect({ label, ...answer }).toEqual({ label, ...sqlAnswer, samePerPage: true });
        }
      }
    }
    const whole = await cohortOf(admin, '&pageSize=100');
    expect(whole.total).toBe(13);
    expect(whole.programmes.map((programme) => programme.name)).toEqual(
      (await sql<{ name: string }>(`SELECT name FROM programme WHERE deanery_id = $1 ORDER BY name`, [deanery])).map(
        (programme) => programme.name,
      ),
    );
    expect(whole.rows.find((row) => row.traineeId === trainees['moved'])).toMatchObject({
      programmeName: 'Foundation North',
      grade: 'FY2',
    });
    const beyond = await cohortOf(admin, '&pageSize=10&page=5&grade=FY1');
    expect(beyond).toMatchObject({ rows: [], total: 6 });
    expect(Object.values(beyond.outcomeCounts).reduce((sum, count) => sum + count, 0)).toBe(6);
  });

  it('shows each kind of change made straight in the database on the next page', async () => {
    const alex = trainees['alex'] as string;
    const chidi = trainees['chidi'] as string;
    await cohortOf(admin);
    expect(await rowOf(chidi)).toMatchObject({ outcome: null, elementsSignedOff: 0, assessmentsPending: 1 });

    const [draft] = await sql<{ id: string }>(
      `SELECT id FROM progression_review WHERE trainee_id = $1 AND status = 'draft'`,
      [chidi],
    );
    await sql(`UPDATE progression_review SET status = 'final', finalised_at = now() WHERE id = $1`, [draft?.id]);
    expect((await rowOf(chidi))?.outcome).toEqual({ code: '3', reviewId: draft?.id, reviewDate: '2027-06-10' });

    await signOff(chidi, '5.1');
    expect((await rowOf(chidi))?.elementsSignedOff).toBe(1);

    const [pending] = await sql<{ id: string }>(
      `SELECT id FROM assessment WHERE trainee_id = $1 AND status = 'in-progress'`,
      [chidi],
    );
    await sql(
      `UPDATE assessment SET status = 'signed-off', signed_at = now(), signed_content_sha256 = 'sha' WHERE id = $1`,
      [pending?.id],
    );
    expect(await rowOf(chidi)).toMatchObject({ assessmentsSigned: 1, assessmentsPending: 0 });
    const requested = await addAssessment(chidi, 'requested');
    expect((await rowOf(chidi))?.assessmentsPending).toBe(1);
    await sql(`DELETE FROM assessment WHERE id = $1`, [requested]);
    expect((await rowOf(chidi))?.assessmentsPending).toBe(0);
    await addAssessment(chidi, 'draft', pending?.id ?? null);
    expect((await rowOf(chidi))?.assessmentsSigned).toBe(0);

    const correction = await addReview(chidi, '1', 'final', draft?.id ?? null);
    expect((await rowOf(chidi))?.outcome).toMatchObject({ code: '1', reviewId: correction });

    await sql(`UPDATE training_record SET stage_key = 'undergraduate' WHERE trainee_id = $1`, [chidi]);
    expect((await rowOf(chidi))?.stageKey).toBe('undergraduate');
    expect((await rowOf(chidi))?.elementsSignedOff).toBe(0);
    await sql(`UPDATE training_record SET programme_id = $2 WHERE trainee_id = $1`, [chidi, programmes.anaesthetics]);
    expect((await rowOf(chidi))?.programmeName).toBe('Anaesthetics');
    expect(
      (await cohortOf(admin, `&programmeId=${programmes.anaesthetics}`)).rows.map((row) => row.traineeId),
    ).toContain(chidi);

    await sql(`UPDATE app_user SET display_name = 'Aaron Able' WHERE id = $1`, [chidi]);
    expect((await cohortOf(admin)).rows[0]).toMatchObject({ traineeId: chidi, displayName: 'Aaron Able' });
    const csv = (await admin.agent.get(`/api/cohort/export?period=${period}`).expect(200)).text;
    expect(csv.split('\r\n')[1]).toContain('"Aaron Able"');

    await sql(`UPDATE app_user SET gmc_number = '7199999' WHERE id = $1`, [chidi]);
    expect((await rowOf(chidi))?.gmcNumber).toBe('7199999');

    await sql(`UPDATE programme SET name = 'Anaesthesia' WHERE id = $1`, [programmes.anaesthetics]);
    const renamed = await cohortOf(admin, '&pageSize=100');
    expect(renamed.rows.find((row) => row.traineeId === chidi)?.programmeName).toBe('Anaesthesia');
    expect(renamed.programmes.map((programme) => programme.name)).toContain('Anaesthesia');

    const added = await createProgramme(testApp.dataSource, deanery, 'Psychiatry');
    expect((await cohortOf(admin)).programmes.map((programme) => programme.id)).toContain(added);

    await sql(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [chidi]);
    const withoutChidi = await cohortOf(admin, '&pageSize=100');
    expect(withoutChidi.total).toBe(renamed.total - 1);
    expect(withoutChidi.rows.map((row) => row.traineeId)).not.toContain(chidi);
    await sql(`UPDATE app_user SET disabled_at = NULL WHERE id = $1`, [chidi]);
    expect((await cohortOf(admin)).total).toBe(renamed.total);

    // A training record moved to another deanery's programme leaves one cohort for the other.
    await cohortOf(otherAdmin);
    await sql(`UPDATE training_record SET programme_id = $2 WHERE trainee_id = $1`, [alex, programmes.elsewhere]);
    expect(await rowOf(alex)).toBeUndefined();
    expect(await rowOf(alex, otherAdmin)).toMatchObject({ programmeName: 'Foundation South', elementsSignedOff: 3 });
    await sql(`UPDATE training_record SET programme_id = $2 WHERE trainee_id = $1`, [alex, programmes.foundation]);
    expect(await rowOf(alex, otherAdmin)).toBeUndefined();
    expect((await rowOf(alex))?.outcome?.code).toBe('1');

    // A new training record, and one deleted.
    const newcomer = await addTrainee('Nia Newcomer', programmes.surgery);
    expect(await rowOf(newcomer)).toMatchObject({ programmeName: 'core Surgery', elementsSignedOff: 0 });
    await sql(`DELETE FROM training_record WHERE trainee_id = $1`, [newcomer]);
    expect(await rowOf(newcomer)).toBeUndefined();
  });

  it('moves the version for what the cohort shows, and not for autosaves or evidence', async () => {
    const emile = trainees['emile'] as string;
    await cohortOf(admin);
    const before = await version(deanery);
    const otherBefore = await version(otherDeanery);

    const [pending] = await sql<{ id: string }>(
      `SELECT id FROM assessment WHERE trainee_id = $1 AND status = 'requested'`,
      [emile],
    );
    await sql(
      `UPDATE assessment SET judgement = '{"ratings": {}}', answers = '{"a": 1}', updated_at = now()
                WHERE id = $1`,
      [pending?.id],
    );
    const draft = await addAssessment(emile, 'draft');
    await sql(`UPDATE assessment SET title = 'Renamed draft' WHERE id = $1`, [draft]);
    const coverageBefore = (
      await sql<{ version: string }>(`SELECT version FROM trainee_coverage_version WHERE trainee_id = $1`, [emile])
    )[0]?.version;
    const [item] = await sql<{ id: string }>(
      `INSERT INTO evidence_item (trainee_id, type, title, occurred_on, visibility, status)
       VALUES ($1, 'reflection', 'A reflection', '2026-10-01', 'panel', 'submitted') RETURNING id`,
      [emile],
    );
    await sql(
      `INSERT INTO evidence_element_link (evidence_id, element_id, stage_id)
       SELECT $1, element.id, stage.id FROM framework
         JOIN framework_stage stage ON stage.framework_id = framework.id AND stage.key = 'postgraduate'
         JOIN framework_element element ON element.framework_id = framework.id AND element.key = '1.1'
        WHERE framework.key = 'mlcf'`,
      [item?.id],
    );
    await sql(`UPDATE evidence_item SET body = 'Rewritten', status = 'locked' WHERE id = $1`, [item?.id]);
    const review = await addReview(emile, '1', 'draft');
    await sql(`UPDATE progression_review SET outcome_code = '2', reasons = 'Still writing' WHERE id = $1`, [review]);
    await sql(`UPDATE app_user SET password_changed_at = now(), updated_at = now() WHERE id = $1`, [emile]);
    await sql(`UPDATE training_record SET ends_on = current_date + 365 WHERE trainee_id = $1`, [emile]);
    // Evidence moved the trainee's coverage version, and nothing here moved the deanery's.
    expect(
      (await sql<{ version: string }>(`SELECT version FROM trainee_coverage_version WHERE trainee_id = $1`, [emile]))[0]
        ?.version,
    ).not.toBe(coverageBefore);
    expect(await version(deanery)).toBe(before);

    // One statement changing many of the deanery's trainees moves its version once.
    await sql(`UPDATE app_user SET display_name = display_name || ' Jr' WHERE id = ANY ($1::uuid[])`, [
      [trainees['bea'], trainees['dana'], trainees['eve']],
    ]);
    expect(BigInt(await version(deanery))).toBe(BigInt(before) + 1n);
    expect(await version(otherDeanery)).toBe(otherBefore);
    expect((await rowOf(trainees['bea'] as string))?.displayName).toBe('Bea Ng Jr');

    // A first judgement moves a request to in-progress: pending either way, so nothing moves.
    await sql(`UPDATE assessment SET status = 'in-progress' WHERE id = $1`, [pending?.id]);
    expect(BigInt(await version(deanery))).toBe(BigInt(before) + 1n);
    await sql(
      `UPDATE assessment SET status = 'signed-off', signed_at = now(), signed_content_sha256 = repeat('0', 64)
        WHERE id = $1`,
      [pending?.id],
    );
    expect(BigInt(await version(deanery))).toBe(BigInt(before) + 2n);
  });

  it('never shows one deanery’s trainees to another’s administrator', async () => {
    const other = await cohortOf(otherAdmin, '&pageSize=100');
    expect(other.rows.map((row) => row.traineeId)).toEqual([trainees['elsewhere']]);
    expect(other.programmes.map((programme) => programme.name)).toEqual(['Foundation South']);
    const own = await cohortOf(admin, '&pageSize=100');
    expect(own.rows.map((row) => row.traineeId)).not.toContain(trainees['elsewhere']);
    expect(own.programmes.map((programme) => programme.id)).not.toContain(programmes.elsewhere);
    // Filtering by the other deanery's programme finds nobody, not its trainees.
    expect((await cohortOf(admin, `&programmeId=${programmes.elsewhere}`)).total).toBe(0);

    const nowhere = await signIn(
      testApp.app,
      (await createUser(testApp.dataSource, ['deanery_admin'], { deaneryId: null })).email,
    );
    expect(await cohortOf(nowhere)).toMatchObject({ rows: [], total: 0, programmes: [], outcomeCounts: {} });
    // An administrator moved to another deanery sees that deanery's cohort on the next page.
    await sql(`UPDATE app_user SET deanery_id = $2 WHERE id = $1`, [adminUser.id, otherDeanery]);
    expect((await cohortOf(admin)).rows.map((row) => row.traineeId)).toEqual([trainees['elsewhere']]);
    await sql(`UPDATE app_user SET deanery_id = $2 WHERE id = $1`, [adminUser.id, deanery]);
  });

  it('answers administrators opening the cohort together from one load', async () => {
    await sql(`UPDATE app_user SET display_name = 'Eve Moss' WHERE id = $1`, [trainees['eve']]);
    const loads = jest.spyOn(testApp.app.get(CohortRepository), 'snapshot');
    const pages = await Promise.all([
      cohortOf(admin, '&sort=outcome'),
      cohortOf(admin, '&sort=signed-off&direction=desc'),
      cohortOf(admin, '&grade=FY2'),
    ]);
    expect(pages.map((page) => page.rows.some((row) => row.displayName === 'Eve Moss'))).toEqual([true, true, false]);
    expect(pages[0]?.total).toBe(pages[1]?.total);
    expect(loads).toHaveBeenCalledTimes(1);
    await cohortOf(admin, '&sort=stage');
    expect(loads).toHaveBeenCalledTimes(1);
    loads.mockRestore();
  });
});
