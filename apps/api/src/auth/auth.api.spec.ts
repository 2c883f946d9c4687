import request from 'supertest';

import { CSRF_HEADER } from '@portfolio/contracts';

import { createUser, signIn, testPassword } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { SIGN_IN_FAILED } from './auth.service';
import { SessionCache } from './session-cache';

describe('sign-in, sessions and CSRF on PostgreSQL', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  // Sessions are kept until a change is heard: wait for changes made here through another connection.
  const changesHeard = () => testApp.app.get(SessionCache).settled();

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
  });

  afterAll(() => testApp.close());

  it('signs in with a session cookie (httpOnly, SameSite=Lax) and answers who is signed in', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const response = await http()
      .post('/api/auth/login')
      .send({ email: user.email.toUpperCase(), password: testPassword })
      .expect(200);
    expect(response.body).toMatchObject({ id: user.id, email: user.email, roles: ['trainee'] });
    expect(response.body.permissions).toContain('account:read');
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const session = cookies.find((cookie) => cookie.startsWith('portfolio_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const csrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='));
    expect(csrf).not.toMatch(/HttpOnly/);

    const client = await signIn(testApp.app, user.email);
    const me = await client.agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ id: user.id, roles: ['trainee'] });
  });

  it('marks the cookies Secure when the browser came over HTTPS through a proxy on this host', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const response = await http()
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: user.email, password: testPassword })
      .expect(200);
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    expect(cookies.every((cookie) => /; Secure/.test(cookie))).toBe(true);
  });

  it('gives one generic 401 for a wrong password, an unknown account and missing fields', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const wrongPassword = await http()
      .post('/api/auth/login')
      .send({ email: user.email, password: 'not the password' })
      .expect(401);
    const unknown = await http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.test', password: testPassword })
      .expect(401);
    const missing = await http().post('/api/auth/login').send({}).expect(401);
    expect(wrongPassword.body.message).toBe(SIGN_IN_FAILED);
    expect(unknown.body.message).toBe(SIGN_IN_FAILED);
    expect(missing.body.statusCode).toBe(401);
  });

  it('ends the session on the server at sign-out: the old cookie no longer works', async () => {
    const user = await createUser(testApp.dataSource, ['supervisor']);
    const client = await signIn(testApp.app, user.email);
    await client.agent.post('/api/auth/logout').set(CSRF_HEADER, client.csrfToken).expect(204);
    await http().get('/api/auth/me').set('Cookie', client.sessionCookie).expect(401);
  });

  it('refuses a write without the CSRF token, or with a wrong one', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, user.email);
    const missing = await client.agent.post('/api/auth/logout').expect(403);
    expect(missing.body.message).toMatch(/CSRF/);
    await client.agent.post('/api/auth/logout').set(CSRF_HEADER, 'forged').expect(403);
    await client.agent.get('/api/auth/me').expect(200);
  });

  it('expires a session left idle too long, and one past its absolute lifetime', async () => {
    const idle = await signIn(testApp.app, (await createUser(testApp.dataSource, ['trainee'])).email);
    await testApp.dataSource.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes'`);
    await changesHeard();
    await idle.agent.get('/api/auth/me').expect(401);

    const old = await signIn(testApp.app, (await createUser(testApp.dataSource, ['trainee'])).email);
    await testApp.dataSource.query(`UPDATE user_session SET expires_at = now() - interval '1 second'`);
    await changesHeard();
    const response = await old.agent.get('/api/auth/me').expect(401);
    expect(response.body.message).toMatch(/Sign in/);
  });

  it('ends every session of an account that is disabled', async () => {
    const user = await createUser(testApp.dataSource, ['assessor']);
    const client = await signIn(testApp.app, user.email);
    await testApp.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
    await changesHeard();
    await client.agent.get('/api/auth/me').expect(401);
    await http().post('/api/auth/login').send({ email: user.email, password: testPassword }).expect(401);
  });

  it('changes the password, refusing short and common ones, and ends every session', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const first = await signIn(testApp.app, user.email);
    const second = await signIn(testApp.app, user.email);
    const change = (newPassword: string, currentPassword = testPassword) =>
      first.agent.put('/api/auth/password').set(CSRF_HEADER, first.csrfToken).send({ currentPassword, newPassword });

    const tooShort = await change('short one').expect(400);
    expect(tooShort.body.errors).toEqual([
      { field: 'newPassword', message: 'Password must be at least 12 characters long' },
    ]);
    const common = await change('password1234').expect(400);
    expect(common.body.errors[0].message).toMatch(/most common passwords/);
    const wrongCurrent = await change('a much better passphrase', 'not my password').expect(400);
    expect(wrongCurrent.body.errors[0].field).toBe('currentPassword');

    await change('a much better passphrase').expect(204);
    await first.agent.get('/api/auth/me').expect(401);
    await second.agent.get('/api/auth/me').expect(401);
    await http().post('/api/auth/login').send({ email: user.email, password: testPassword }).expect(401);
    await signIn(testApp.app, user.email, 'a much better passphrase');
  });

  it('slows repeated failures for one account: 20 wrong passwords in a row are throttled, not locked for good', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: `wrong guess ${attempt}` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    const throttled = await http()
      .post('/api/auth/login')
      .send({ email: user.email, password: testPassword })
      .expect(429);
    expect(throttled.body.message).toMatch(/Too many sign-in attempts/);

    // Once the wait has passed, the right password works again.
    await testApp.dataSource.query(
      `UPDATE sign_in_attempt SET attempted_at = attempted_at - interval '20 minutes' WHERE lower(email) = lower($1)`,
      [user.email],
    );
    await signIn(testApp.app, user.email);
  });

  it('records every sign-in attempt in the audit log', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    await http().post('/api/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
    await signIn(testApp.app, user.email);
    const events = await testApp.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'auth.sign-in.%' ORDER BY id`,
      [user.id],
    );
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      'auth.sign-in.failed',
      'auth.sign-in.succeeded',
    ]);
  });
});
