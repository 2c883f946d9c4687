import { CSRF_HEADER, type EvidenceView, type ProgressView } from '@portfolio/contracts';

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

describe('progress through the MLCF ↔ Healthcare Leadership Model crosswalk', () => {
  let testApp: TestApp;
  let trainee: TestUser;
  let traineeClient: SignedInClient;
  let supervisor: SignedInClient;

  const progress = async (client: SignedInClient, query: string) =>
    (await client.agent.get(`/api/trainees/${trainee.id}/progress${query}`).expect(200)).body as ProgressView;
  const element = (view: ProgressView, key: string) => view.elements.find((candidate) => candidate.key === key);

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const programme = await createProgramme(dataSource, await createDeanery(dataSource));
    trainee = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, trainee.id, programme, { stageKey: 'postgraduate' });
    const supervisorUser = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisorUser.id);
    traineeClient = await signIn(testApp.app, trainee.email);
    supervisor = await signIn(testApp.app, supervisorUser.email);

    const create = async (title: string, elementKeys: string[], visibility: string, submit: boolean) => {
      const created = (
        await traineeClient.agent
          .post('/api/evidence')
          .set(CSRF_HEADER, traineeClient.csrfToken)
          .send({
            type: 'leadership-activity',
            occurredOn: '2026-10-01',
            title,
            visibility,
            links: elementKeys.map((elementKey) => ({ elementKey })),
          })
          .expect(201)
      ).body as EvidenceView;
      if (submit) {
        await traineeClient.agent
          .patch(`/api/evidence/${created.id}`)
          .set(CSRF_HEADER, traineeClient.csrfToken)
          .send({ version: created.version, status: 'submitted' })
          .expect(200);
      }
    };
    await create('Audit of discharge letters', ['4.2', '5.2'], 'supervisor', true);
    await create('Literature review on handover', ['5.2'], 'supervisor', true);
    await create('Private reflection on a difficult meeting', ['5.2', '1.1'], 'private', false);
    await create('Timetable planning', ['1.2'], 'supervisor', true);
  });

  afterAll(() => testApp.close());

  it("shows the trainee's MLCF evidence against the Healthcare Leadership Model, marked as crosswalked", async () => {
    const view = await progress(traineeClient, '?framework=healthcare-leadership-model&includeCrosswalks=true');
    expect(view).toMatchObject({
      frameworkKey: 'healthcare-leadership-model',
      frameworkVersion: '2013',
      frameworkTitle: 'Healthcare Leadership Model',
      stages: [{ key: 'all-staff', title: 'Everyone in health and care' }],
      stage: 'all-staff',
    });
    expect(view.crosswalks).toEqual([
      {
        key: 'mlcf-2010--healthcare-leadership-model-2013',
        title: 'Medical Leadership Competency Framework (2010) and Healthcare Leadership Model (2013)',
        frameworkKey: 'mlcf',
        frameworkVersion: '2010',
        frameworkTitle: 'Medical Leadership Competency Framework',
      },
    ]);
    const evaluating = element(view, 'evaluating-information');
    // Never mixed into the dimension's own counts: its status stays its own.
    expect(evaluating).toMatchObject({ evidenceCount: 0, status: 'not-started' });
    expect(evaluating?.crosswalk).toEqual({
      evidenceCount: 3,
      sources: [
        expect.objectContaining({ elementKey: '4.2', relation: 'exactMatchOf', evidenceCount: 1 }),
        expect.objectContaining({ elementKey: '5.2', relation: 'isRelatedTo', evidenceCount: 3 }),
      ],
    });
    expect(element(view, 'leading-with-care')?.crosswalk).toEqual({
      evidenceCount: 1,
      sources: [
        expect.objectContaining({
          elementKey: '1.1',
          elementTitle: 'Developing Self Awareness',
          relation: 'isRelatedTo',
        }),
      ],
    });
    // 1.2 Managing Yourself maps to nothing, so the timetable counts nowhere in the model.
    expect(view.elements.reduce((sum, each) => sum + (each.crosswalk?.evidenceCount ?? 0), 0)).toBe(4);
    expect(view.totals['not-started']).toBe(9);
  });

  it('counts only what the viewer may see: a supervisor does not see the private reflection', async () => {
    const view = await progress(supervisor, '?framework=healthcare-leadership-model&includeCrosswalks=true');
    expect(element(view, 'evaluating-information')?.crosswalk?.evidenceCount).toBe(2);
    expect(element(view, 'leading-with-care')?.crosswalk).toEqual({ evidenceCount: 0, sources: [] });
  });

  it("leaves the trainee's own view unchanged unless crosswalks are asked for", async () => {
    const plain = await progress(traineeClient, '');
    expect(plain.frameworkKey).toBe('mlcf');
    expect(plain.crosswalks).toBeUndefined();
    expect(element(plain, '4.2')).not.toHaveProperty('crosswalk');
    // The MLCF's own view has no Healthcare Leadership Model evidence to bring in.
    const withCrosswalks = await progress(traineeClient, '?includeCrosswalks=true');
    expect(element(withCrosswalks, '4.2')?.crosswalk).toEqual({ evidenceCount: 0, sources: [] });
    expect(element(withCrosswalks, '4.2')).toMatchObject({ evidenceCount: 1, status: 'evidenced' });
  });

  it('answers bad input with the field and the reason', async () => {
    const notBoolean = await traineeClient.agent
      .get(`/api/trainees/${trainee.id}/progress?includeCrosswalks=yes`)
      .expect(400);
    expect(notBoolean.body.errors).toEqual([
      { field: 'includeCrosswalks', message: 'includeCrosswalks must be true or false' },
    ]);
    const unknown = await traineeClient.agent.get(`/api/trainees/${trainee.id}/progress?framework=nothing`).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'framework', message: "There is no framework 'nothing'" }]);
    const wrongStage = await traineeClient.agent
      .get(`/api/trainees/${trainee.id}/progress?framework=healthcare-leadership-model&stage=postgraduate`)
      .expect(400);
    expect(wrongStage.body.errors[0].field).toBe('stage');
  });
});
