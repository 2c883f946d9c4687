import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';

import { CSRF_HEADER } from '@portfolio/contracts';

import { auditWritersLock } from '../../src/audit/audit-chain';
import { AuditService } from '../../src/audit/audit.service';
import { addTrainingRecord, createDeanery, createProgramme, createUser, signIn } from '../factories';
import { type TestApp, createTestApp } from '../test-app';
import { type OwnPostgres, startOwnPostgres } from './own-postgres';
import { type Exchange, RequestStream, cookieHeader } from './request-stream';

const answerWithinMs = 2_000;
const recoverWithinMs = 5_000;
const unavailableMessage = /database is unavailable/;

const evidenceBody = (title: string) => ({
  type: 'leadership-activity',
  title,
  occurredOn: '2026-11-02',
  body: 'Chaired the rota meeting.',
  links: [{ elementKey: '2.4' }, { elementKey: '4.3' }],
});

/**
 * PostgreSQL stopped and started again underneath a running API carrying signed-in traffic:
 * every request answers quickly (503 while the database is away, never 500, 401 or a hang),
 * the API recovers by itself, and every write it confirmed is there in full afterwards.
 */
describe('the API while PostgreSQL is stopped and started under load', () => {
  let postgres: OwnPostgres;
  let testApp: TestApp;
  let baseUrl: string;
  let users: Awaited<ReturnType<typeof signIn>>[];

  const get = (path: string, user?: (typeof users)[number]) =>
    timed(() => fetch(`${baseUrl}${path}`, { headers: user ? { cookie: cookieHeader(user) } : {} }));

  beforeAll(async () => {
    postgres = await startOwnPostgres('faults-outage', 5493);
    // The test app makes its schema through DATABASE_URL.
    process.env['DATABASE_URL'] = postgres.url;
    testApp = await createTestApp({ seedFrameworks: true });
    await testApp.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    const { dataSource } = testApp;
    const programme = await createProgramme(dataSource, await createDeanery(dataSource));
    users = [];
    for (let index = 0; index < 4; index++) {
      const trainee = await createUser(dataSource, ['trainee']);
      await addTrainingRecord(dataSource, trainee.id, programme, { stageKey: 'postgraduate' });
      users.push(await signIn(testApp.app, trainee.email));
    }
  });

  afterAll(async () => {
    try {
      await testApp?.close();
    } finally {
      await postgres?.close();
    }
  });

  it('answers 503 quickly while the database is down, recovers within 5 s, and loses no confirmed write', async () => {
    const stream = new RequestStream({
      baseUrl,
      users: users.map((client, index) => ({ client, index })),
      loopsPerUser: 2,
      writeBody: evidenceBody,
      maxDurationMs: 60_000,
      maxRequestsPerLoop: 2_000,
      clientTimeoutMs: 10_000,
    });
    stream.start();
    await delay(1_500);

    const stopRequestedAt = Date.now();
    await postgres.stop();
    const downFrom = Date.now();
    const healthWhileDown: Timed[] = [];
    const sessionWhileDown: Timed[] = [];
    while (Date.now() - downFrom < 3_000) {
      healthWhileDown.push(await get('/api/health'));
      sessionWhileDown.push(await get('/api/auth/me', users[0]));
      await delay(200);
    }
    const restartRequestedAt = Date.now();
    await postgres.start();
    const upFrom = Date.now();
    const healthAfter = await pollUntilOk(() => get('/api/health'));
    const readAfter = await pollUntilOk(() => get('/api/evidence', users[1]));
    await delay(1_500);
    const exchanges = await stream.stop();

    // While it was down: health says so, signed-in users keep their session and get 503.
    for (const probe of [...healthWhileDown, ...sessionWhileDown]) {
      expect(probe).toMatchObject({ status: 503 });
      expect(probe.durationMs).toBeLessThan(answerWithinMs);
    }
    expect(healthWhileDown[0]?.body).toEqual({ status: 'error', database: 'down' });
    expect(sessionWhileDown[0]?.body['message']).toMatch(unavailableMessage);

    // Back by itself, the same process, within 5 s of PostgreSQL accepting connections again.
    expect(healthAfter.at - upFrom).toBeLessThan(recoverWithinMs);
    expect(readAfter.at - upFrom).toBeLessThan(recoverWithinMs);
    expect((await get('/api/auth/me', users[0])).status).toBe(200);

    // Every request of the stream: only ever a success or a 503; and once the database went away,
    // answered within 2 s (those already waiting, from the moment it went).
    expect(exchanges.filter((exchange) => ![200, 201, 503].includes(exchange.status))).toEqual([]);
    const waitedForOutage = exchanges.filter(
      (exchange) =>
        exchange.finishedAt > stopRequestedAt &&
        exchange.startedAt < restartRequestedAt &&
        exchange.finishedAt - Math.max(exchange.startedAt, stopRequestedAt) >= answerWithinMs,
    );
    expect(waitedForOutage).toEqual([]);
    const duringOutage = exchanges.filter(
      (exchange) => exchange.startedAt >= downFrom && exchange.finishedAt <= restartRequestedAt,
    );
    expect(duringOutage.length).toBeGreaterThan(10);
    for (const exchange of duringOutage) {
      expect(exchange).toMatchObject({ status: 503, message: expect.stringMatching(unavailableMessage) });
    }
    expect(
      exchanges.filter((exchange) => exchange.startedAt >= upFrom && exchange.status === 201).length,
    ).toBeGreaterThan(0);

    await expectEveryConfirmedWriteWhole(exchanges);
  });

  describe('a write interrupted mid-transaction', () => {
    it('leaves nothing behind when its connection is terminated, and the same write then succeeds whole', async () => {
      const write = await startBlockedWrite('Interrupted by terminate');
      await write.holder.query('SELECT pg_terminate_backend($1)', [write.blockedPid]);
      const interruptedAt = Date.now();
      const answer = await write.response;
      await write.holder.query('ROLLBACK');
      await write.holder.end();

      expect(answer.status).toBe(503);
      expect(answer.body['message']).toMatch(unavailableMessage);
      expect(answer.at - interruptedAt).toBeLessThan(answerWithinMs);
      expect(await storedCopies('Interrupted by terminate')).toEqual([]);

      const retried = await postEvidence('Interrupted by terminate');
      expect(retried.status).toBe(201);
      expect(await storedCopies('Interrupted by terminate')).toEqual([{ links: 2, audited: 1 }]);
    });

    it('leaves nothing behind when PostgreSQL stops in the middle of it', async () => {
      const write = await startBlockedWrite('Interrupted by shutdown');
      write.holder.on('error', () => undefined); // the shutdown ends this session too
      await postgres.stop();
      const interruptedAt = Date.now();
      const answer = await write.response;
      await postgres.start();
      await write.holder.end().catch(() => undefined);

      expect(answer.status).toBe(503);
      expect(answer.at - interruptedAt).toBeLessThan(answerWithinMs);
      expect(await pollUntilOk(() => get('/api/health'))).toMatchObject({ status: 200 });
      expect(await storedCopies('Interrupted by shutdown')).toEqual([]);
    });

    const postEvidence = (title: string) =>
      timed(() =>
        fetch(`${baseUrl}/api/evidence`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: cookieHeader(users[2]),
            [CSRF_HEADER]: users[2].csrfToken,
          },
          body: JSON.stringify(evidenceBody(title)),
        }),
      );

    /**
     * Sends a write and holds it half-way: the item and its links are inserted, and the audit
     * event waits for the lock that this test's own session holds.
     */
    async function startBlockedWrite(title: string) {
      const holder = new Client({ connectionString: postgres.url });
      await holder.connect();
      // The writers' lock is named after the schema, as the API's connections see it.
      await holder.query(`SET search_path = ${testApp.schema}`);
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(${auditWritersLock})`);
      let answered: Timed | null = null;
      const response = postEvidence(title).then((answer) => (answered = answer));
      try {
        const deadline = Date.now() + 10_000;
        for (;;) {
          // Asked outside the holder's transaction, which would see one snapshot of the activity throughout.
          const [waiting] = (await testApp.dataSource.query(
            `SELECT pid FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE '%audit_event%'`,
          )) as { pid: number }[];
          if (waiting) {
            return { holder, response, blockedPid: waiting.pid };
          }
          if (answered || Date.now() > deadline) {
            throw new Error(`The write never reached the audit lock: ${JSON.stringify(answered)}`);
          }
          await delay(50);
        }
      } catch (error) {
        await holder.end();
        throw error;
      }
    }

    async function storedCopies(title: string): Promise<{ links: number; audited: number }[]> {
      return testApp.dataSource.query(
        `SELECT (SELECT count(*)::int FROM evidence_element_link link WHERE link.evidence_id = item.id) AS links,
                (SELECT count(*)::int FROM audit_event event
                  WHERE event.entity_id = item.id::text AND event.action = 'evidence.created') AS audited
           FROM evidence_item item WHERE item.title = $1`,
        [title],
      );
    }
  });

  /** Each item the API confirmed exists with its links and audit event; no item exists in part. */
  async function expectEveryConfirmedWriteWhole(exchanges: Exchange[]): Promise<void> {
    const confirmed = exchanges.filter((exchange) => exchange.status === 201).map((exchange) => exchange.createdId);
    expect(confirmed.length).toBeGreaterThan(10);
    const stored: { id: string; links: number; audited: number }[] = await testApp.dataSource.query(
      `SELECT item.id,
              (SELECT count(*)::int FROM evidence_element_link link WHERE link.evidence_id = item.id) AS links,
              (SELECT count(*)::int FROM audit_event event
                WHERE event.entity_id = item.id::text AND event.action = 'evidence.created') AS audited
         FROM evidence_item item WHERE item.title LIKE 'Stream %'`,
    );
    const storedIds = new Set(stored.map((row) => row.id));
    expect(confirmed.filter((id) => !id || !storedIds.has(id))).toEqual([]);
    expect(stored.filter((row) => row.links !== 2 || row.audited !== 1)).toEqual([]);
    expect(await testApp.app.get(AuditService).verify()).toMatchObject({ valid: true });
  }
});

interface Timed {
  status: number;
  body: Record<string, unknown>;
  durationMs: number;
  at: number;
}

async function timed(send: () => Promise<Response>): Promise<Timed> {
  const started = Date.now();
  try {
    const response = await send();
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: response.status, body, durationMs: Date.now() - started, at: Date.now() };
  } catch (error) {
    return { status: 0, body: { error: String(error) }, durationMs: Date.now() - started, at: Date.now() };
  }
}

async function pollUntilOk(probe: () => Promise<Timed>): Promise<Timed> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await probe();
    if (result.status === 200 || Date.now() > deadline) {
      return result;
    }
    await delay(100);
  }
}
