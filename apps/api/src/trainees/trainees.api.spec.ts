import type { TraineePage } from '@portfolio/contracts';

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

/** Record-level access: each caller sees exactly the trainees they are entitled to. */
describe('who sees which trainee', () => {
  let testApp: TestApp;
  let traineeA: TestUser;
  let traineeB: TestUser;
  let traineeElsewhere: TestUser;
  let supervisor: TestUser;
  let deaneryAdmin: TestUser;
  let otherDeaneryAdmin: TestUser;
  let assignmentId: string;

  const visibleIds = async (client: SignedInClient) =>
    ((await client.agent.get('/api/trainees').expect(200)).body as TraineePage).items.map((item) => item.id).sort();

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
    const { dataSource } = testApp;
    const deanery = await createDeanery(dataSource);
    const otherDeanery = await createDeanery(dataSource);
    const programme = await createProgramme(dataSource, deanery);
    const otherProgramme = await createProgramme(dataSource, otherDeanery);
    traineeA = await createUser(dataSource, ['trainee'], { deaneryId: deanery });
    traineeB = await createUser(dataSource, ['trainee'], { deaneryId: deanery });
    traineeElsewhere = await createUser(dataSource, ['trainee'], { deaneryId: otherDeanery });
    await addTrainingRecord(dataSource, traineeA.id, programme);
    await addTrainingRecord(dataSource, traineeB.id, programme);
    await addTrainingRecord(dataSource, traineeElsewhere.id, otherProgramme);
    supervisor = await createUser(dataSource, ['supervisor']);
    assignmentId = await assignSupervisor(dataSource, traineeA.id, supervisor.id);
    deaneryAdmin = await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery });
    otherDeaneryAdmin = await createUser(dataSource, ['deanery_admin'], { deaneryId: otherDeanery });
  });

  afterAll(() => testApp.close());

  it('lets a trainee see only their own record, by id and in the list', async () => {
    const client = await signIn(testApp.app, traineeA.email);
    expect(await visibleIds(client)).toEqual([traineeA.id]);
    const own = await client.agent.get(`/api/trainees/${traineeA.id}`).expect(200);
    expect(own.body.trainingRecords).toHaveLength(1);
    const other = await client.agent.get(`/api/trainees/${traineeB.id}`).expect(404);
    const missing = await client.agent.get('/api/trainees/00000000-0000-4000-8000-000000000000').expect(404);
    expect(other.body).toEqual(missing.body);
  });

  it('lets a supervisor see the trainees currently assigned, and no longer once the assignment ends', async () => {
    const client = await signIn(testApp.app, supervisor.email);
    expect(await visibleIds(client)).toEqual([traineeA.id]);
    await client.agent.get(`/api/trainees/${traineeA.id}`).expect(200);
    await client.agent.get(`/api/trainees/${traineeB.id}`).expect(404);

    await testApp.dataSource.query(`UPDATE supervisor_assignment SET ends_on = current_date - 1 WHERE id = $1`, [
      assignmentId,
    ]);
    await client.agent.get(`/api/trainees/${traineeA.id}`).expect(404);
    expect(await visibleIds(client)).toEqual([]);

    await testApp.dataSource.query(
      `UPDATE supervisor_assignment SET ends_on = NULL, starts_on = current_date + 7 WHERE id = $1`,
      [assignmentId],
    );
    await client.agent.get(`/api/trainees/${traineeA.id}`).expect(404);
    await testApp.dataSource.query(`UPDATE supervisor_assignment SET starts_on = current_date - 30 WHERE id = $1`, [
      assignmentId,
    ]);
  });

  it('lets a deanery admin see the trainees of their own deanery only', async () => {
    const client = await signIn(testApp.app, deaneryAdmin.email);
    expect(await visibleIds(client)).toEqual([traineeA.id, traineeB.id].sort());
    await client.agent.get(`/api/trainees/${traineeElsewhere.id}`).expect(404);

    const other = await signIn(testApp.app, otherDeaneryAdmin.email);
    expect(await visibleIds(other)).toEqual([traineeElsewhere.id]);
    await other.agent.get(`/api/trainees/${traineeA.id}`).expect(404);
  });

  it('gives an assessor no trainees at all', async () => {
    const assessor = await createUser(testApp.dataSource, ['assessor']);
    const client = await signIn(testApp.app, assessor.email);
    await client.agent.get('/api/trainees').expect(404);
    await client.agent.get(`/api/trainees/${traineeA.id}`).expect(404);
  });

  it('pages through trainees with a keyset cursor, and refuses a forged cursor', async () => {
    const admin = await createUser(testApp.dataSource, ['admin']);
    const client = await signIn(testApp.app, admin.email);
    const first = (await client.agent.get('/api/trainees?limit=2').expect(200)).body as TraineePage;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (await client.agent.get(`/api/trainees?limit=2&cursor=${first.nextCursor}`).expect(200))
      .body as TraineePage;
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]?.id);
    const forged = await client.agent.get('/api/trainees?cursor=not-a-cursor').expect(400);
    expect(forged.body.errors).toEqual([{ field: 'cursor', message: 'cursor is not one this API gave out' }]);
    const badLimit = await client.agent.get('/api/trainees?limit=1000').expect(400);
    expect(badLimit.body.errors[0].field).toBe('limit');
    await client.agent.get('/api/trainees/not-a-uuid').expect(400);
  });
});
