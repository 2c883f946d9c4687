import addFormats from 'ajv-formats';
import Ajv2020 from 'ajv/dist/2020';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import { canonicalJson } from '@portfolio/competency';
import {
  type AssessmentView,
  CSRF_HEADER,
  type EvidenceView,
  type PortfolioExport,
  portfolioSchemaV1,
} from '@portfolio/contracts';

import { businessPlanAnswers, businessPlanRatings } from '../../test/business-plan';
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

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const notes = Buffer.from('Meeting notes\nAgreed a new handover checklist.\n');
const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

const binary = (response: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

function pdfText(content: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'portfolio-')), 'portfolio.pdf');
  writeFileSync(file, content);
  return execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
}

describe('portfolio export on PostgreSQL', () => {
  let testApp: TestApp;
  let trainee: TestUser;
  let traineeClient: SignedInClient;
  let supervisor: SignedInClient;
  let deaneryAdmin: SignedInClient;
  let otherDeaneryAdmin: SignedInClient;
  let otherTrainee: SignedInClient;
  let handover: EvidenceView;
  let reflection: EvidenceView;
  let signedPlan: AssessmentView;

  const write = (client: SignedInClient, method: 'post' | 'patch' | 'put', path: string, body: object) =>
    client.agent[method](path).set(CSRF_HEADER, client.csrfToken).send(body);
  const createItem = async (body: object) =>
    (await write(traineeClient, 'post', '/api/evidence', body).expect(201)).body as EvidenceView;
  const upload = (evidenceId: string, content: Buffer, fileName: string) =>
    traineeClient.agent
      .post(`/api/evidence/${evidenceId}/attachments`)
      .set(CSRF_HEADER, traineeClient.csrfToken)
      .attach('file', content, fileName)
      .expect(201);
  const download = (client: SignedInClient, query = '') =>
    client.agent.get(`/api/trainees/${trainee.id}/portfolio.zip${query}`).buffer(true).parse(binary);
  const refused = (client: SignedInClient, query = '') =>
    client.agent.get(`/api/trainees/${trainee.id}/portfolio.zip${query}`);

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const deanery = await createDeanery(dataSource);
    const programme = await createProgramme(dataSource, deanery, 'Foundation North');
    trainee = await createUser(dataSource, ['trainee']);
    await dataSource.query(
      `UPDATE app_user SET display_name = 'Dr Priya Portable', gmc_number = '7123456' WHERE id = $1`,
      [trainee.id],
    );
    await addTrainingRecord(dataSource, trainee.id, programme, { stageKey: 'postgraduate', grade: 'FY2' });
    const supervisorUser = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisorUser.id);
    traineeClient = await signIn(testApp.app, trainee.email);
    supervisor = await signIn(testApp.app, supervisorUser.email);
    deaneryAdmin = await signIn(
      testApp.app,
      (await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery })).email,
    );
    const elsewhere = await createDeanery(dataSource);
    otherDeaneryAdmin = await signIn(
      testApp.app,
      (await createUser(dataSource, ['deanery_admin'], { deaneryId: elsewhere })).email,
    );
    const other = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, other.id, programme);
    otherTrainee = await signIn(testApp.app, other.email);

    handover = await createItem({
      type: 'leadership-activity',
      title: 'Led the ward handover: safer nights',
      occurredOn: '2026-09-14',
      body: 'I chaired the **handover** redesign.\n\n- checklist\n- audit',
      links: [{ elementKey: '2.1', note: 'Chaired the group' }, { elementKey: '4.2' }],
    });
    await upload(handover.id, pdf, 'Handover plan (v2).pdf');
    await upload(handover.id, notes, 'notes.txt');
    handover = (
      await write(traineeClient, 'patch', `/api/evidence/${handover.id}`, {
        version: handover.version,
        status: 'submitted',
      }).expect(200)
    ).body as EvidenceView;
    await write(traineeClient, 'post', `/api/evidence/${handover.id}/addenda`, {
      body: 'Six months on, the checklist is still in use.',
    }).expect(201);
    // A private draft: the trainee's own, in their export and nobody else's view.
    reflection = await createItem({
      type: 'reflection',
      title: 'Private thoughts on a difficult meeting',
      occurredOn: '2026-10-02',
      body: 'What I would do differently.',
    });
    // The same title and date again: its files must not collide with the first one's.
    await createItem({
      type: 'leadership-activity',
      title: 'Led the ward handover: safer nights',
      occurredOn: '2026-09-14',
    });

    const answers = businessPlanAnswers({ title: 'Fewer missed doses on ward 7', setting: 'Ward 7, acute medicine' });
    const started = (
      await write(traineeClient, 'post', '/api/assessments', {
        templateKey: 'service-improvement-business-plan',
        answers,
      }).expect(201)
    ).body as AssessmentView;
    const sent = (
      await write(traineeClient, 'post', `/api/assessments/${started.id}/send`, {
        assessor: { kind: 'supervisor' },
        version: started.version,
      }).expect(200)
    ).body as AssessmentView;
    signedPlan = (
      await write(supervisor, 'post', `/api/assessments/${started.id}/sign-off`, {
        ratings: businessPlanRatings(),
        overallJudgement: 'satisfactory',
        feedback: 'A clear, well-argued plan.',
        version: sent.version,
      }).expect(201)
    ).body as AssessmentView;
    await write(supervisor, 'post', `/api/trainees/${trainee.id}/sign-offs`, {
      elementKey: '3.2',
      assessmentIds: [signedPlan.id],
      note: 'Costed well.',
    }).expect(201);
  });

  afterAll(() => testApp.close());

  it('gives the trainee a ZIP holding everything they logged, that validates and whose hashes match', async () => {
    const response = await download(traineeClient).expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="portfolio-dr-priya-portable-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    const files = unzipSync(new Uint8Array(response.body as Buffer));

    const portfolio = JSON.parse(strFromU8(files['portfolio.json'] as Uint8Array)) as PortfolioExport;
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    const validate = ajv.compile(portfolioSchemaV1);
    expect({ valid: validate(portfolio), errors: validate.errors ?? [] }).toEqual({ valid: true, errors: [] });
    expect(JSON.parse(strFromU8(files['portfolio.schema.json'] as Uint8Array))).toEqual(portfolioSchemaV1);
    expect(portfolio).toMatchObject({
      schemaVersion: '1.0.0',
      purpose: 'trainee-download',
      trainee: { id: trainee.id, name: 'Dr Priya Portable', gmcNumber: '7123456' },
      trainingRecords: [{ programme: 'Foundation North', stageKey: 'postgraduate', grade: 'FY2' }],
      supervisors: [{ name: 'Test supervisor' }],
      elementSignOffs: [{ kind: 'sign-off', elementKey: '3.2', assessmentIds: [signedPlan.id], note: 'Costed well.' }],
    });

    // Every item, the private draft and the assessment's work included, each with its Markdown file.
    expect(portfolio.evidence).toHaveLength(4);
    expect(portfolio.evidence.map((item) => item.id)).toEqual(expect.arrayContaining([handover.id, reflection.id]));
    for (const item of portfolio.evidence) {
      const markdown = strFromU8(files[item.path] as Uint8Array);
      expect(markdown).toContain(`title: ${JSON.stringify(item.title)}`);
      expect(markdown).toContain(`# ${item.title}`);
    }
    expect(new Set(portfolio.evidence.map((item) => item.path)).size).toBe(4);
    const exportedHandover = portfolio.evidence.find((item) => item.id === handover.id);
    expect(exportedHandover).toMatchObject({
      status: 'submitted',
      body: 'I chaired the **handover** redesign.\n\n- checklist\n- audit',
      links: [
        { elementKey: '2.1', stageKey: 'postgraduate', note: 'Chaired the group' },
        { elementKey: '4.2', stageKey: 'postgraduate', note: '' },
      ],
      addenda: [{ body: 'Six months on, the checklist is still in use.', authorName: 'Dr Priya Portable' }],
    });
    expect(portfolio.evidence.find((item) => item.id === reflection.id)).toMatchObject({
      status: 'draft',
      visibility: 'private',
    });
    const handoverMarkdown = strFromU8(files[exportedHandover?.path ?? ''] as Uint8Array);
    expect(handoverMarkdown).toContain('## Addenda');
    expect(handoverMarkdown).toContain('Six months on, the checklist is still in use.');
    expect(handoverMarkdown).toContain('](../attachments/');

    // Both attachments, byte for byte, under their recorded SHA-256.
    const attachments = exportedHandover?.attachments ?? [];
    expect(attachments.map((attachment) => [attachment.fileName, attachment.contentType])).toEqual([
      ['Handover-plan-v2.pdf', 'application/pdf'],
      ['notes.txt', 'text/plain; charset=utf-8'],
    ]);
    for (const attachment of attachments) {
      const content = files[attachment.path] as Uint8Array;
      expect(content).toBeDefined();
      expect(sha256(content)).toBe(attachment.sha256);
      expect(content.length).toBe(attachment.size);
    }
    expect(Buffer.from(files[attachments[0]?.path ?? ''] as Uint8Array).equals(pdf)).toBe(true);
    expect(Buffer.from(files[attachments[1]?.path ?? ''] as Uint8Array).equals(notes)).toBe(true);

    // The signed assessment, its judgement and a hash that checks out against what was signed.
    const [assessment] = portfolio.assessments;
    expect(portfolio.assessments).toHaveLength(1);
    expect(assessment).toMatchObject({
      id: signedPlan.id,
      status: 'signed-off',
      judgement: { overallJudgement: 'satisfactory', feedback: 'A clear, well-argued plan.' },
      overallJudgementTitle: 'Satisfactory: ready to sign off',
      signature: { signedBy: 'Test supervisor', contentSha256: signedPlan.signature?.contentSha256 },
    });
    expect(sha256(Buffer.from(canonicalJson(assessment?.signature?.content)))).toBe(
      assessment?.signature?.contentSha256,
    );
    expect(JSON.parse(strFromU8(files[assessment?.path ?? ''] as Uint8Array))).toEqual(assessment);

    const text = pdfText(files['portfolio.pdf'] as Uint8Array);
    expect(text).toContain('Dr Priya Portable');
    for (const item of portfolio.evidence) expect(text).toContain(item.title);
    expect(text).toContain('Satisfactory: ready to sign off');
    expect(text).toContain(signedPlan.signature?.contentSha256 ?? 'missing hash');
    expect(strFromU8(files['README.txt'] as Uint8Array)).toContain('schemaVersion 1.0.0');

    // Nothing in the ZIP but what portfolio.json accounts for, and the four fixed files.
    const expected = [
      'README.txt',
      'portfolio.json',
      'portfolio.schema.json',
      'portfolio.pdf',
      ...portfolio.evidence.flatMap((item) => [item.path, ...item.attachments.map((attachment) => attachment.path)]),
      ...portfolio.assessments.map((exported) => exported.path),
    ];
    expect(Object.keys(files).sort()).toEqual(expected.sort());
    for (const name of Object.keys(files)) expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._/-]*$/);
  });

  it('lets a deanery administrator of the trainee’s deanery export it for a stated reason, and audits it', async () => {
    const missing = await refused(deaneryAdmin).expect(400);
    expect(missing.body.errors).toEqual([
      {
        field: 'reason',
        message: 'reason must say why you are exporting this portfolio, such as the request it answers',
      },
    ]);
    await refused(deaneryAdmin, '?reason=%20%20').expect(400);
    const tooLong = await refused(deaneryAdmin, `?reason=${'x'.repeat(501)}`).expect(400);
    expect(tooLong.body.errors).toEqual([{ field: 'reason', message: 'reason must be 500 characters or fewer' }]);

    const reason = 'Subject access request SAR-2026-041';
    const response = await download(deaneryAdmin, `?reason=${encodeURIComponent(reason)}`).expect(200);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    const portfolio = JSON.parse(strFromU8(files['portfolio.json'] as Uint8Array)) as PortfolioExport;
    expect(portfolio.purpose).toBe('subject-access-request');
    expect(portfolio.evidence).toHaveLength(4);

    const events = (await testApp.dataSource.query(
      `SELECT actor_id, details FROM audit_event WHERE action = 'portfolio.exported' AND entity_id = $1 ORDER BY id`,
      [trainee.id],
    )) as { actor_id: string; details: { purpose: string; reason?: string } }[];
    expect(events.map((event) => event.details)).toEqual(
      expect.arrayContaining([{ purpose: 'subject-access-request', reason }, { purpose: 'trainee-download' }]),
    );
  });

  it('answers 404 to anyone else, as if the trainee did not exist', async () => {
    for (const client of [otherTrainee, supervisor, otherDeaneryAdmin]) {
      await refused(client, '?reason=curious').expect(404);
    }
    await download(traineeClient, '').expect(200);
    await traineeClient.agent.get('/api/trainees/00000000-0000-4000-8000-000000000000/portfolio.zip').expect(404);
    await traineeClient.agent.get('/api/trainees/not-a-uuid/portfolio.zip').expect(400);
    await request(testApp.app.getHttpServer()).get(`/api/trainees/${trainee.id}/portfolio.zip`).expect(401);
  });
});
