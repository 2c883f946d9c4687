import request from 'supertest';

import { createUser, signIn } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { auditChainerLock } from './audit-chain';
import { AuditChainer } from './audit-chainer';
import { AuditService } from './audit.service';

describe('audit log on PostgreSQL', () => {
  let testApp: TestApp;
  let audit: AuditService;
  let chainer: AuditChainer;

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
    audit = testApp.app.get(AuditService);
    chainer = testApp.app.get(AuditChainer);
  });

  const event = (action: string) => ({ actorId: null, action, entityType: 'test' });
  const chainOf = async (actions: string[]) =>
    (await testApp.dataSource.query(
      `SELECT id, action, previous_hash, hash FROM audit_event WHERE action = ANY ($1) ORDER BY id`,
      [actions],
    )) as { id: string; action: string; previous_hash: string | null; hash: string | null }[];

  afterAll(() => testApp.close());

  it('chains events by hash, concurrent writers included, and verifies the chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_unused, index) =>
        audit.record({
          actorId: null,
          action: 'test.event',
          entityType: 'test',
          entityId: String(index),
          details: { index },
        }),
      ),
    );
    const result = await audit.verify();
    expect(result).toMatchObject({ valid: true, firstBrokenEventId: null });
    expect(result.eventsChecked).toBeGreaterThanOrEqual(20);
  });

  it('chains after commit in id order, waiting for an earlier id that has not committed yet', async () => {
    const slow = testApp.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    await audit.record(event('test.slow'), slow.manager); // takes its id first, commits last
    await audit.record(event('test.fast'));
    const rolledBack = testApp.dataSource.createQueryRunner();
    await rolledBack.connect();
    await rolledBack.startTransaction();
    await audit.record(event('test.rolled-back'), rolledBack.manager);
    await rolledBack.rollbackTransaction();
    await rolledBack.release();

    // The fast event has committed, but the slow one's id comes before it: neither is chained yet.
    await chainer.chainPending();
    expect((await chainOf(['test.fast'])).map((row) => row.hash)).toEqual([null]);

    await slow.commitTransaction();
    await slow.release();
    await chainer.chainPending();
    const [first, second] = await chainOf(['test.slow', 'test.fast', 'test.rolled-back']);
    expect([first?.action, second?.action]).toEqual(['test.slow', 'test.fast']);
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second?.previous_hash).toBe(first?.hash);
    expect(await audit.verify()).toMatchObject({ valid: true, firstBrokenEventId: null });
  });

  it('lets an unchained event have its hashes filled once, and nothing else', async () => {
    await audit.record(event('test.sealed'));
    const [unchained] = await chainOf(['test.sealed']);
    await expect(
      testApp.dataSource.query(
        `UPDATE audit_event SET action = 'changed', previous_hash = repeat('1', 64), hash = repeat('2', 64)
          WHERE id = $1`,
        [unchained?.id],
      ),
    ).rejects.toThrow(/append-only/);
    await chainer.chainPending();
    await expect(
      testApp.dataSource.query(`UPDATE audit_event SET hash = repeat('3', 64) WHERE id = $1`, [unchained?.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even in raw SQL', async () => {
    await audit.record({ actorId: null, action: 'test.event', entityType: 'test' });
    await expect(testApp.dataSource.query(`UPDATE audit_event SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('reports an event whose hashes were removed, when events after it are chained', async () => {
    await audit.record(event('test.unchained-victim'));
    await audit.record(event('test.chained-after'));
    await chainer.chainPending();
    const [victim] = await chainOf(['test.unchained-victim']);
    await testApp.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await manager.query(`UPDATE audit_event SET previous_hash = NULL, hash = NULL WHERE id = $1`, [victim?.id]);
      await manager.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });
    // Another process holding the chainer's lock: the event is not chained again before the check.
    const otherProcess = testApp.dataSource.createQueryRunner();
    await otherProcess.connect();
    try {
      await otherProcess.query(`SELECT pg_advisory_lock(${auditChainerLock})`);
      expect(await audit.verify()).toMatchObject({
        valid: false,
        firstBrokenEventId: String(victim?.id),
        reason: `Event ${victim?.id}: it is not chained, yet later events are.`,
      });
    } finally {
      await otherProcess.query(`SELECT pg_advisory_unlock(${auditChainerLock})`);
      await otherProcess.release();
    }
    // Chained again with the same content, the chain holds.
    expect(await audit.verify()).toMatchObject({ valid: true, firstBrokenEventId: null });
  });

  it('reports the first broken link when a row is tampered with behind the trigger', async () => {
    const admin = await createUser(testApp.dataSource, ['admin']);
    const client = await signIn(testApp.app, admin.email);
    const intact = await client.agent.get('/api/admin/audit/verify').expect(200);
    expect(intact.body.valid).toBe(true);

    const [victim] = await testApp.dataSource.query(`SELECT id FROM audit_event ORDER BY id LIMIT 1 OFFSET 3`);
    await testApp.dataSource.transaction(async (manager) => {
      // Only a superuser can do this; the check must still catch it.
      await manager.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await manager.query(`UPDATE audit_event SET details = '{"index": 999}' WHERE id = $1`, [victim.id]);
      await manager.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });

    const tampered = await client.agent.get('/api/admin/audit/verify').expect(200);
    expect(tampered.body).toMatchObject({ valid: false, firstBrokenEventId: String(victim.id) });
    expect(tampered.body.reason).toMatch(/content does not match/);
  });

  it('records a permission denial', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, trainee.email);
    await client.agent.get('/api/admin/audit/verify').expect(404);
    const denials = await testApp.dataSource.query(
      `SELECT entity_id FROM audit_event WHERE action = 'access.denied' AND actor_id = $1`,
      [trainee.id],
    );
    expect(denials).toEqual([{ entity_id: 'GET /api/admin/audit/verify' }]);
    await request(testApp.app.getHttpServer()).get('/api/admin/audit/verify').expect(401);
  });
});
