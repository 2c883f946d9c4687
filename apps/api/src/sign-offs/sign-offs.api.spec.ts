import { CSRF_HEADER, type ElementSignOffView, type EvidenceView, type ProgressView } from '@portfolio/contracts';

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

describe('element sign-off on PostgreSQL', () => {
  let testApp: TestApp;
  let trainee: TestUser;
  let traineeClient: SignedInClient;
  let supervisor: SignedInClient;
  let coSupervisor: SignedInClient;
  let unassignedSupervisor: SignedInClient;
  let sharedEvidence: EvidenceView;
  let privateEvidence: EvidenceView;

  const write = (client: SignedInClient, path: string, body: object) =>
    client.agent.post(path).set(CSRF_HEADER, client.csrfToken).send(body);
  const signOff = (client: SignedInClient, body: object) =>
    write(client, `/api/trainees/${trainee.id}/sign-offs`, body);
  const progress = async () =>
    (
      (await traineeClient.agent.get(`/api/trainees/${trainee.id}/progress`).expect(200)).body as ProgressView
    ).elements.find((element) => element.key === '3.2');

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const programme = await createProgramme(dataSource, await createDeanery(dataSource));
    trainee = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, trainee.id, programme, { stageKey: 'postgraduate' });
    const supervisorUser = await createUser(dataSource, ['supervisor']);
    const coSupervisorUser = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisorUser.id);
    await assignSupervisor(dataSource, trainee.id, coSupervisorUser.id);
    traineeClient = await signIn(testApp.app, trainee.email);
    supervisor = await signIn(testApp.app, supervisorUser.email);
    coSupervisor = await signIn(testApp.app, coSupervisorUser.email);
    unassignedSupervisor = await signIn(testApp.app, (await createUser(dataSource, ['supervisor'])).email);

    const create = async (body: object) =>
      (
        await write(traineeClient, '/api/evidence', {
          type: 'leadership-activity',
          occurredOn: '2026-10-01',
          ...body,
        }).expect(201)
      ).body as EvidenceView;
    sharedEvidence = await create({ title: 'Budget review', links: [{ elementKey: '3.2' }] });
    await traineeClient.agent
      .patch(`/api/evidence/${sharedEvidence.id}`)
      .set(CSRF_HEADER, traineeClient.csrfToken)
      .send({ version: 1, status: 'submitted' })
      .expect(200);
    privateEvidence = await create({ title: 'Private', visibility: 'private' });
  });

  afterAll(() => testApp.close());

  it('refuses a sign-off that cites nothing, or evidence not shared with the supervisor', async () => {
    const none = await signOff(supervisor, { elementKey: '3.2', evidenceIds: [] }).expect(400);
    expect(none.body.errors[0].field).toBe('evidenceIds');
    const hidden = await signOff(supervisor, { elementKey: '3.2', evidenceIds: [privateEvidence.id] }).expect(400);
    expect(hidden.body.errors).toEqual([
      { field: 'evidenceIds', message: 'Cite evidence of this trainee that has been shared with you' },
    ]);
    const wrongStage = await signOff(supervisor, { elementKey: '6.1', evidenceIds: [sharedEvidence.id] }).expect(400);
    expect(wrongStage.body.errors[0].field).toBe('stageKey');
  });

  it('lets only a current supervisor sign off', async () => {
    await signOff(unassignedSupervisor, { elementKey: '3.2', evidenceIds: [sharedEvidence.id] }).expect(404);
    await signOff(traineeClient, { elementKey: '3.2', evidenceIds: [sharedEvidence.id] }).expect(404);
  });

  it('gives exactly one sign-off when two supervisors sign off the same element at once, and a retry signs once', async () => {
    const body = { elementKey: '3.2', evidenceIds: [sharedEvidence.id], note: 'Managed the ward budget review well' };
    const [first, second] = await Promise.all([signOff(supervisor, body), signOff(coSupervisor, body)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    const retry = await signOff(supervisor, body).expect(200);
    expect(retry.body.id).toBe(first.body.id);
    const rows = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM element_sign_off WHERE trainee_id = $1`,
      [trainee.id],
    );
    expect(rows).toEqual([{ count: 1 }]);
    expect(await progress()).toMatchObject({ signedOff: true, status: 'signed-off' });
  });

  it('never changes a record, even in raw SQL; a withdrawal is a new record with a reason', async () => {
    await expect(testApp.dataSource.query(`UPDATE element_sign_off SET note = 'changed'`)).rejects.toThrow(
      /never changed/,
    );
    await expect(testApp.dataSource.query(`DELETE FROM element_sign_off`)).rejects.toThrow(/never changed/);

    const [record] = (await traineeClient.agent.get(`/api/trainees/${trainee.id}/sign-offs`).expect(200))
      .body as ElementSignOffView[];
    const path = `/api/trainees/${trainee.id}/sign-offs/${record?.id}/withdrawal`;
    const noReason = await write(supervisor, path, { reason: '' }).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const withdrawal = await write(supervisor, path, { reason: 'Signed off against the wrong stage' }).expect(201);
    expect(withdrawal.body).toMatchObject({
      kind: 'withdrawal',
      supersedes: record?.id,
      note: 'Signed off against the wrong stage',
    });
    await write(coSupervisor, path, { reason: 'Again' }).expect(409);
    expect(await progress()).toMatchObject({ signedOff: false });

    const history = (await supervisor.agent.get(`/api/trainees/${trainee.id}/sign-offs`).expect(200))
      .body as ElementSignOffView[];
    expect(history.map((entry) => entry.kind)).toEqual(['sign-off', 'withdrawal']);

    // Signing off again after a withdrawal continues the same history.
    const again = await signOff(supervisor, { elementKey: '3.2', evidenceIds: [sharedEvidence.id] }).expect(201);
    expect(again.body.supersedes).toBe(withdrawal.body.id);
    expect(await progress()).toMatchObject({ signedOff: true });
  });
});
