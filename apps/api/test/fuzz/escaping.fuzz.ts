import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import { CSRF_HEADER, type EvidenceView } from '@portfolio/contracts';

import { businessPlanAnswers, businessPlanRatings, businessPlanTemplate } from '../business-plan';
import {
  type SignedInClient,
  addTrainingRecord,
  assignSupervisor,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
} from '../factories';
import { type TestApp, createTestApp } from '../test-app';

const script = '<script>alert("fuzz")</script>';
const image = '<img src=x onerror=alert(1)>';
const hostileMarkdown = [
  script,
  image,
  '<iframe src="https://example.invalid"></iframe>',
  '[click me](javascript:alert(1))',
  '<a href="javascript:alert(1)">raw link</a>',
  '**still bold**',
].join('\n\n');

/** Tags (real ones: escaped text has no `<`) that would run or load something if a page showed the HTML. */
function liveMarkupIn(html: string): string[] {
  const dangerousTags = /^(script|img|iframe|object|embed|svg|style|link|meta|form|base)$/i;
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)]
    .filter(
      ([, name = '', attributes = '']) =>
        dangerousTags.test(name) ||
        /\son\w+\s*=/i.test(attributes) ||
        /(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(attributes),
    )
    .map(([tag]) => tag);
}

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'escaping-')), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

const binary = (response: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('hostile markup stored through the API comes back inert', () => {
  let testApp: TestApp;
  let trainee: SignedInClient;
  let supervisor: SignedInClient;
  let deaneryAdmin: SignedInClient;
  let traineeId: string;

  const write = (client: SignedInClient, method: 'post' | 'patch', path: string, body: object) =>
    client.agent[method](path).set(CSRF_HEADER, client.csrfToken).send(body);

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const deaneryId = await createDeanery(dataSource);
    const programmeId = await createProgramme(dataSource, deaneryId);
    const traineeUser = await createUser(dataSource, ['trainee']);
    traineeId = traineeUser.id;
    await dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [traineeId, `Alex ${script}`]);
    await addTrainingRecord(dataSource, traineeId, programmeId);
    const supervisorUser = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, traineeId, supervisorUser.id);
    trainee = await signIn(testApp.app, traineeUser.email);
    supervisor = await signIn(testApp.app, supervisorUser.email);
    deaneryAdmin = await signIn(testApp.app, (await createUser(dataSource, ['deanery_admin'], { deaneryId })).email);
  });

  afterAll(() => testApp.close());

  it('renders evidence Markdown and addenda with every raw tag and script link made harmless', async () => {
    const created = (
      await write(trainee, 'post', '/api/evidence', {
        type: 'reflection',
        title: `${script} ${image}`,
        occurredOn: '2026-11-20',
        body: hostileMarkdown,
        visibility: 'panel',
      }).expect(201)
    ).body as EvidenceView;
    await write(trainee, 'patch', `/api/evidence/${created.id}`, {
      version: created.version,
      status: 'submitted',
    }).expect(200);
    await write(trainee, 'post', `/api/evidence/${created.id}/addenda`, { body: hostileMarkdown }).expect(201);

    for (const reader of [trainee, supervisor, deaneryAdmin]) {
      const item = (await reader.agent.get(`/api/evidence/${created.id}`).expect(200)).body as EvidenceView;
      expect(item.title).toBe(`${script} ${image}`);
      for (const html of [item.bodyHtml, ...item.addenda.map((addendum) => addendum.bodyHtml)]) {
        expect(liveMarkupIn(html)).toEqual([]);
        expect(html).toContain('&lt;script&gt;');
        expect(html).toContain('<strong>still bold</strong>');
      }
    }
  });

  it('serves an uploaded HTML file as an inert download, never as a page', async () => {
    const item = (
      await write(trainee, 'post', '/api/evidence', {
        type: 'reflection',
        title: 'Notes',
        occurredOn: '2026-11-20',
      }).expect(201)
    ).body as EvidenceView;
    const uploaded = await trainee.agent
      .post(`/api/evidence/${item.id}/attachments`)
      .set(CSRF_HEADER, trainee.csrfToken)
      .attach('file', Buffer.from(`<html><body>${script}</body></html>`), {
        filename: `${script}.html`,
        contentType: 'text/html',
      })
      .expect(201);
    const attachmentId = (uploaded.body as { id: string }).id;
    const download = await trainee.agent.get(`/api/evidence/${item.id}/attachments/${attachmentId}`).expect(200);
    expect(download.headers['content-type']).not.toMatch(/html/);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['content-disposition']).not.toContain('<');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('prints names, answers and review reasons in a progression report as text, with nothing in the PDF that runs', async () => {
    const answers = businessPlanAnswers({ title: `Plan ${script}`, setting: image }, () => hostileMarkdown);
    const assessment = (
      await write(trainee, 'post', '/api/assessments', { templateKey: businessPlanTemplate, answers }).expect(201)
    ).body as { id: string; version: number };
    const sent = (
      await write(trainee, 'post', `/api/assessments/${assessment.id}/send`, {
        assessor: { kind: 'supervisor' },
        version: assessment.version,
      }).expect(200)
    ).body as { version: number };
    await supervisor.agent
      .post(`/api/assessments/${assessment.id}/sign-off`)
      .set(CSRF_HEADER, supervisor.csrfToken)
      .set('Idempotency-Key', 'escaping-sign-off')
      .send({
        ratings: businessPlanRatings(),
        overallJudgement: 'satisfactory',
        feedback: `Good work ${script}`,
        version: sent.version,
      })
      .expect(201);
    // The plan is kept as an evidence item: its Markdown is rendered for the assessor and the trainee.
    const signed = (await supervisor.agent.get(`/api/assessments/${assessment.id}`).expect(200)).body as {
      work: EvidenceView | null;
    };
    expect(signed.work?.title).toBe(`Plan ${script}`);
    expect(liveMarkupIn(signed.work?.bodyHtml ?? '')).toEqual([]);
    expect(signed.work?.bodyHtml).toContain('&lt;script&gt;');

    const review = (
      await write(deaneryAdmin, 'post', `/api/trainees/${traineeId}/reviews`, {
        period: '2026-27',
        reviewDate: '2027-06-10',
        panelMembers: [`Dr ${script}`],
        evidenceIds: [],
        assessmentIds: [assessment.id],
        outcomeCode: '1',
        reasons: `Reasons ${script} ${image}`,
        requiredActions: `Actions ${script}`,
      }).expect(201)
    ).body as { id: string; version: number };
    await write(deaneryAdmin, 'post', `/api/reviews/${review.id}/finalisation`, { version: review.version }).expect(
      200,
    );
    const report = (
      await write(deaneryAdmin, 'post', `/api/trainees/${traineeId}/reports`, { period: '2026-27' }).expect(201)
    ).body as { id: string };
    const pdf = (await deaneryAdmin.agent.get(`/api/reports/${report.id}/pdf`).buffer(true).parse(binary).expect(200))
      .body as Buffer;

    // Shown as the characters typed, neither dropped nor interpreted.
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(`Alex ${script}`);
    expect(text).toContain(`Reasons ${script}`);
    expect(text).toContain(`Plan ${script}`);
    // A PDF runs code only through actions; the report has none.
    const raw = pdf.toString('latin1');
    for (const action of ['/JavaScript', '/JS', '/Launch', '/SubmitForm', '/OpenAction']) {
      expect(raw).not.toContain(action);
    }
  });
});
