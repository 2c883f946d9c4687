import { Client } from 'pg';

import { CSRF_HEADER } from '@portfolio/contracts';

import { type SignedInClient, createUser, signIn } from '../../test/factories';
import { TcpProxy } from '../../test/tcp-proxy';
import { type TestApp, createTestApp, testDatabaseUrl } from '../../test/test-app';
import { SessionCache } from './session-cache';
import { type SessionUser, hashToken } from './session.service';

/**
 * A process keeps resolved sessions only while it hears every change to sign-in state. Sessions
 * are removed here behind its back (triggers off for that connection) to see whether a request
 * read its session or was answered from what was kept.
 */
describe('sessions kept between changes on PostgreSQL', () => {
  let testApp: TestApp;
  let proxy: TcpProxy;
  let cache: SessionCache;

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    testApp = await createTestApp({ seedFrameworks: false, databaseUrl: proxy.proxiedUrl(testDatabaseUrl()) });
    cache = testApp.app.get(SessionCache);
  });

  afterAll(async () => {
    await proxy.restore();
    await testApp.close();
    await proxy.cut();
  });

  /** Changes sessions with triggers off for the connection, so no process hears of it. */
  async function unheard(sql: string, userId: string): Promise<void> {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      await client.query(`SET search_path = ${testApp.schema}`);
      await client.query(`SET session_replication_role = replica`);
      await client.query(sql, [userId]);
    } finally {
      await client.end();
    }
  }

  const removeSessionsUnheard = (userId: string) => unheard(`DELETE FROM user_session WHERE user_id = $1`, userId);

  async function signedInAndKept(): Promise<{ id: string; email: string; client: SignedInClient }> {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, user.email);
    await client.agent.get('/api/auth/me').expect(200);
    return { id: user.id, email: user.email, client };
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let waited = 0; !condition(); waited += 50) {
      if (waited > 10_000) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('answers from a kept session until a change to the account is heard', async () => {
    const { id, client } = await signedInAndKept();
    await removeSessionsUnheard(id);
    await client.agent.get('/api/auth/me').expect(200);

    await testApp.dataSource.query(`UPDATE app_user SET display_name = 'Dr Renamed' WHERE id = $1`, [id]);
    await cache.settled();
    await client.agent.get('/api/auth/me').expect(401);
  });

  it('keeps a session no longer than until it is due to be touched', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, user.email);
    // Touched 57 s ago: due again in 3 s, so kept for 3 s.
    await unheard(`UPDATE user_session SET last_seen_at = now() - interval '57 seconds' WHERE user_id = $1`, user.id);
    await client.agent.get('/api/auth/me').expect(200);
    await removeSessionsUnheard(user.id);
    await client.agent.get('/api/auth/me').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await client.agent.get('/api/auth/me').expect(401);
  });

  it('drops every kept session when the sessions table is emptied', async () => {
    const { client } = await signedInAndKept();
    await testApp.dataSource.query(`TRUNCATE user_session`);
    await cache.settled();
    await client.agent.get('/api/auth/me').expect(401);
  });

  it('forgets a session signed out, in this process at once', async () => {
    const { email, client } = await signedInAndKept();
    const other = await signIn(testApp.app, email);
    await other.agent.get('/api/auth/me').expect(200);
    await client.agent.post('/api/auth/logout').set(CSRF_HEADER, client.csrfToken).expect(204);
    await client.agent.get('/api/auth/me').expect(401);
    await other.agent.get('/api/auth/me').expect(200);
  });

  it('does not keep what was read before a change was heard', () => {
    const user: SessionUser = {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'kept@example.test',
      displayName: 'Kept',
      roles: ['trainee'],
      sessionTokenHash: hashToken('a token'),
      csrfToken: 'csrf',
    };
    const mark = cache.mark();
    cache.forgetUser('00000000-0000-4000-8000-000000000002');
    cache.keep(user, 60_000, mark);
    expect(cache.get(user.sessionTokenHash)).toBeNull();

    cache.keep(user, 60_000, cache.mark());
    const kept = cache.get(user.sessionTokenHash);
    expect(kept).toEqual(user);
    expect(Object.isFrozen(kept) && Object.isFrozen(kept?.roles)).toBe(true);
  });

  it('keeps nothing while it cannot hear changes, and keeps sessions again once it hears them', async () => {
    const { id, client } = await signedInAndKept();
    await proxy.cut();
    await until(() => !cache.keeping);
    await proxy.restore();
    // What was kept went with the connection: the request reads its session, which is gone.
    await removeSessionsUnheard(id);
    await client.agent.get('/api/auth/me').expect(401);

    await until(() => cache.keeping);
    const again = await signedInAndKept();
    await removeSessionsUnheard(again.id);
    await again.client.agent.get('/api/auth/me').expect(200);
  });
});
