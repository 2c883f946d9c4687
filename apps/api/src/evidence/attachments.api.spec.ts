import { createHash } from 'node:crypto';

import { CSRF_HEADER, type EvidenceView } from '@portfolio/contracts';

import { type SignedInClient, assignSupervisor, createUser, signIn } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('evidence attachments on PostgreSQL', () => {
  let testApp: TestApp;
  let trainee: SignedInClient;
  let supervisor: SignedInClient;
  let otherTrainee: SignedInClient;

  const createItem = async (body: object = {}) =>
    (
      await trainee.agent
        .post('/api/evidence')
        .set(CSRF_HEADER, trainee.csrfToken)
        .send({ type: 'service-improvement-project', title: 'Discharge letters', occurredOn: '2026-10-10', ...body })
        .expect(201)
    ).body as EvidenceView;
  const upload = (client: SignedInClient, evidenceId: string, content: Buffer, fileName: string) =>
    client.agent
      .post(`/api/evidence/${evidenceId}/attachments`)
      .set(CSRF_HEADER, client.csrfToken)
      .attach('file', content, fileName);

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const traineeUser = await createUser(testApp.dataSource, ['trainee']);
    const supervisorUser = await createUser(testApp.dataSource, ['supervisor']);
    await assignSupervisor(testApp.dataSource, traineeUser.id, supervisorUser.id);
    trainee = await signIn(testApp.app, traineeUser.email);
    supervisor = await signIn(testApp.app, supervisorUser.email);
    otherTrainee = await signIn(testApp.app, (await createUser(testApp.dataSource, ['trainee'])).email);
  });

  afterAll(() => testApp.close());

  it('stores a PDF with its SHA-256 and serves it back with its type and a safe name, to those who may see the item', async () => {
    const item = await createItem();
    const uploaded = await upload(trainee, item.id, pdf, 'My plan (v2).pdf').expect(201);
    expect(uploaded.body).toMatchObject({
      fileName: 'My-plan-v2.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    const path = `/api/evidence/${item.id}/attachments/${uploaded.body.id}`;
    const download = await trainee.agent.get(path).buffer(true).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="My-plan-v2.pdf"');
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    const view = (await trainee.agent.get(`/api/evidence/${item.id}`).expect(200)).body as EvidenceView;
    expect(view.attachments.map((attachment) => attachment.id)).toEqual([uploaded.body.id]);

    // A draft is the trainee's alone; once submitted and shared, the supervisor may download it.
    await supervisor.agent.get(path).expect(404);
    await trainee.agent
      .patch(`/api/evidence/${item.id}`)
      .set(CSRF_HEADER, trainee.csrfToken)
      .send({ version: view.version, status: 'submitted' })
      .expect(200);
    await supervisor.agent.get(path).expect(200);
    await otherTrainee.agent.get(path).expect(404);
    await upload(otherTrainee, item.id, pdf, 'x.pdf').expect(404);
  });

  it('refuses a file over 20 MB and an executable renamed .pdf', async () => {
    const item = await createItem();
    const tooLarge = await upload(
      trainee,
      item.id,
      Buffer.concat([pdf, Buffer.alloc(21 * 1024 * 1024)]),
      'big.pdf',
    ).expect(413);
    expect(tooLarge.body.statusCode).toBe(413);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
    const executable = await upload(trainee, item.id, elf, 'report.pdf').expect(415);
    expect(executable.body.message).toMatch(/content was checked, not its name/);
    await trainee.agent.post(`/api/evidence/${item.id}/attachments`).set(CSRF_HEADER, trainee.csrfToken).expect(400);
    const view = (await trainee.agent.get(`/api/evidence/${item.id}`).expect(200)).body as EvidenceView;
    expect(view.attachments).toEqual([]);
  });

  it('takes no attachment on a locked item, and removes the content with a deleted draft', async () => {
    const locked = await createItem();
    await testApp.dataSource.query(`UPDATE evidence_item SET status = 'locked' WHERE id = $1`, [locked.id]);
    await upload(trainee, locked.id, pdf, 'late.pdf').expect(409);

    const draft = await createItem();
    await upload(trainee, draft.id, pdf, 'a.pdf').expect(201);
    const [before] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM stored_file`);
    await trainee.agent.delete(`/api/evidence/${draft.id}`).set(CSRF_HEADER, trainee.csrfToken).expect(204);
    const [after] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM stored_file`);
    expect(after.count).toBe(before.count - 1);
  });
});
