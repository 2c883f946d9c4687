import request from 'supertest';

import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SIGN_IN_STEP_COOKIE } from '@portfolio/contracts';

import { cookieValue, createUser, nextAuthenticatorCode, signIn, testPassword } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { testSecretBox } from '../../test/test-secrets';
import { openAuthenticatorSecret } from './authenticator-secrets';
import { REPLAYED_AUTHENTICATOR_CODE, WRONG_AUTHENTICATOR_CODE, WRONG_RECOVERY_CODE } from './second-factor-proof';
import { SessionCache } from './session-cache';
import { codeForTimeStep, timeStepAt } from './totp';

type Agent = ReturnType<typeof request.agent>;

interface StartedSignIn {
  agent: Agent;
  stepCsrf: string;
  body: { nextStep?: string; expiresAt?: string; id?: string };
  cookies: string[];
}

function setCookiesOf(response: request.Response): string[] {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []);
}

describe('multi-factor sign-in: authenticator apps and recovery codes', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  /** The password step, as the sign-in page sends it. */
  async function startSignIn(
    email: string,
    agent = request.agent(testApp.app.getHttpServer()),
  ): Promise<StartedSignIn> {
    const response = await agent.post('/api/auth/login').send({ email, password: testPassword }).expect(200);
    const cookies = setCookiesOf(response);
    return { agent, stepCsrf: cookieValue(cookies, CSRF_COOKIE), body: response.body, cookies };
  }

  function sendSecondFactor(started: StartedSignIn, body: Record<string, string>) {
    return started.agent.post('/api/auth/login/second-factor').set(CSRF_HEADER, started.stepCsrf).send(body);
  }

  /** The account's secret, as the API decrypts it from the database. */
  async function secretOf(userId: string): Promise<string> {
    const [row] = await testApp.dataSource.query(`SELECT secret FROM user_authenticator WHERE user_id = $1`, [userId]);
    return openAuthenticatorSecret(testSecretBox(), userId, row.secret);
  }

  /** Sets up an authenticator app for a signed-in user through the API; answers its secret and recovery codes. */
  async function enrol(
    client: Awaited<ReturnType<typeof signIn>>,
  ): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await client.agent
      .post('/api/auth/mfa/enrolment')
      .set(CSRF_HEADER, client.csrfToken)
      .send({})
      .expect(201);
    const code = codeForTimeStep(started.body.secret, timeStepAt(Date.now()));
    const confirmed = await client.agent
      .post('/api/auth/mfa/enrolment/confirmation')
      .set(CSRF_HEADER, client.csrfToken)
      .send({ code })
      .expect(200);
    return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  async function auditActions(userId: string, pattern: string): Promise<string[]> {
    const rows = await testApp.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE $2 ORDER BY id`,
      [userId, pattern],
    );
    return rows.map((row: { action: string }) => row.action);
  }

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
  });

  afterAll(() => testApp.close());

  it('lets a trainee set up an authenticator app: QR code, secret, a confirming code, then ten recovery codes stored only as hashes', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, trainee.email);
    const otherBrowser = await signIn(testApp.app, trainee.email);
    const before = await client.agent.get('/api/auth/mfa').expect(200);
    expect(before.body).toEqual({ enabled: false, required: false, enabledAt: null, recoveryCodesRemaining: 0 });

    const started = await client.agent
      .post('/api/auth/mfa/enrolment')
      .set(CSRF_HEADER, client.csrfToken)
      .send({})
      .expect(201);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.accountName).toBe(trainee.email);
    expect(started.body.otpauthUri).toBe(
      `otpauth://totp/Leadership%20portfolio:${encodeURIComponent(trainee.email)}?issuer=Leadership%20portfolio&secret=${started.body.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(started.body.qrCodeImage).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(started.body.qrCodeImage.split(',')[1], 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script/i);
    // Stored encrypted, never as the secret itself.
    const [pending] = await testApp.dataSource.query(
      `SELECT pending_secret FROM user_authenticator WHERE user_id = $1`,
      [trainee.id],
    );
    expect(pending.pending_secret).toMatch(/^v1\./);
    expect(pending.pending_secret).not.toContain(started.body.secret);
    // Pending until confirmed: signing in still needs only the password.
    expect((await client.agent.get('/api/auth/mfa').expect(200)).body.enabled).toBe(false);

    const confirm = (code: string) =>
      client.agent.post('/api/auth/mfa/enrolment/confirmation').set(CSRF_HEADER, client.csrfToken).send({ code });
    const malformed = await confirm('12345').expect(400);
    expect(malformed.body.errors).toEqual([
      { field: 'code', message: 'code must be the 6 digits your authenticator app shows' },
    ]);
    const rightCode = codeForTimeStep(started.body.secret, timeStepAt(Date.now()));
    const wrongCode = rightCode === '000000' ? '111111' : '000000';
    const wrong = await confirm(wrongCode).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'code', message: WRONG_AUTHENTICATOR_CODE }]);

    const confirmed = await confirm(`${rightCode.slice(0, 3)} ${rightCode.slice(3)}`).expect(200);
    expect(confirmed.body.user).toMatchObject({ id: trainee.id });
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    codes.forEach((code) => expect(code).toMatch(/^[a-km-np-z2-9]{5}-[a-km-np-z2-9]{5}-[a-km-np-z2-9]{5}$/));
    const stored = await testApp.dataSource.query(`SELECT code_hash FROM recovery_code WHERE user_id = $1`, [
      trainee.id,
    ]);
    expect(stored).toHaveLength(10);
    const storedText = JSON.stringify(stored);
    codes.forEach((code) => {
      expect(storedText).not.toContain(code);
      expect(storedText).not.toContain(code.replace(/-/g, ''));
    });

    const [enabled] = await testApp.dataSource.query(`SELECT secret FROM user_authenticator WHERE user_id = $1`, [
      trainee.id,
    ]);
    expect(enabled.secret).toBe(pending.pending_secret);
    expect(await secretOf(trainee.id)).toBe(started.body.secret);

    const after = await client.agent.get('/api/auth/mfa').expect(200);
    expect(after.body).toMatchObject({ enabled: true, required: false, recoveryCodesRemaining: 10 });
    // The browser that set it up stays signed in; others must sign in again, now with a code.
    await client.agent.get('/api/auth/me').expect(200);
    await otherBrowser.agent.get('/api/auth/me').expect(401);
    expect(await auditActions(trainee.id, 'account.mfa.%')).toEqual(['account.mfa.enabled']);

    // Replacing the app in use needs a code from it.
    const replace = await client.agent
      .post('/api/auth/mfa/enrolment')
      .set(CSRF_HEADER, client.csrfToken)
      .send({})
      .expect(400);
    expect(replace.body.errors[0].field).toBe('code');
  });

  it('signs in in two steps: the password opens no session, only the code step; the code opens a session under a new token', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee'], { authenticator: true });
    const earlier = await startSignIn((await createUser(testApp.dataSource, ['assessor'])).email);
    const earlierSession = cookieValue(earlier.cookies, SESSION_COOKIE);

    // The same browser, already signed in as someone else, signs in as the trainee.
    const started = await startSignIn(trainee.email, earlier.agent);
    expect(started.body).toEqual({ nextStep: 'authenticator-code', expiresAt: expect.any(String) });
    const lifetime = new Date(started.body.expiresAt ?? '').getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(4 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);
    const stepCookie = started.cookies.find((cookie) => cookie.startsWith(`${SIGN_IN_STEP_COOKIE}=`)) ?? '';
    expect(stepCookie).toMatch(/HttpOnly/);
    expect(stepCookie).toMatch(/SameSite=Strict/);
    expect(stepCookie).toMatch(/Path=\/api\/auth/);
    expect(cookieValue(started.cookies, SESSION_COOKIE)).toBe('');
    // The half-way state is not a session: nothing but the code step answers to it.
    await started.agent.get('/api/auth/me').expect(401);
    await started.agent.get('/api/trainees').expect(401);
    await started.agent.get('/api/auth/mfa').expect(401);
    await started.agent.post('/api/auth/mfa/enrolment').set(CSRF_HEADER, started.stepCsrf).send({}).expect(401);
    // Signing in ended the session the browser had before.
    await http().get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${earlierSession}`).expect(401);

    await started.agent.post('/api/auth/login/second-factor').send({ code: '123456' }).expect(403);
    const missing = await sendSecondFactor(started, {}).expect(400);
    expect(missing.body.errors[0].field).toBe('code');
    const malformed = await sendSecondFactor(started, { code: 'abcdef' }).expect(400);
    expect(malformed.body.errors[0]).toEqual({
      field: 'code',
      message: 'code must be the 6 digits your authenticator app shows',
    });
    const secret = await secretOf(trainee.id);
    const now = timeStepAt(Date.now());
    const wrongCode = codeForTimeStep(secret, now - 5);
    const wrong = await sendSecondFactor(started, { code: wrongCode }).expect(400);
    expect(wrong.body).toMatchObject({
      message: WRONG_AUTHENTICATOR_CODE,
      errors: [{ field: 'code', message: WRONG_AUTHENTICATOR_CODE }],
    });

    const signedIn = await sendSecondFactor(started, { code: codeForTimeStep(secret, now) }).expect(200);
    expect(signedIn.body).toMatchObject({ id: trainee.id, email: trainee.email, roles: ['trainee'] });
    const cookies = setCookiesOf(signedIn);
    const sessionToken = cookieValue(cookies, SESSION_COOKIE);
    const stepToken = cookieValue(started.cookies, SIGN_IN_STEP_COOKIE);
    expect(sessionToken).toMatch(/^[\w-]{43}$/);
    expect(sessionToken).not.toBe(stepToken);
    expect(sessionToken).not.toBe(earlierSession);
    expect(cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))).toMatch(/HttpOnly; SameSite=Lax/);
    expect(cookieValue(cookies, SIGN_IN_STEP_COOKIE)).toBe('');
    expect(cookieValue(cookies, CSRF_COOKIE)).not.toBe(started.stepCsrf);
    await started.agent.get('/api/auth/me').expect(200);
    // The half-way token is spent: it neither signs in again nor works as a session.
    await http()
      .post('/api/auth/login/second-factor')
      .set('Cookie', `${SIGN_IN_STEP_COOKIE}=${stepToken}; ${CSRF_COOKIE}=${started.stepCsrf}`)
      .set(CSRF_HEADER, started.stepCsrf)
      .send({ code: codeForTimeStep(secret, now + 1) })
      .expect(401);
    await http().get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${stepToken}`).expect(401);

    expect(await auditActions(trainee.id, 'auth.%')).toEqual([
      'auth.sign-in.password-accepted',
      'auth.second-factor.failed',
      'auth.sign-in.succeeded',
    ]);
  });

  it('refuses a code that has already been used, even within its time', async () => {
    const assessor = await createUser(testApp.dataSource, ['assessor'], { authenticator: true });
    const secret = await secretOf(assessor.id);
    const code = codeForTimeStep(secret, timeStepAt(Date.now()));
    await sendSecondFactor(await startSignIn(assessor.email), { code }).expect(200);

    const again = await startSignIn(assessor.email);
    const replayed = await sendSecondFactor(again, { code }).expect(400);
    expect(replayed.body.errors).toEqual([{ field: 'code', message: REPLAYED_AUTHENTICATOR_CODE }]);
    // An earlier step than the one used is refused too; a later one works.
    const earlier = codeForTimeStep(secret, timeStepAt(Date.now()) - 1);
    if (earlier !== code) {
      await sendSecondFactor(again, { code: earlier }).expect(400);
    }
    await sendSecondFactor(again, { code: codeForTimeStep(secret, timeStepAt(Date.now()) + 1) }).expect(200);
  });

  it('accepts each recovery code once, in place of a code, and records its use', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const { recoveryCodes } = await enrol(await signIn(testApp.app, trainee.email));
    const [first = '', second = ''] = recoveryCodes;

    const started = await startSignIn(trainee.email);
    const wrong = await sendSecondFactor(started, { recoveryCode: 'aaaaa-bbbbb-ccccc' }).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'recoveryCode', message: WRONG_RECOVERY_CODE }]);
    const malformed = await sendSecondFactor(started, { recoveryCode: 'not a code' }).expect(400);
    expect(malformed.body.errors[0].field).toBe('recoveryCode');
    const both = await sendSecondFactor(started, { code: '123456', recoveryCode: first }).expect(400);
    expect(both.body.errors[0].field).toBe('code');
    // Typed in capitals and without the hyphens, it is still the code.
    await sendSecondFactor(started, { recoveryCode: first.replace(/-/g, '').toUpperCase() }).expect(200);

    const reused = await sendSecondFactor(await startSignIn(trainee.email), { recoveryCode: first }).expect(400);
    expect(reused.body.errors).toEqual([{ field: 'recoveryCode', message: WRONG_RECOVERY_CODE }]);
    const client = await startSignIn(trainee.email);
    await sendSecondFactor(client, { recoveryCode: ` ${second} ` }).expect(200);
    const status = await client.agent.get('/api/auth/mfa').expect(200);
    expect(status.body.recoveryCodesRemaining).toBe(8);
    expect(await auditActions(trainee.id, 'account.mfa.recovery-code-used')).toHaveLength(2);
  });

  it('throttles codes like passwords: wrong codes slow the account down, and a right password does not reset the count', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee'], { authenticator: true });
    const secret = await secretOf(trainee.id);
    const wrongCode = codeForTimeStep(secret, timeStepAt(Date.now()) - 10);
    const started = await startSignIn(trainee.email);
    for (let attempt = 0; attempt < 5; attempt++) {
      await sendSecondFactor(started, { code: wrongCode }).expect(400);
    }
    // Each wrong code is a failed attempt, and the right password before them was not a success.
    const attempts = await testApp.dataSource.query(
      `SELECT succeeded FROM sign_in_attempt WHERE lower(email) = lower($1) ORDER BY id`,
      [trainee.email],
    );
    expect(attempts.map((attempt: { succeeded: boolean }) => attempt.succeeded)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    // As if the guessing had gone on (each wait doubles): now a minute's wait, whatever the machine's speed.
    await testApp.dataSource.query(
      `INSERT INTO sign_in_attempt (email, ip_address, succeeded) SELECT $1, '192.0.2.1', false FROM generate_series(1, 6)`,
      [trainee.email],
    );
    const throttled = await sendSecondFactor(started, {
      code: await nextAuthenticatorCode(testApp.dataSource, trainee.email),
    });
    expect(throttled.status).toBe(429);
    expect(throttled.body.message).toMatch(/Too many attempts. Wait \d+ seconds/);
    // The password step is throttled by the same count.
    const password = await http().post('/api/auth/login').send({ email: trainee.email, password: testPassword });
    expect(password.status).toBe(429);

    // Once the wait has passed, the right code signs in.
    await testApp.dataSource.query(
      `UPDATE sign_in_attempt SET attempted_at = attempted_at - interval '20 minutes' WHERE lower(email) = lower($1)`,
      [trainee.email],
    );
    await sendSecondFactor(started, { code: await nextAuthenticatorCode(testApp.dataSource, trainee.email) }).expect(
      200,
    );
  });

  it('ends the half-way state after too many wrong codes, and when it times out', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee'], { authenticator: true });
    const started = await startSignIn(trainee.email);
    await testApp.dataSource.query(`UPDATE sign_in_step SET failed_codes = 9 WHERE user_id = $1`, [trainee.id]);
    await sendSecondFactor(started, { code: '000000' }).expect(400);
    const ended = await sendSecondFactor(started, {
      code: await nextAuthenticatorCode(testApp.dataSource, trainee.email),
    }).expect(401);
    expect(ended.body.message).toBe('Your sign-in has timed out. Enter your email address and password again.');

    const late = await startSignIn(trainee.email);
    await testApp.dataSource.query(
      `UPDATE sign_in_step SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [trainee.id],
    );
    await sendSecondFactor(late, { code: await nextAuthenticatorCode(testApp.dataSource, trainee.email) }).expect(401);
  });

  it('keeps supervisors, deanery admins and admins without an app out of everything but setting one up', async () => {
    for (const role of ['supervisor', 'deanery_admin', 'admin'] as const) {
      const user = await createUser(testApp.dataSource, [role], { authenticator: false });
      const started = await startSignIn(user.email);
      expect(started.body.nextStep).toBe('authenticator-enrolment');
      expect(cookieValue(started.cookies, SESSION_COOKIE)).toBe('');
      await started.agent.get('/api/auth/me').expect(401);
      await started.agent.get('/api/trainees').expect(401);
      await started.agent.get('/api/auth/mfa').expect(401);
      await sendSecondFactor(started, { code: '123456' }).expect(401);

      await started.agent.post('/api/auth/mfa/enrolment').send({}).expect(403);
      const enrolment = await started.agent
        .post('/api/auth/mfa/enrolment')
        .set(CSRF_HEADER, started.stepCsrf)
        .send({})
        .expect(201);
      const confirm = (code: string) =>
        started.agent.post('/api/auth/mfa/enrolment/confirmation').set(CSRF_HEADER, started.stepCsrf).send({ code });
      const code = codeForTimeStep(enrolment.body.secret, timeStepAt(Date.now()));
      await confirm(code === '999999' ? '000000' : '999999').expect(400);
      await started.agent.get('/api/auth/me').expect(401);

      const confirmed = await confirm(code).expect(200);
      expect(confirmed.body.recoveryCodes).toHaveLength(10);
      expect(confirmed.body.user).toMatchObject({ id: user.id, roles: [role] });
      const sessionToken = cookieValue(setCookiesOf(confirmed), SESSION_COOKIE);
      expect(sessionToken).not.toBe('');
      expect(sessionToken).not.toBe(cookieValue(started.cookies, SIGN_IN_STEP_COOKIE));
      await started.agent.get('/api/auth/me').expect(200);
      const status = await started.agent.get('/api/auth/mfa').expect(200);
      expect(status.body).toMatchObject({ enabled: true, required: true, recoveryCodesRemaining: 10 });
      // The code that confirmed the app cannot sign in again.
      const next = await startSignIn(user.email);
      expect(next.body.nextStep).toBe('authenticator-code');
      await sendSecondFactor(next, { code }).expect(400);
    }
  });

  it('closes a session whose account gains a role that needs an app it does not have', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, trainee.email);
    await client.agent.get('/api/auth/me').expect(200);
    await testApp.dataSource.query(`UPDATE app_user SET roles = '{trainee,supervisor}' WHERE id = $1`, [trainee.id]);
    await testApp.app.get(SessionCache).settled();
    await client.agent.get('/api/auth/me').expect(401);
    expect((await startSignIn(trainee.email)).body.nextStep).toBe('authenticator-enrolment');
  });

  it('turns the app off for a trainee with a current code, never for a supervisor', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee'], { authenticator: true });
    const client = await signIn(testApp.app, trainee.email);
    const turnOff = (body: Record<string, string>) =>
      client.agent.delete('/api/auth/mfa').set(CSRF_HEADER, client.csrfToken).send(body);
    const missing = await turnOff({}).expect(400);
    expect(missing.body.errors[0].field).toBe('code');
    const secret = await secretOf(trainee.id);
    await turnOff({ code: codeForTimeStep(secret, timeStepAt(Date.now()) - 20) }).expect(400);
    await turnOff({ code: await nextAuthenticatorCode(testApp.dataSource, trainee.email) }).expect(204);
    expect((await client.agent.get('/api/auth/mfa').expect(200)).body.enabled).toBe(false);
    // Signing in needs only the password again.
    expect((await startSignIn(trainee.email)).body).toMatchObject({ id: trainee.id });
    expect(await auditActions(trainee.id, 'account.mfa.%')).toEqual(['account.mfa.disabled']);
    await turnOff({ code: '123456' }).expect(409);

    const supervisor = await createUser(testApp.dataSource, ['supervisor']);
    const supervisorClient = await signIn(testApp.app, supervisor.email);
    const refused = await supervisorClient.agent
      .delete('/api/auth/mfa')
      .set(CSRF_HEADER, supervisorClient.csrfToken)
      .send({ code: await nextAuthenticatorCode(testApp.dataSource, supervisor.email) })
      .expect(409);
    expect(refused.body.message).toMatch(/Your role needs an authenticator app/);
  });

  it('replaces the recovery codes with a current code; the old ones stop working', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, trainee.email);
    const { recoveryCodes: oldCodes } = await enrol(client);
    const regenerate = (body: Record<string, string>) =>
      client.agent.post('/api/auth/mfa/recovery-codes').set(CSRF_HEADER, client.csrfToken).send(body);
    await regenerate({}).expect(400);
    await regenerate({ code: '000000' }).expect(400);
    const fresh = await regenerate({ recoveryCode: oldCodes[0] ?? '' }).expect(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect(fresh.body.recoveryCodes).not.toContain(oldCodes[1]);

    await sendSecondFactor(await startSignIn(trainee.email), { recoveryCode: oldCodes[1] ?? '' }).expect(400);
    await sendSecondFactor(await startSignIn(trainee.email), { recoveryCode: fresh.body.recoveryCodes[0] }).expect(200);
    expect(await auditActions(trainee.id, 'account.mfa.%')).toEqual([
      'account.mfa.enabled',
      'account.mfa.recovery-code-used',
      'account.mfa.recovery-codes-regenerated',
      'account.mfa.recovery-code-used',
    ]);
  });

  it('answers clearly when there is nothing to confirm', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const client = await signIn(testApp.app, trainee.email);
    const response = await client.agent
      .post('/api/auth/mfa/enrolment/confirmation')
      .set(CSRF_HEADER, client.csrfToken)
      .send({ code: '123456' })
      .expect(409);
    expect(response.body.message).toMatch(/no authenticator app being set up/);
    await client.agent
      .post('/api/auth/mfa/recovery-codes')
      .set(CSRF_HEADER, client.csrfToken)
      .send({ code: '123456' })
      .expect(409);
  });
});
