import {
  CSRF_HEADER,
  type EvidencePage,
  type EvidenceView,
  type ProgressView,
  evidenceSorts,
} from '@portfolio/contracts';

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

describe('evidence log on PostgreSQL', () => {
  let testApp: TestApp;
  let trainee: TestUser;
  let traineeClient: SignedInClient;
  let supervisorClient: SignedInClient;
  let formerSupervisorClient: SignedInClient;
  let deaneryClient: SignedInClient;
  let otherDeaneryClient: SignedInClient;
  let otherTraineeClient: SignedInClient;
  let adminClient: SignedInClient;
  let deaneryId: string;

  const write = (client: SignedInClient, method: 'post' | 'patch' | 'delete', path: string, body?: object) =>
    client.agent[method](path).set(CSRF_HEADER, client.csrfToken).send(body);
  const create = async (body: object): Promise<EvidenceView> =>
    (await write(traineeClient, 'post', '/api/evidence', body).expect(201)).body as EvidenceView;
  const submit = (item: EvidenceView, extra: object = {}) =>
    write(traineeClient, 'patch', `/api/evidence/${item.id}`, { version: item.version, status: 'submitted', ...extra });

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const deanery = await createDeanery(dataSource);
    deaneryId = deanery;
    const programme = await createProgramme(dataSource, deanery);
    trainee = await createUser(dataSource, ['trainee'], { deaneryId: deanery });
    await addTrainingRecord(dataSource, trainee.id, programme, { stageKey: 'postgraduate' });
    const otherTrainee = await createUser(dataSource, ['trainee'], { deaneryId: deanery });
    await addTrainingRecord(dataSource, otherTrainee.id, programme);
    const supervisor = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisor.id);
    const formerSupervisor = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, formerSupervisor.id, {
      startsOn: '2025-08-01',
      endsOn: '2026-08-01',
    });
    const deaneryAdmin = await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery });
    const otherDeaneryAdmin = await createUser(dataSource, ['deanery_admin'], {
      deaneryId: await createDeanery(dataSource),
    });
    const admin = await createUser(dataSource, ['admin']);
    traineeClient = await signIn(testApp.app, trainee.email);
    otherTraineeClient = await signIn(testApp.app, otherTrainee.email);
    supervisorClient = await signIn(testApp.app, supervisor.email);
    formerSupervisorClient = await signIn(testApp.app, formerSupervisor.email);
    deaneryClient = await signIn(testApp.app, deaneryAdmin.email);
    otherDeaneryClient = await signIn(testApp.app, otherDeaneryAdmin.email);
    adminClient = await signIn(testApp.app, admin.email);
  });

  afterAll(() => testApp.close());

  it('creates a reflection, private by default, linked to elements at the current stage, with Markdown rendered safely', async () => {
    const item = await create({
      type: 'reflection',
      title: 'Leading the handover redesign',
      occurredOn: '2026-11-02',
      body: 'I **chaired** the meeting. <script>alert(1)</script> [bad](javascript:alert(1))',
      links: [{ elementKey: '2.4', note: 'I led the team meeting' }, { elementKey: '4.3' }],
    });
    expect(item).toMatchObject({ visibility: 'private', status: 'draft', version: 1 });
    expect(item.links.map((link) => [link.elementCode, link.stageKey])).toEqual([
      ['2.4', 'postgraduate'],
      ['4.3', 'postgraduate'],
    ]);
    expect(item.bodyHtml).toContain('<strong>chaired</strong>');
    expect(item.bodyHtml).not.toMatch(/<script|href="javascript/);
    const other = await create({ type: 'teaching', title: 'Taught FY1s', occurredOn: '2026-10-01' });
    expect(other.visibility).toBe('supervisor');
  });

  it('makes one item of a double-submitted form: the same Idempotency-Key answers the first item', async () => {
    const body = { type: 'teaching', title: 'Simulation teaching for FY1s', occurredOn: '2026-10-20' };
    const send = () =>
      traineeClient.agent
        .post('/api/evidence')
        .set(CSRF_HEADER, traineeClient.csrfToken)
        .set('Idempotency-Key', 'form-7f3a')
        .send(body);
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect((first.body as EvidenceView).id).toBe((second.body as EvidenceView).id);
    const retried = await send().expect(200);
    expect((retried.body as EvidenceView).id).toBe((first.body as EvidenceView).id);
    const [{ count }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM evidence_item WHERE trainee_id = $1 AND title = $2`,
      [trainee.id, body.title],
    );
    expect(count).toBe(1);
    // Without a key, two submissions are two items, as before.
    await create(body);
    await create(body);
    const [{ count: after }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM evidence_item WHERE trainee_id = $1 AND title = $2`,
      [trainee.id, body.title],
    );
    expect(after).toBe(3);
  });

  it('keeps private items private and drafts to their owner, and shows shared ones only to those entitled', async () => {
    const privateItem = await create({ type: 'reflection', title: 'Private thoughts', occurredOn: '2026-11-03' });
    const shared = await create({
      type: 'leadership-activity',
      title: 'Ran the rota',
      occurredOn: '2026-11-04',
      visibility: 'supervisor',
    });
    const panel = await create({
      type: 'course-or-event',
      title: 'Leadership course',
      occurredOn: '2026-11-05',
      visibility: 'panel',
    });

    await submit(privateItem).expect(200);
    for (const client of [supervisorClient, deaneryClient, otherTraineeClient, adminClient]) {
      await client.agent.get(`/api/evidence/${privateItem.id}`).expect(404);
    }
    // A shared draft is still work in progress.
    await supervisorClient.agent.get(`/api/evidence/${shared.id}`).expect(404);
    await submit(shared).expect(200);
    await supervisorClient.agent.get(`/api/evidence/${shared.id}`).expect(200);
    await deaneryClient.agent.get(`/api/evidence/${shared.id}`).expect(404);

    await submit(panel).expect(200);
    await supervisorClient.agent.get(`/api/evidence/${panel.id}`).expect(200);
    await deaneryClient.agent.get(`/api/evidence/${panel.id}`).expect(200);
    await otherDeaneryClient.agent.get(`/api/evidence/${panel.id}`).expect(404);
    await otherTraineeClient.agent.get(`/api/evidence/${panel.id}`).expect(404);

    const supervisorList = (await supervisorClient.agent.get(`/api/evidence?traineeId=${trainee.id}`).expect(200))
      .body as EvidencePage;
    const titles = supervisorList.items.map((item) => item.title);
    expect(titles).toEqual(expect.arrayContaining(['Ran the rota', 'Leadership course']));
    expect(titles).not.toContain('Private thoughts');

    // A search finds the same, whether it reads the trainee's items (a supervisor, one trainee) or
    // looks words up across a deanery.
    const found = async (client: SignedInClient, query: string) =>
      ((await client.agent.get(`/api/evidence?${query}`).expect(200)).body as EvidencePage).items
        .map((item) => item.title)
        .sort();
    for (const query of ['q=rota OR course OR thoughts', `q=rota OR course OR thoughts&traineeId=${trainee.id}`]) {
      expect(await found(traineeClient, query)).toEqual(['Leadership course', 'Private thoughts', 'Ran the rota']);
      expect(await found(supervisorClient, query)).toEqual(['Leadership course', 'Ran the rota']);
      expect(await found(deaneryClient, query)).toEqual(['Leadership course']);
      expect(await found(otherDeaneryClient, query)).toEqual([]);
      expect(await found(formerSupervisorClient, query)).toEqual([]);
    }
    // Without naming the trainee or a word, a supervisor's list is their trainees' shared items.
    const listed = await found(supervisorClient, 'limit=100');
    expect(listed).toEqual(expect.arrayContaining(['Leadership course', 'Ran the rota']));
    expect(listed).not.toContain('Private thoughts');
    expect(await found(formerSupervisorClient, 'limit=100')).toEqual([]);
    await formerSupervisorClient.agent.get(`/api/evidence/${shared.id}`).expect(404);
    // Only the owner writes.
    await write(supervisorClient, 'patch', `/api/evidence/${shared.id}`, { version: 2, title: 'Changed' }).expect(404);
  });

  it('answers a stale edit with 409 and both versions, never overwriting', async () => {
    const item = await create({ type: 'teaching', title: 'Version one', occurredOn: '2026-11-06' });
    await write(traineeClient, 'patch', `/api/evidence/${item.id}`, { version: 1, title: 'From tab A' }).expect(200);
    const stale = await write(traineeClient, 'patch', `/api/evidence/${item.id}`, {
      version: 1,
      title: 'From tab B',
    }).expect(409);
    expect(stale.body.yours.title).toBe('From tab B');
    expect(stale.body.current).toMatchObject({ title: 'From tab A', version: 2 });
    const stored = (await traineeClient.agent.get(`/api/evidence/${item.id}`).expect(200)).body as EvidenceView;
    expect(stored.title).toBe('From tab A');
  });

  it('refuses to change or delete a locked item, even in raw SQL, but keeps addenda', async () => {
    const item = await create({
      type: 'service-improvement-project',
      title: 'Discharge project',
      occurredOn: '2026-09-01',
    });
    await testApp.dataSource.query(`UPDATE evidence_item SET status = 'locked', locked_at = now() WHERE id = $1`, [
      item.id,
    ]);
    await write(traineeClient, 'patch', `/api/evidence/${item.id}`, { version: 2, title: 'Rewritten' }).expect(409);
    await write(traineeClient, 'delete', `/api/evidence/${item.id}`).expect(409);
    await expect(
      testApp.dataSource.query(`UPDATE evidence_item SET title = 'x' WHERE id = $1`, [item.id]),
    ).rejects.toThrow(/locked/);
    await expect(testApp.dataSource.query(`DELETE FROM evidence_item WHERE id = $1`, [item.id])).rejects.toThrow(
      /locked/,
    );
    const annotated = (
      await write(traineeClient, 'post', `/api/evidence/${item.id}/addenda`, {
        body: 'Since then, the **audit** repeated.',
      }).expect(201)
    ).body as EvidenceView;
    expect(annotated.addenda.map((addendum) => addendum.bodyHtml.trim())).toEqual([
      '<p>Since then, the <strong>audit</strong> repeated.</p>',
    ]);
  });

  it('deletes a draft of its owner only', async () => {
    const item = await create({ type: 'other', title: 'Delete me', occurredOn: '2026-11-07' });
    await write(otherTraineeClient, 'delete', `/api/evidence/${item.id}`).expect(404);
    await write(traineeClient, 'delete', `/api/evidence/${item.id}`).expect(204);
    await traineeClient.agent.get(`/api/evidence/${item.id}`).expect(404);
  });

  it('warns about what may identify a patient, and asks for confirmation before submitting such a reflection', async () => {
    const item = await create({
      type: 'reflection',
      title: 'Night shift',
      occurredOn: '2026-11-08',
      body: 'Mr X, NHS number 943 476 5919, DOB 01/02/1950.',
    });
    expect(item.patientIdentifierWarnings.map((warning) => warning.kind)).toEqual(['nhs-number', 'date-of-birth']);
    const refused = await submit(item).expect(400);
    expect(refused.body.errors[0].field).toBe('body');
    expect(refused.body.message).toMatch(/may identify a patient/);
    await submit(item, { acknowledgePatientIdentifiers: true }).expect(200);
  });

  it('rejects bad input naming the field', async () => {
    const bad = await write(traineeClient, 'post', '/api/evidence', {
      type: 'diary',
      title: '',
      occurredOn: '2026-13-01',
      extra: true,
    }).expect(400);
    expect((bad.body.errors as { field: string }[]).map((error) => error.field)).toEqual(
      expect.arrayContaining(['type', 'title', 'occurredOn', 'extra']),
    );
    const unknownElement = await write(traineeClient, 'post', '/api/evidence', {
      type: 'teaching',
      title: 'x',
      occurredOn: '2026-11-01',
      links: [{ elementKey: '9.9' }],
    }).expect(400);
    expect(unknownElement.body.errors).toEqual([
      { field: 'links.0.elementKey', message: "There is no element '9.9' in mlcf 2010" },
    ]);
    const wrongStage = await write(traineeClient, 'post', '/api/evidence', {
      type: 'teaching',
      title: 'x',
      occurredOn: '2026-11-01',
      links: [{ elementKey: '6.1' }],
    }).expect(400);
    expect(wrongStage.body.errors[0]).toEqual({
      field: 'links.0.stageKey',
      message: "Element 6.1 does not apply at the stage 'postgraduate'",
    });
    await traineeClient.agent.get('/api/evidence/not-a-uuid').expect(400);
  });

  it('finds items by words in the body, filters by element and type, and pages with a keyset cursor', async () => {
    await create({
      type: 'leadership-activity',
      title: 'Sepsis pathway',
      occurredOn: '2026-08-01',
      body: 'We reduced antibiotic delays on the ward.',
      links: [{ elementKey: '4.1' }],
    });
    const search = (await traineeClient.agent.get('/api/evidence?q=antibiotic').expect(200)).body as EvidencePage;
    expect(search.items.map((item) => item.title)).toEqual(['Sepsis pathway']);
    const byElement = (await traineeClient.agent.get('/api/evidence?elementKey=4.1').expect(200)).body as EvidencePage;
    expect(byElement.items.map((item) => item.title)).toEqual(['Sepsis pathway']);
    const byType = (await traineeClient.agent.get('/api/evidence?type=teaching').expect(200)).body as EvidencePage;
    expect(byType.items.every((item) => item.type === 'teaching')).toBe(true);

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: EvidencePage = (
        await traineeClient.agent.get(`/api/evidence?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)
      ).body;
      all.push(...page.items.map((item) => item.occurredOn));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toEqual([...all].sort().reverse());
    const everything = (await traineeClient.agent.get('/api/evidence?limit=100').expect(200)).body as EvidencePage;
    expect(all).toHaveLength(everything.items.length);
  });

  it('pages a deanery administrator who also supervises through what either role may read, in every order, each item once', async () => {
    for (const [title, visibility, submitted] of [
      ['Chaired the huddle', 'supervisor', true],
      ['Audit presented', 'panel', true],
      ['Draft for the panel', 'panel', false],
      ['Kept to myself', 'private', true],
    ] as const) {
      const item = await create({ type: 'leadership-activity', title, occurredOn: '2026-10-01', visibility });
      if (submitted) await submit(item).expect(200);
    }
    const both = await createUser(testApp.dataSource, ['deanery_admin', 'supervisor'], { deaneryId });
    await assignSupervisor(testApp.dataSource, trainee.id, both.id);
    const bothClient = await signIn(testApp.app, both.email);
    const mine = (await traineeClient.agent.get('/api/evidence?limit=100').expect(200)).body as EvidencePage;
    const shared = mine.items.filter((item) => item.visibility !== 'private' && item.status !== 'draft');
    expect(shared.map((item) => item.title)).toEqual(expect.arrayContaining(['Chaired the huddle', 'Audit presented']));

    for (const sort of evidenceSorts) {
      const ids: string[] = [];
      const dates: string[] = [];
      let cursor: string | null = null;
      do {
        const page: EvidencePage = (
          await bothClient.agent
            .get(`/api/evidence?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
            .expect(200)
        ).body;
        ids.push(...page.items.map((item) => item.id));
        dates.push(...page.items.map((item) => item.occurredOn));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(shared.map((item) => item.id).sort());
      if (sort === 'occurred-asc') expect(dates).toEqual([...dates].sort());
      if (sort === 'occurred-desc') expect(dates).toEqual([...dates].sort().reverse());
    }
    // The deanery's part alone: what the panel sees, not what only a supervisor does.
    const panelOnly = (await deaneryClient.agent.get('/api/evidence?limit=100').expect(200)).body as EvidencePage;
    expect(panelOnly.items.map((item) => item.title)).toContain('Audit presented');
    expect(panelOnly.items.map((item) => item.title)).not.toContain('Chaired the huddle');
    expect(panelOnly.items.every((item) => item.visibility === 'panel' && item.status !== 'draft')).toBe(true);
  });

  it('reports coverage of the stage that matches the items, counted from what the viewer may see', async () => {
    const progress = (await traineeClient.agent.get(`/api/trainees/${trainee.id}/progress`).expect(200))
      .body as ProgressView;
    expect(progress).toMatchObject({ frameworkKey: 'mlcf', stage: 'postgraduate' });
    expect(progress.elements).toHaveLength(20);
    const counts = Object.fromEntries(progress.elements.map((element) => [element.key, element.evidenceCount]));
    expect(counts['2.4']).toBe(1);
    expect(counts['4.3']).toBe(1);
    expect(counts['4.1']).toBe(1);
    expect(progress.gaps).not.toContain('2.4');
    expect(progress.gaps).toContain('1.1');
    expect(progress.totals.evidenced).toBe(3);
    expect(progress.domains.find((domain) => domain.key === '4')?.totals.evidenced).toBe(2);

    // The supervisor does not see the private reflection linked to 2.4 and 4.3.
    const supervisorView = (await supervisorClient.agent.get(`/api/trainees/${trainee.id}/progress`).expect(200))
      .body as ProgressView;
    expect(supervisorView.totals.evidenced).toBe(0);
    const senior = (
      await traineeClient.agent.get(`/api/trainees/${trainee.id}/progress?stage=senior-leadership`).expect(200)
    ).body as ProgressView;
    expect(senior.elements).toHaveLength(28);
    const badStage = await traineeClient.agent.get(`/api/trainees/${trainee.id}/progress?stage=registrar`).expect(400);
    expect(badStage.body.errors[0].field).toBe('stage');
    await otherTraineeClient.agent.get(`/api/trainees/${trainee.id}/progress`).expect(404);
  });
});
