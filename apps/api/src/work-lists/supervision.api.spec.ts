import { CSRF_HEADER, type ProgressView, type SupervisorDashboard } from '@portfolio/contracts';

import { businessPlanAnswers, businessPlanTemplate } from '../../test/business-plan';
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

/** The supervisor's page: its three lists arrive in one statement and must read as they did apart. */
describe('supervisor dashboard on PostgreSQL', () => {
  let testApp: TestApp;
  let programme: string;
  let supervisorUser: TestUser;
  let supervisor: SignedInClient;

  const write = (client: SignedInClient, method: 'post' | 'patch', path: string, body: object) =>
    client.agent[method](path).set(CSRF_HEADER, client.csrfToken).send(body);

  async function traineeNamed(displayName: string, grade: string): Promise<{ user: TestUser; client: SignedInClient }> {
    const user = await createUser(testApp.dataSource, ['trainee']);
    await testApp.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [user.id, displayName]);
    await addTrainingRecord(testApp.dataSource, user.id, programme, { grade });
    return { user, client: await signIn(testApp.app, user.email) };
  }

  async function submittedEvidence(
    client: SignedInClient,
    elementKey: string,
    visibility: 'private' | 'supervisor' = 'supervisor',
  ): Promise<string> {
    const created = await write(client, 'post', '/api/evidence', {
      type: 'leadership-activity',
      title: `Led the ${elementKey} huddle`,
      occurredOn: '2026-10-01',
      visibility,
      links: [{ elementKey }],
    }).expect(201);
    const item = created.body as { id: string; version: number };
    await write(client, 'patch', `/api/evidence/${item.id}`, { version: item.version, status: 'submitted' }).expect(
      200,
    );
    return item.id;
  }

  const isoOf = async (sql: string, id: string): Promise<string | null> => {
    const [row] = (await testApp.dataSource.query(sql, [id])) as { at: Date | null }[];
    return row?.at ? row.at.toISOString() : null;
  };

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    programme = await createProgramme(testApp.dataSource, await createDeanery(testApp.dataSource));
    supervisorUser = await createUser(testApp.dataSource, ['supervisor']);
    supervisor = await signIn(testApp.app, supervisorUser.email);
  });

  afterAll(() => testApp.close());

  it('is empty, not missing, for a supervisor with no trainees yet', async () => {
    const dashboard = (await supervisor.agent.get('/api/supervision').expect(200)).body as SupervisorDashboard;
    expect(dashboard).toEqual({ trainees: [], pendingRequests: [], recentSignOffs: [] });
  });

  it('lists current trainees by name with their coverage, what waits and what was signed', async () => {
    const zoe = await traineeNamed('Zoe Young', 'ST3');
    const amir = await traineeNamed('Amir Patel', 'FY2');
    const former = await traineeNamed('Former Trainee', 'FY1');
    await assignSupervisor(testApp.dataSource, zoe.user.id, supervisorUser.id);
    await assignSupervisor(testApp.dataSource, amir.user.id, supervisorUser.id);
    await assignSupervisor(testApp.dataSource, former.user.id, supervisorUser.id, {
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });

    const evidence = await submittedEvidence(amir.client, '3.2');
    await submittedEvidence(amir.client, '1.1');
    // Counted for Amir, not for his supervisor: the page must count as the supervisor reads.
    await submittedEvidence(amir.client, '3.3', 'private');
    await write(supervisor, 'post', `/api/trainees/${amir.user.id}/sign-offs`, {
      elementKey: '3.2',
      evidenceIds: [evidence],
    }).expect(201);
    const started = await write(amir.client, 'post', '/api/assessments', {
      templateKey: businessPlanTemplate,
      answers: businessPlanAnswers({ title: 'Fewer missed doses', setting: 'Ward 7' }),
    }).expect(201);
    const sent = await write(amir.client, 'post', `/api/assessments/${started.body.id}/send`, {
      assessor: { kind: 'supervisor' },
      version: started.body.version,
    }).expect(200);

    const dashboard = (await supervisor.agent.get('/api/supervision').expect(200)).body as SupervisorDashboard;

    expect(dashboard.trainees.map((trainee) => trainee.displayName)).toEqual(['Amir Patel', 'Zoe Young']);
    const [amirRow, zoeRow] = dashboard.trainees;
    const amirProgress = (await supervisor.agent.get(`/api/trainees/${amir.user.id}/progress`).expect(200))
      .body as ProgressView;
    expect(amirRow).toEqual({
      id: amir.user.id,
      displayName: 'Amir Patel',
      programmeName: expect.any(String),
      stageKey: 'postgraduate',
      grade: 'FY2',
      frameworkKey: 'mlcf',
      totals: amirProgress.totals,
      elementCount: amirProgress.elements.length,
      pendingAssessments: 1,
      lastActivityAt: await isoOf(
        `SELECT GREATEST((SELECT max(updated_at) FROM evidence_item WHERE trainee_id = $1),
                         (SELECT max(updated_at) FROM assessment WHERE trainee_id = $1)) AS at`,
        amir.user.id,
      ),
    });
    expect(amirRow?.totals['signed-off']).toBe(1);
    expect(amirRow?.totals.evidenced).toBeGreaterThanOrEqual(1);
    const ownView = (await amir.client.agent.get(`/api/trainees/${amir.user.id}/progress`).expect(200))
      .body as ProgressView;
    const statusOf3_3 = (view: ProgressView) => view.elements.find((element) => element.key === '3.3')?.status;
    expect(statusOf3_3(ownView)).toBe('evidenced');
    expect(statusOf3_3(amirProgress)).toBe('not-started');
    expect(zoeRow).toMatchObject({ grade: 'ST3', pendingAssessments: 0, lastActivityAt: null });
    expect(zoeRow?.totals).toEqual({ 'not-started': zoeRow?.elementCount, evidenced: 0, assessed: 0, 'signed-off': 0 });

    expect(dashboard.pendingRequests).toEqual([
      {
        id: sent.body.id,
        title: 'Fewer missed doses',
        templateTitle: expect.any(String),
        traineeId: amir.user.id,
        traineeName: 'Amir Patel',
        status: 'requested',
        since: await isoOf(`SELECT requested_at AS at FROM assessment WHERE id = $1`, sent.body.id),
        waitingDays: 0,
      },
    ]);
    expect(dashboard.recentSignOffs).toEqual([
      {
        id: expect.any(String),
        kind: 'element',
        traineeId: amir.user.id,
        traineeName: 'Amir Patel',
        title: expect.stringMatching(/^3\.2 /),
        signedAt: await isoOf(
          `SELECT recorded_at AS at FROM element_sign_off WHERE trainee_id = $1 AND kind = 'sign-off'`,
          amir.user.id,
        ),
      },
    ]);
  });
});
