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
import { CoverageCounts } from './coverage-counts';

/**
 * Coverage counts are kept in memory against a version the database moves: whatever changes a
 * trainee's counts (through the API or straight in SQL, as another process would) shows on the
 * next read, and each reader counts only what they may see.
 */
describe('kept coverage counts', () => {
  let testApp: TestApp;
  let trainee: TestUser;
  let traineeClient: SignedInClient;
  let supervisorClient: SignedInClient;
  let deaneryClient: SignedInClient;
  let otherDeaneryClient: SignedInClient;
  const items: Record<string, string> = {};

  const sql = (text: string, parameters: unknown[] = []) => testApp.dataSource.query(text, parameters);
  const version = async () =>
    (
      (await sql(`SELECT version FROM trainee_coverage_version WHERE trainee_id = $1`, [trainee.id])) as {
        version: string;
      }[]
    )[0]?.version ?? '0';
  const progressAs = async (client: SignedInClient) =>
    (await client.agent.get(`/api/trainees/${trainee.id}/progress`).expect(200)).body as ProgressView;
  const element = async (client: SignedInClient, key: string) => {
    const found = (await progressAs(client)).elements.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`No element ${key} at the trainee's stage`);
    return found;
  };
  /** Evidence counted for element 1.1 by the trainee, their supervisor and their deanery. */
  const evidenceSeen = async () => ({
    trainee: (await element(traineeClient, '1.1')).evidenceCount,
    supervisor: (await element(supervisorClient, '1.1')).evidenceCount,
    deanery: (await element(deaneryClient, '1.1')).evidenceCount,
  });

  async function create(title: string, visibility: string, submit: boolean): Promise<void> {
    const created = (
      await traineeClient.agent
        .post('/api/evidence')
        .set(CSRF_HEADER, traineeClient.csrfToken)
        .send({
          type: 'leadership-activity',
          occurredOn: '2026-10-01',
          title,
          visibility,
          links: [{ elementKey: '1.1' }],
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
    items[title] = created.id;
  }

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const deanery = await createDeanery(dataSource);
    const programme = await createProgramme(dataSource, deanery);
    trainee = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, trainee.id, programme, { stageKey: 'postgraduate' });
    const supervisor = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisor.id);
    const deaneryAdmin = await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery });
    const otherDeaneryAdmin = await createUser(dataSource, ['deanery_admin'], {
      deaneryId: await createDeanery(dataSource),
    });
    traineeClient = await signIn(testApp.app, trainee.email);
    supervisorClient = await signIn(testApp.app, supervisor.email);
    deaneryClient = await signIn(testApp.app, deaneryAdmin.email);
    otherDeaneryClient = await signIn(testApp.app, otherDeaneryAdmin.email);

    await create('Shared with the supervisor', 'supervisor', true);
    await create('Shared with the panel', 'panel', true);
    await create('Private', 'private', true);
    await create('A draft meant for the panel', 'panel', false);
  });

  afterAll(() => testApp.close());

  it('counts for each reader only the evidence they may read', async () => {
    expect(await evidenceSeen()).toEqual({ trainee: 4, supervisor: 2, deanery: 1 });
    await otherDeaneryClient.agent.get(`/api/trainees/${trainee.id}/progress`).expect(404);
  });

  it('sees a change made straight in the database on the next read', async () => {
    await evidenceSeen(); // kept for all three readers
    await sql(`UPDATE evidence_item SET visibility = 'panel' WHERE id = $1`, [items['Shared with the supervisor']]);
    expect(await evidenceSeen()).toEqual({ trainee: 4, supervisor: 2, deanery: 2 });

    await sql(`UPDATE evidence_item SET status = 'submitted' WHERE id = $1`, [items['A draft meant for the panel']]);
    expect(await evidenceSeen()).toEqual({ trainee: 4, supervisor: 3, deanery: 3 });

    await sql(`DELETE FROM evidence_element_link WHERE evidence_id = $1`, [items['Shared with the panel']]);
    expect(await evidenceSeen()).toEqual({ trainee: 3, supervisor: 2, deanery: 2 });

    await sql(`DELETE FROM evidence_item WHERE id = $1`, [items['Private']]);
    expect(await evidenceSeen()).toEqual({ trainee: 2, supervisor: 2, deanery: 2 });
  });

  it('moves the version for what changes counts and not for an autosaved text', async () => {
    const before = await version();
    await sql(`UPDATE evidence_item SET body = 'Rewritten', updated_at = now() WHERE id = $1`, [
      items['Shared with the supervisor'],
    ]);
    expect(await version()).toBe(before);

    await sql(`UPDATE evidence_item SET visibility = 'supervisor' WHERE id = $1`, [
      items['Shared with the supervisor'],
    ]);
    const afterVisibility = await version();
    expect(BigInt(afterVisibility)).toBeGreaterThan(BigInt(before));

    // One statement changing many rows moves the version once.
    await sql(`UPDATE evidence_item SET status = 'draft' WHERE trainee_id = $1`, [trainee.id]);
    expect(BigInt(await version())).toBe(BigInt(afterVisibility) + 1n);
    await sql(`UPDATE evidence_item SET status = 'submitted' WHERE trainee_id = $1`, [trainee.id]);
  });

  it('moves the version when an assessment is signed off, not while it is being judged', async () => {
    const [assessment] = (await sql(
      `INSERT INTO assessment (trainee_id, template_id, title, status, assessor_kind, requested_at)
       SELECT $1, template.id, 'A business plan', 'requested', 'external', now() FROM assessment_template template
        LIMIT 1 RETURNING id`,
      [trainee.id],
    )) as { id: string }[];
    const requested = await version();
    await sql(`UPDATE assessment SET status = 'in-progress', judgement = '{"ratings": {}}' WHERE id = $1`, [
      assessment?.id,
    ]);
    expect(await version()).toBe(requested);
    await sql(
      `UPDATE assessment SET status = 'signed-off', signed_at = now(), signed_content_sha256 = repeat('0', 64)
        WHERE id = $1`,
      [assessment?.id],
    );
    expect(BigInt(await version())).toBe(BigInt(requested) + 1n);
  });

  it('shows a sign-off and a change of stage as soon as they are made', async () => {
    expect((await element(supervisorClient, '1.1')).signedOff).toBe(false);
    await supervisorClient.agent
      .post(`/api/trainees/${trainee.id}/sign-offs`)
      .set(CSRF_HEADER, supervisorClient.csrfToken)
      .send({ elementKey: '1.1', evidenceIds: [items['Shared with the supervisor']] })
      .expect(201);
    expect((await element(traineeClient, '1.1')).signedOff).toBe(true);
    expect((await element(deaneryClient, '1.1')).signedOff).toBe(true);

    expect((await progressAs(traineeClient)).stage).toBe('postgraduate');
    await sql(`UPDATE training_record SET stage_key = 'undergraduate' WHERE trainee_id = $1`, [trainee.id]);
    const undergraduate = await progressAs(traineeClient);
    expect(undergraduate.stage).toBe('undergraduate');
    // The evidence was linked at the postgraduate stage, so none counts at this one.
    expect(undergraduate.totals.evidenced + undergraduate.totals['signed-off']).toBe(0);
  });

  it('stores what it counts, so a process that starts reads the counts of the current version only', async () => {
    await sql(`UPDATE training_record SET stage_key = 'postgraduate' WHERE trainee_id = $1`, [trainee.id]);
    await evidenceSeen();
    const [stored] = (await sql(`SELECT version::text, counts FROM trainee_coverage_counts WHERE trainee_id = $1`, [
      trainee.id,
    ])) as { version: string; counts: { evidence: [string, string, number, number, number][] } }[];
    expect(stored?.version).toBe(await version());
    const evidenceRows = stored?.counts.evidence ?? [];
    expect(evidenceRows.length).toBeGreaterThan(0);

    // A stored count that differs from the rows (as no count would) shows that a new process reads it.
    const startedAfresh = () => new CoverageCounts(testApp.dataSource);
    const doctored = { ...stored?.counts, evidence: evidenceRows.map(([element, stage]) => [element, stage, 7, 7, 7]) };
    await sql(`UPDATE trainee_coverage_counts SET counts = $2 WHERE trainee_id = $1`, [
      trainee.id,
      JSON.stringify(doctored),
    ]);
    const current = new Map([[trainee.id, await version()]]);
    const read = (await startedAfresh().of(current)).get(trainee.id);
    expect(read?.evidence.map((row) => row.own)).toEqual(evidenceRows.map(() => 7));

    // Once the trainee's version moves, the stored counts are stale: counted again, and stored again.
    await sql(`UPDATE evidence_item SET visibility = 'panel' WHERE id = $1`, [items['Shared with the supervisor']]);
    const moved = new Map([[trainee.id, await version()]]);
    const recounted = (await startedAfresh().of(moved)).get(trainee.id);
    expect(recounted?.evidence.some((row) => row.own === 7)).toBe(false);
    const [restored] = (await sql(`SELECT version::text FROM trainee_coverage_counts WHERE trainee_id = $1`, [
      trainee.id,
    ])) as { version: string }[];
    expect(restored?.version).toBe(moved.get(trainee.id));
    // An older version never replaces a newer one.
    await startedAfresh().of(current);
    expect(
      (
        (await sql(`SELECT version::text FROM trainee_coverage_counts WHERE trainee_id = $1`, [trainee.id])) as {
          version: string;
        }[]
      )[0]?.version,
    ).toBe(moved.get(trainee.id));
  });
});
