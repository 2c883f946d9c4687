import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import {
  CSRF_HEADER,
  type CohortPage,
  type ProgressionReportView,
  type ProgressionReviewView,
  type ReportBatchView,
  type ReportVerification,
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
import { TcpProxy } from '../../test/tcp-proxy';
import { type TestApp, createTestApp, testDatabaseUrl } from '../../test/test-app';

const period = '2026-27';

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'progression-')), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

const binary = (response: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('progression on PostgreSQL', () => {
  let testApp: TestApp;
  let admin: SignedInClient;
  let otherDeaneryAdmin: SignedInClient;
  let traineeClient: SignedInClient;
  let supervisor: SignedInClient;
  let alex: TestUser;
  const trainees: TestUser[] = [];

  const write = (client: SignedInClient, method: 'post' | 'patch', path: string, body: object) =>
    client.agent[method](path).set(CSRF_HEADER, client.csrfToken).send(body);

  const draft = {
    period,
    reviewDate: '2027-06-10',
    panelMembers: ['Dr A Chair', 'Ms B Lay member'],
    evidenceIds: [],
    assessmentIds: [],
    outcomeCode: '1',
    reasons: '',
    requiredActions: 'Complete a second improvement cycle.',
  };

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const deanery = await createDeanery(dataSource);
    const programme = await createProgramme(dataSource, deanery, 'Foundation North');
    for (let index = 0; index < 12; index += 1) {
      const trainee = await createUser(dataSource, ['trainee']);
      const name =
        index === 0 ? 'Alex Adams' : index === 11 ? '=HYPERLINK("x")' : `Trainee ${String(index).padStart(2, '0')}`;
      await dataSource.query(`UPDATE app_user SET display_name = $2, gmc_number = $3 WHERE id = $1`, [
        trainee.id,
        name,
        String(7000000 + index),
      ]);
      await addTrainingRecord(dataSource, trainee.id, programme, {
        stageKey: 'postgraduate',
        grade: index % 2 ? 'FY1' : 'FY2',
      });
      trainees.push(trainee);
    }
    alex = trainees[0] as TestUser;
    const supervisorUser = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, alex.id, supervisorUser.id);
    supervisor = await signIn(testApp.app, supervisorUser.email);
    traineeClient = await signIn(testApp.app, alex.email);
    admin = await signIn(testApp.app, (await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery })).email);
    const elsewhere = await createDeanery(dataSource);
    otherDeaneryAdmin = await signIn(
      testApp.app,
      (await createUser(dataSource, ['deanery_admin'], { deaneryId: elsewhere })).email,
    );
  });

  afterAll(() => testApp.close());

  it('pages, sorts and filters the cohort in SQL, with each trainee’s coverage by domain', async () => {
    const first = (await admin.agent.get(`/api/cohort?period=${period}&pageSize=5`).expect(200)).body as CohortPage;
    expect(first).toMatchObject({ total: 12, page: 1, pageSize: 5, period, outcomeCounts: { none: 12 } });
    expect(first.rows.map((row) => row.displayName)[0]).toBe('=HYPERLINK("x")');
    expect(first.rows[1]?.displayName).toBe('Alex Adams');
    expect(first.rows[1]?.domains.map((domain) => domain.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(first.rows[1]?.elementCount).toBe(20);
    const last = (await admin.agent.get(`/api/cohort?period=${period}&pageSize=5&page=3`).expect(200))
      .body as CohortPage;
    expect(last.rows).toHaveLength(2);
    const fy1 = (await admin.agent.get(`/api/cohort?period=${period}&grade=FY1&sort=name&direction=desc`).expect(200))
      .body as CohortPage;
    expect(fy1.total).toBe(6);
    expect(fy1.rows[0]?.displayName).toBe('Trainee 11'.replace('11', '09'));
    expect(first.programmes.map((programme) => programme.name)).toEqual(['Foundation North']);
    const byProgramme = (await admin.agent.get(`/api/cohort?programmeId=${first.programmes[0]?.id}`).expect(200))
      .body as CohortPage;
    expect(byProgramme.total).toBe(12);
    const none = (await admin.agent.get('/api/cohort?programmeId=00000000-0000-4000-8000-000000000000').expect(200))
      .body as CohortPage;
    expect(none).toMatchObject({ total: 0, rows: [] });
    await admin.agent.get('/api/cohort?period=2026-28').expect(400);
    await admin.agent.get('/api/cohort?sort=colour').expect(400);
    const elsewhere = (await otherDeaneryAdmin.agent.get('/api/cohort').expect(200)).body as CohortPage;
    expect(elsewhere.total).toBe(0);
  });

  it('exports the cohort as CSV that a spreadsheet will not run', async () => {
    const response = await admin.agent.get(`/api/cohort/export?period=${period}`).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.text.trim().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toContain('"Domain 1 signed off"');
    expect(response.text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('records a review as a draft, finalises it, and never changes it after', async () => {
    await write(admin, 'post', `/api/trainees/${alex.id}/reviews`, { ...draft, period: '2026-28' }).expect(400);
    await write(admin, 'post', `/api/trainees/${alex.id}/reviews`, { ...draft, outcomeCode: '11' }).expect(400);
    await write(otherDeaneryAdmin, 'post', `/api/trainees/${alex.id}/reviews`, draft).expect(404);
    const created = (await write(admin, 'post', `/api/trainees/${alex.id}/reviews`, draft).expect(201))
      .body as ProgressionReviewView;
    expect(created).toMatchObject({
      status: 'draft',
      outcomeCode: '1',
      panelMembers: ['Dr A Chair', 'Ms B Lay member'],
    });
    await write(admin, 'post', `/api/trainees/${alex.id}/reviews`, draft).expect(409);
    // Trainees and supervisors see nothing until it is final.
    expect((await traineeClient.agent.get(`/api/trainees/${alex.id}/reviews`).expect(200)).body).toEqual([]);

    const missing = await write(admin, 'post', `/api/reviews/${created.id}/finalisation`, {
      version: created.version,
    }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'reasons', message: 'Give the reasons for the outcome' }]);
    const updated = (
      await write(admin, 'patch', `/api/reviews/${created.id}`, {
        ...draft,
        reasons: 'Good evidence across the domains.',
        version: created.version,
      }).expect(200)
    ).body as ProgressionReviewView;
    await write(admin, 'patch', `/api/reviews/${created.id}`, { ...draft, version: created.version }).expect(409);
    const final = (
      await write(admin, 'post', `/api/reviews/${created.id}/finalisation`, { version: updated.version }).expect(200)
    ).body as ProgressionReviewView;
    expect(final).toMatchObject({ status: 'final', outcomeCode: '1' });

    expect(
      ((await traineeClient.agent.get(`/api/trainees/${alex.id}/reviews`).expect(200)).body as unknown[]).length,
    ).toBe(1);
    await supervisor.agent.get(`/api/reviews/${created.id}`).expect(200);
    const changed = await write(admin, 'patch', `/api/reviews/${created.id}`, {
      ...draft,
      version: final.version,
    }).expect(409);
    expect(changed.body.message).toContain('finalised');
    await expect(
      testApp.dataSource.query(`UPDATE progression_review SET reasons = 'x' WHERE id = $1`, [created.id]),
    ).rejects.toThrow(/final and cannot change/);

    const correction = (
      await write(admin, 'post', `/api/reviews/${created.id}/corrections`, {
        reason: 'Panel list was incomplete',
      }).expect(201)
    ).body as ProgressionReviewView;
    expect(correction).toMatchObject({
      status: 'draft',
      amends: { id: created.id, reason: 'Panel list was incomplete' },
    });
    await write(admin, 'post', `/api/reviews/${created.id}/corrections`, { reason: 'Twice' }).expect(409);

    const cohort = (await admin.agent.get(`/api/cohort?period=${period}&sort=outcome`).expect(200)).body as CohortPage;
    expect(cohort.outcomeCounts).toEqual({ '1': 1, none: 11 });
    expect(cohort.rows[0]).toMatchObject({ displayName: 'Alex Adams', outcome: { code: '1', reviewId: created.id } });
  });

  it('issues a report whose code and file check out, and an altered file does not', async () => {
    const report = (await write(admin, 'post', `/api/trainees/${alex.id}/reports`, { period }).expect(201))
      .body as ProgressionReportView;
    expect(report).toMatchObject({ period, outcomeCode: '1' });
    expect(report.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const pdf = (await admin.agent.get(`/api/reports/${report.id}/pdf`).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    const text = pdfText(pdf);
    expect(text).toContain('Alex Adams');
    expect(text).toContain('Outcome 1: Satisfactory progress');
    expect(text).toContain(report.verificationCode);
    expect(text).toContain(report.contentSha256);

    const server = testApp.app.getHttpServer();
    const byCode = (
      await request(server).get(`/api/reports/verify/${report.verificationCode.toLowerCase()}`).expect(200)
    ).body as ReportVerification;
    expect(byCode).toMatchObject({
      genuine: true,
      report: { traineeName: 'Alex Adams', gmcNumber: '7000000', outcomeCode: '1', fileSha256: report.fileSha256 },
    });
    expect(
      ((await request(server).get('/api/reports/verify/ZZZZ-ZZZZ-ZZZZ').expect(200)).body as ReportVerification)
        .genuine,
    ).toBe(false);
    const genuine = (
      await request(server).post('/api/reports/verification').attach('file', pdf, 'report.pdf').expect(200)
    ).body as ReportVerification;
    expect(genuine.genuine).toBe(true);
    const altered = Buffer.from(pdf);
    altered[altered.length - 20] = (altered[altered.length - 20] ?? 0) ^ 1;
    const refused = (
      await request(server).post('/api/reports/verification').attach('file', altered, 'report.pdf').expect(200)
    ).body as ReportVerification;
    expect(refused).toEqual({ genuine: false, report: null });
    await request(server).post('/api/reports/verification').expect(400);

    await write(otherDeaneryAdmin, 'post', `/api/trainees/${alex.id}/reports`, { period }).expect(404);
    await otherDeaneryAdmin.agent.get(`/api/reports/${report.id}/pdf`).expect(404);
    await otherDeaneryAdmin.agent.get(`/api/trainees/${alex.id}/reviews`).expect(404);
    await expect(testApp.dataSource.query(`DELETE FROM progression_report WHERE id = $1`, [report.id])).rejects.toThrow(
      /never changes/,
    );
  });
});

describe('a cohort batch of reports', () => {
  it('resumes after its worker is killed mid-way and finishes with one report per trainee', async () => {
    const target = new URL(testDatabaseUrl());
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    const first = await createTestApp({ seedFrameworks: true, databaseUrl: proxy.proxiedUrl(testDatabaseUrl()) });
    const { dataSource, schema } = first;
    const deanery = await createDeanery(dataSource);
    const programme = await createProgramme(dataSource, deanery);
    for (let index = 0; index < 14; index += 1) {
      const trainee = await createUser(dataSource, ['trainee']);
      await addTrainingRecord(dataSource, trainee.id, programme);
    }
    const adminUser = await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery });
    const admin = await signIn(first.app, adminUser.email);
    const started = (
      await admin.agent.post('/api/report-batches').set(CSRF_HEADER, admin.csrfToken).send({ period }).expect(202)
    ).body as ReportBatchView;
    expect(started).toMatchObject({ total: 14 });

    const progress = async (client: SignedInClient) =>
      (await client.agent.get(`/api/report-batches/${started.id}`).expect(200)).body as ReportBatchView;
    const until = async (client: SignedInClient, done: (batch: ReportBatchView) => boolean) => {
      for (let attempt = 0; attempt < 600; attempt += 1) {
        const batch = await progress(client);
        if (done(batch)) return batch;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the batch did not get there in time');
    };
    const partway = await until(admin, (batch) => batch.done >= 4);
    expect(partway.status).toBe('running');
    expect(partway.done).toBeLessThan(14);
    expect(partway.estimatedSecondsLeft).toBeGreaterThan(0);

    // The worker dies: its connections go at once, as when the process is killed.
    await proxy.cut();
    await first.stop().catch(() => undefined);

    const second = await createTestApp({ seedFrameworks: false, schema });
    try {
      const again = await signIn(second.app, adminUser.email);
      const finished = await until(again, (batch) => batch.status === 'finished');
      expect(finished).toMatchObject({ done: 14, failed: 0, downloadReady: true, estimatedSecondsLeft: 0 });
      const [{ reports }] = (await second.dataSource.query(
        `SELECT count(*)::int AS reports, count(DISTINCT trainee_id)::int AS trainees FROM progression_report WHERE batch_id = $1`,
        [started.id],
      )) as [{ reports: number; trainees: number }];
      expect(reports).toBe(14);
      const zip = (
        await again.agent.get(`/api/report-batches/${started.id}/zip`).buffer(true).parse(binary).expect(200)
      ).body as Buffer;
      const files = Object.keys(unzipSync(new Uint8Array(zip)));
      expect(files.filter((name) => name.startsWith('reports/') && name.endsWith('.pdf'))).toHaveLength(14);
      expect(files).toContain('cohort-summary.pdf');
    } finally {
      await second.close();
      await proxy.restore().catch(() => undefined);
      await proxy.cut().catch(() => undefined);
    }
  }, 120_000);
});
