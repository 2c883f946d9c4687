import pg from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

import { CSRF_HEADER } from '@portfolio/contracts';

import {
  type SignedInClient,
  type TestUser,
  addTrainingRecord,
  assignSupervisor,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { placementsStatement } from './coverage-queries';

/**
 * The read paths that matter most at progression time ask PostgreSQL a fixed number of
 * questions however many rows there are: counted here, before and after the data grows.
 */
describe('queries per request on PostgreSQL', () => {
  let testApp: TestApp;
  let programme: string;
  let trainee: TestUser;
  let supervisor: TestUser;
  let traineeClient: SignedInClient;
  let supervisorClient: SignedInClient;
  let deaneryClient: SignedInClient;
  const period = '2026-27';

  async function queriesOf(client: SignedInClient, path: string): Promise<number> {
    const query = jest.spyOn(pg.Client.prototype, 'query');
    try {
      await client.agent.get(path).expect(200);
      return query.mock.calls.length;
    } finally {
      query.mockRestore();
    }
  }

  async function counts(): Promise<Record<string, number>> {
    return {
      traineeProgress: await queriesOf(traineeClient, `/api/trainees/${trainee.id}/progress`),
      supervisorProgress: await queriesOf(supervisorClient, `/api/trainees/${trainee.id}/progress`),
      supervision: await queriesOf(supervisorClient, '/api/supervision'),
      cohort: await queriesOf(deaneryClient, `/api/cohort?period=${period}`),
      cohortBySignOffs: await queriesOf(deaneryClient, `/api/cohort?period=${period}&sort=signed-off`),
    };
  }

  async function addEvidence(client: SignedInClient, count: number, elementKeys: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const response = await client.agent
        .post('/api/evidence')
        .set(CSRF_HEADER, client.csrfToken)
        .send({
          type: 'leadership-activity',
          title: `Activity ${index}`,
          occurredOn: '2026-10-01',
          visibility: 'supervisor',
          links: elementKeys.map((elementKey) => ({ elementKey })),
        })
        .expect(201);
      const item = response.body as { id: string; version: number };
      await client.agent
        .patch(`/api/evidence/${item.id}`)
        .set(CSRF_HEADER, client.csrfToken)
        .send({ version: item.version, status: 'submitted' })
        .expect(200);
      ids.push(item.id);
    }
    return ids;
  }

  async function addTrainee(): Promise<void> {
    const other = await createUser(testApp.dataSource, ['trainee']);
    await addTrainingRecord(testApp.dataSource, other.id, programme, { grade: 'FY2' });
    await assignSupervisor(testApp.dataSource, other.id, supervisor.id);
    await addEvidence(await signIn(testApp.app, other.email), 2, ['1.1', '3.2']);
  }

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const deanery = await createDeanery(dataSource);
    programme = await createProgramme(dataSource, deanery);
    trainee = await createUser(dataSource, ['trainee'], { deaneryId: deanery });
    await addTrainingRecord(dataSource, trainee.id, programme);
    supervisor = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisor.id);
    const deaneryAdmin = await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery });
    traineeClient = await signIn(testApp.app, trainee.email);
    supervisorClient = await signIn(testApp.app, supervisor.email);
    deaneryClient = await signIn(testApp.app, deaneryAdmin.email);
  });

  afterAll(() => testApp.close());

  it('does not grow with the number of evidence items, sign-offs or trainees', async () => {
    await addEvidence(traineeClient, 1, ['1.1']);
    await addTrainee();
    await counts(); // the first request also reads the framework's structure, which is then kept
    // Coverage is counted and the cohort loaded afresh after a change, and both are kept while
    // nothing changes: the first request after a change and the next one are measured.
    await addEvidence(traineeClient, 1, ['2.4']);
    await addTrainee();
    const before = { counted: await counts(), kept: await counts() };

    const evidence = await addEvidence(traineeClient, 8, ['1.1', '2.4', '3.2', '4.3']);
    await supervisorClient.agent
      .post(`/api/trainees/${trainee.id}/sign-offs`)
      .set(CSRF_HEADER, supervisorClient.csrfToken)
      .send({ elementKey: '3.2', evidenceIds: evidence.slice(0, 2) })
      .expect(201);
    for (let index = 0; index < 6; index += 1) await addTrainee();
    const after = { counted: await counts(), kept: await counts() };

    expect(after).toEqual(before);
    // Each is a handful of statements (the session, the viewer's scope, the data), not one per row.
    for (const count of [...Object.values(after.counted), ...Object.values(after.kept)]) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(12);
    }
    // Kept coverage saves reading stored counts, the three counting statements and storing their
    // result; a kept cohort, the statement loading it.
    expect(after.kept.traineeProgress).toBe(after.counted.traineeProgress - 5);
    expect(after.kept.cohort).toBe(after.counted.cohort - 1);
    // Between changes, with the session kept too, a trainee's progress and the supervisor's page
    // are one statement each.
    expect(after.kept.traineeProgress).toBe(1);
    expect(after.kept.supervision).toBe(1);
  });

  it("plans a progress page's statement once, not again on every request", async () => {
    // At a deanery's size, where the planner weighs a generic plan against a custom one in earnest.
    await testApp.dataSource.query(
      `INSERT INTO app_user (email, display_name, roles)
       SELECT 'many-' || n || '@example.test', 'Trainee ' || n, '{trainee}' FROM generate_series(1, 5000) n`,
    );
    await testApp.dataSource.query(
      `INSERT INTO training_record (trainee_id, programme_id, stage_key, grade, starts_on)
       SELECT id, $1, 'postgraduate', 'FY1', current_date - 30 FROM app_user WHERE email LIKE 'many-%'`,
      [programme],
    );
    await testApp.dataSource.query(`ANALYZE app_user, training_record`);
    const reader = { id: trainee.id, roles: trainee.roles } as Parameters<typeof placementsStatement>[0];
    const statement = placementsStatement(reader, [trainee.id]);
    const client = await ((testApp.dataSource.driver as PostgresDriver).master as pg.Pool).connect();
    try {
      for (let run = 0; run < 10; run += 1) {
        await client.query({ name: 'placements-plan-check', text: statement.text, values: statement.values });
      }
      const [plans] = (
        await client.query(
          `SELECT generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE name = 'placements-plan-check'`,
        )
      ).rows as { generic_plans: number; custom_plans: number }[];
      // PostgreSQL tries five custom plans, then keeps the generic one when it trusts it.
      expect(plans).toEqual({ generic_plans: 5, custom_plans: 5 });
    } finally {
      await client.query(`DEALLOCATE "placements-plan-check"`);
      client.release();
    }
  });
});
