import type { QueryRunner } from 'typeorm';

import { CSRF_HEADER, QUIET_TRAINEE_DAYS, type TodoList } from '@portfolio/contracts';

import { businessPlanAnswers, businessPlanTemplate } from '../../test/business-plan';
import { type SignedInClient, type TestUser, assignSupervisor, createUser, signIn } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';

interface Activity {
  lastActivityAt: string | null;
  pendingAssessments: number;
}

/**
 * Each trainee's last activity and waiting assessments are kept on writes (TrackTraineeActivity):
 * whatever the API or another process changes, the kept row must say what counting the trainee's
 * rows would say.
 */
describe('kept trainee activity on PostgreSQL', () => {
  let testApp: TestApp;

  const sql = (text: string, parameters: unknown[] = []) => testApp.dataSource.query(text, parameters);
  const write = (client: SignedInClient, method: 'post' | 'patch' | 'delete', path: string, body: object = {}) =>
    client.agent[method](path).set(CSRF_HEADER, client.csrfToken).send(body);

  /** The trainee's activity as `query` (with the trainee's id as $1, answering `at` and `pending`) reads it. */
  const activityBy = async (query: string, traineeId: string): Promise<Activity | null> => {
    const [row] = (await sql(query, [traineeId])) as { at: Date | null; pending: number }[];
    return row ? { lastActivityAt: row.at?.toISOString() ?? null, pendingAssessments: row.pending } : null;
  };
  const kept = (traineeId: string) =>
    activityBy(
      `SELECT last_activity_at AS at, pending_assessments AS pending FROM trainee_activity WHERE trainee_id = $1`,
      traineeId,
    );
  /** What counting the trainee's rows says now. */
  const counted = (traineeId: string) =>
    activityBy(
      `SELECT GREATEST((SELECT max(updated_at) FROM evidence_item WHERE trainee_id = $1),
                       (SELECT max(updated_at) FROM assessment WHERE trainee_id = $1)) AS at,
              (SELECT count(*)::int FROM assessment
                WHERE trainee_id = $1 AND status IN ('requested', 'in-progress')) AS pending`,
      traineeId,
    );

  async function draftEvidence(client: SignedInClient, title: string): Promise<string> {
    const created = await write(client, 'post', '/api/evidence', {
      type: 'reflection',
      title,
      occurredOn: '2026-10-01',
      visibility: 'supervisor',
    }).expect(201);
    return (created.body as { id: string }).id;
  }

  async function draftAssessment(client: SignedInClient, title: string): Promise<string> {
    const created = await write(client, 'post', '/api/assessments', {
      templateKey: businessPlanTemplate,
      answers: businessPlanAnswers({ title, setting: 'Ward 7' }),
    }).expect(201);
    return (created.body as { id: string }).id;
  }

  /** Sends the assessment to an external assessor straight in SQL, as another process might, through `runner`. */
  const send = (runner: { query: (text: string, parameters: unknown[]) => Promise<unknown> }, assessmentId: string) =>
    runner.query(
      `UPDATE assessment SET status = 'requested', assessor_kind = 'external', assessor_name = 'A. Assessor',
              assessor_email = 'assessor@example.org', requested_at = now(), updated_at = now()
        WHERE id = $1`,
      [assessmentId],
    );

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
  });

  afterAll(() => testApp.close());

  it('follows evidence and assessments as they are written, changed and deleted', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const bystander = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, trainee.email);
    expect(await kept(trainee.id)).toBeNull();

    const item = await draftEvidence(client, 'Chaired the safety huddle');
    expect(await kept(trainee.id)).toEqual(await counted(trainee.id));
    await draftEvidence(await signIn(testApp.app, bystander.email), 'Someone else’s work');

    const planned = await draftAssessment(client, 'Fewer missed doses');
    const sent = (await sql(`SELECT version FROM assessment WHERE id = $1`, [planned])) as { version: number }[];
    await write(client, 'post', `/api/assessments/${planned}/send`, {
      assessor: { kind: 'external', name: 'A. Assessor', email: 'assessor@example.org' },
      version: sent[0]?.version,
    }).expect(200);
    expect(await kept(trainee.id)).toEqual({ lastActivityAt: expect.any(String), pendingAssessments: 1 });
    expect(await kept(trainee.id)).toEqual(await counted(trainee.id));

    // Straight in SQL, as another process would: returned, then taken up again.
    await sql(`UPDATE assessment SET status = 'returned', updated_at = now() WHERE id = $1`, [planned]);
    expect(await kept(trainee.id)).toEqual(await counted(trainee.id));
    await sql(`UPDATE assessment SET status = 'in-progress', updated_at = now() WHERE id = $1`, [planned]);
    expect(await kept(trainee.id)).toEqual({ lastActivityAt: expect.any(String), pendingAssessments: 1 });

    // A deletion is activity when it happens, though the newest remaining row may be older.
    const before = (await kept(trainee.id))?.lastActivityAt ?? '';
    await write(client, 'delete', `/api/evidence/${item}`).expect(204);
    const [{ now }] = (await sql(`SELECT now() AS now`)) as { now: Date }[];
    const afterDelete = await kept(trainee.id);
    expect(afterDelete?.pendingAssessments).toBe(1);
    expect(Date.parse(afterDelete?.lastActivityAt ?? '')).toBeGreaterThan(Date.parse(before));
    expect(Date.parse(afterDelete?.lastActivityAt ?? '')).toBeLessThanOrEqual(now.getTime());

    const unsent = await draftAssessment(client, 'Shorter clinic waits');
    await send(testApp.dataSource, unsent);
    expect((await kept(trainee.id))?.pendingAssessments).toBe(2);
    await sql(`DELETE FROM assessment WHERE id = $1`, [unsent]);
    expect((await kept(trainee.id))?.pendingAssessments).toBe(1);
    expect((await counted(trainee.id))?.pendingAssessments).toBe(1);
    expect(await kept(bystander.id)).toEqual(await counted(bystander.id));
  });

  it('counts what two transactions send for one trainee at once', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, trainee.email);
    const first = await draftAssessment(client, 'Safer handover');
    const second = await draftAssessment(client, 'Quicker discharge');
    const runners = [testApp.dataSource.createQueryRunner(), testApp.dataSource.createQueryRunner()];
    try {
      const [one, two] = runners as [QueryRunner, QueryRunner];
      await one.startTransaction();
      await two.startTransaction();
      await send(one, first);
      const [{ pid }] = (await two.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
      const secondSent = send(two, second);
      // The second waits for the first's lock on the trainee's row, seeing neither its change nor its count.
      await waitUntil(async () => {
        const [state] = (await sql(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid])) as {
          wait_event_type: string | null;
        }[];
        return state?.wait_event_type === 'Lock';
      });
      await one.commitTransaction();
      await secondSent;
      await two.commitTransaction();
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
    expect(await kept(trainee.id)).toEqual({ lastActivityAt: expect.any(String), pendingAssessments: 2 });
    expect(await kept(trainee.id)).toEqual(await counted(trainee.id));
  });

  it('tells a supervisor which trainees have gone quiet, never-active first', async () => {
    const supervisorUser = await createUser(testApp.dataSource, ['supervisor']);
    const supervised = async (name: string): Promise<TestUser> => {
      const user = await createUser(testApp.dataSource, ['trainee']);
      await sql(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [user.id, `${name} Trainee`]);
      await assignSupervisor(testApp.dataSource, user.id, supervisorUser.id);
      return user;
    };
    const active = await supervised('Active');
    const quiet = await supervised('Quiet');
    const silent = await supervised('Silent');
    await draftEvidence(await signIn(testApp.app, active.email), 'Ran the rota meeting');
    // Written by an import of older work: its activity is when the item says it changed.
    await sql(
      `INSERT INTO evidence_item (trainee_id, type, title, occurred_on, body, visibility, created_at, updated_at)
       VALUES ($1, 'reflection', 'An older reflection', current_date - 40, '', 'supervisor',
               now() - make_interval(days => $2), now() - make_interval(days => $2))`,
      [quiet.id, QUIET_TRAINEE_DAYS + 12],
    );

    const supervisor = await signIn(testApp.app, supervisorUser.email);
    const todo = (await supervisor.agent.get('/api/todo').expect(200)).body as TodoList;

    expect(todo.quietTrainees).toEqual([
      { id: silent.id, displayName: 'Silent Trainee', lastActivityAt: null },
      {
        id: quiet.id,
        displayName: 'Quiet Trainee',
        lastActivityAt: (await counted(quiet.id))?.lastActivityAt,
      },
    ]);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
