import request from 'supertest';

import { createUser, signIn } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { AuditService } from './audit.service';

describe('audit log on PostgreSQL', () => {
  let testApp: TestApp;
  let audit: AuditService;

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
    audit = testApp.app.get(AuditService);
  });

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

  it('refuses UPDATE, DELETE and TRUNCATE, even in raw SQL', async () => {
    await audit.record({ actorId: null, action: 'test.event', entityType: 'test' });
    await expect(testApp.dataSource.query(`UPDATE audit_event SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
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
