import { randomBytes } from 'node:crypto';
import request from 'supertest';

import { CSRF_COOKIE, CSRF_HEADER } from '@portfolio/contracts';

import { cookieValue, createUser, signIn, testPassword } from '../../test/factories';
import { type TestApp, createTestApp, dropTestSchema } from '../../test/test-app';
import { testSecretBox } from '../../test/test-secrets';
import { AuthenticatorSecrets, openAuthenticatorSecret, sealAuthenticatorSecret } from './authenticator-secrets';
import { WRONG_AUTHENTICATOR_CODE } from './second-factor-proof';
import { SecretBox } from './secret-box';
import { codeForTimeStep, newAuthenticatorSecret, timeStepAt } from './totp';

interface StoredRow {
  secret: string | null;
  pending_secret: string | null;
}

describe('authenticator secrets at rest', () => {
  async function storedRow(testApp: TestApp, userId: string): Promise<StoredRow> {
    const [row] = await testApp.dataSource.query(
      `SELECT secret, pending_secret FROM user_authenticator WHERE user_id = $1`,
      [userId],
    );
    return row;
  }

  /** The password step, then a code: answers the second step's response. */
  async function signInWithCode(testApp: TestApp, email: string, code: string): Promise<request.Response> {
    const agent = request.agent(testApp.app.getHttpServer());
    const login = await agent.post('/api/auth/login').send({ email, password: testPassword }).expect(200);
    expect(login.body.nextStep).toBe('authenticator-code');
    const stepCsrf = cookieValue(([] as string[]).concat(login.headers['set-cookie'] ?? []), CSRF_COOKIE);
    return agent.post('/api/auth/login/second-factor').set(CSRF_HEADER, stepCsrf).send({ code });
  }

  describe('on a running server', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createTestApp({ seedFrameworks: false });
    });

    afterAll(() => testApp.close());

    it('stores a secret set up through the API encrypted, and signs in with a code from it', async () => {
      const trainee = await createUser(testApp.dataSource, ['trainee']);
      const client = await signIn(testApp.app, trainee.email);
      const started = await client.agent
        .post('/api/auth/mfa/enrolment')
        .set(CSRF_HEADER, client.csrfToken)
        .send({})
        .expect(201);
      const secret: string = started.body.secret;
      await client.agent
        .post('/api/auth/mfa/enrolment/confirmation')
        .set(CSRF_HEADER, client.csrfToken)
        .send({ code: codeForTimeStep(secret, timeStepAt(Date.now())) })
        .expect(200);

      const stored = await storedRow(testApp, trainee.id);
      expect(stored.pending_secret).toBeNull();
      expect(stored.secret).toMatch(new RegExp(`^v1\\.${testSecretBox().currentKeyId}\\.`));
      expect(stored.secret).not.toContain(secret);
      expect(openAuthenticatorSecret(testSecretBox(), trainee.id, stored.secret ?? '')).toBe(secret);

      const signedIn = await signInWithCode(
        testApp,
        trainee.email,
        codeForTimeStep(secret, timeStepAt(Date.now()) + 1),
      );
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({ id: trainee.id });
    });

    it('refuses codes when an encrypted secret is copied to another account', async () => {
      const owner = await createUser(testApp.dataSource, ['supervisor']);
      const other = await createUser(testApp.dataSource, ['supervisor']);
      const ownersRow = await storedRow(testApp, owner.id);
      const ownersSecret = openAuthenticatorSecret(testSecretBox(), owner.id, ownersRow.secret ?? '');
      await testApp.dataSource.query(`UPDATE user_authenticator SET secret = $2 WHERE user_id = $1`, [
        other.id,
        ownersRow.secret,
      ]);

      const refused = await signInWithCode(testApp, other.email, codeForTimeStep(ownersSecret, timeStepAt(Date.now())));
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ field: 'code', message: WRONG_AUTHENTICATOR_CODE }]);
    });

    it('leaves everything as it was when a secret does not decrypt at start, and says what to do', async () => {
      const supervisor = await createUser(testApp.dataSource, ['supervisor'], { authenticator: false });
      const foreign = sealedWith(randomBytes(32), supervisor.id, newAuthenticatorSecret());
      const plain = await createUser(testApp.dataSource, ['supervisor'], { authenticator: false });
      await insertSecret(testApp, supervisor.id, foreign);
      await insertSecret(testApp, plain.id, newAuthenticatorSecret());

      await expect(testApp.app.get(AuthenticatorSecrets).sealStoredSecrets()).rejects.toThrow(
        /secrets of 1 account do not decrypt with SECRETS_KEY or SECRETS_KEY_PREVIOUS/,
      );
      expect((await storedRow(testApp, supervisor.id)).secret).toBe(foreign);
      expect(SecretBox.isSealed((await storedRow(testApp, plain.id)).secret ?? '')).toBe(false);
      await testApp.dataSource.query(`DELETE FROM user_authenticator WHERE user_id = ANY($1)`, [
        [supervisor.id, plain.id],
      ]);
    });
  });

  it('at start encrypts plain secrets and re-encrypts those under the previous key, once', async () => {
    const previousKey = randomBytes(32);
    const before = await createTestApp({ seedFrameworks: false, env: { SECRETS_KEY: previousKey.toString('hex') } });
    const schema = before.schema;
    try {
      // Stored as they were before encryption: an enabled secret and one being set up.
      const plain = await createUser(before.dataSource, ['supervisor'], { authenticator: false });
      const plainSecret = newAuthenticatorSecret();
      await insertSecret(before, plain.id, plainSecret);
      const settingUp = await createUser(before.dataSource, ['trainee']);
      const pendingSecret = newAuthenticatorSecret();
      await before.dataSource.query(
        `INSERT INTO user_authenticator (user_id, pending_secret, pending_since) VALUES ($1, $2, now())`,
        [settingUp.id, pendingSecret],
      );
      // Encrypted with the key now being replaced.
      const rotated = await createUser(before.dataSource, ['supervisor'], { authenticator: false });
      const rotatedSecret = newAuthenticatorSecret();
      await insertSecret(before, rotated.id, sealedWith(previousKey, rotated.id, rotatedSecret));
      await before.stop();

      const after = await createTestApp({
        seedFrameworks: false,
        schema,
        env: { SECRETS_KEY_PREVIOUS: previousKey.toString('base64') },
      });
      const box = testSecretBox();
      const rows = {
        plain: await storedRow(after, plain.id),
        settingUp: await storedRow(after, settingUp.id),
        rotated: await storedRow(after, rotated.id),
      };
      for (const value of [rows.plain.secret, rows.settingUp.pending_secret, rows.rotated.secret]) {
        expect(box.isSealedWithCurrentKey(value ?? '')).toBe(true);
      }
      expect(openAuthenticatorSecret(box, plain.id, rows.plain.secret ?? '')).toBe(plainSecret);
      expect(openAuthenticatorSecret(box, settingUp.id, rows.settingUp.pending_secret ?? '')).toBe(pendingSecret);
      expect(openAuthenticatorSecret(box, rotated.id, rows.rotated.secret ?? '')).toBe(rotatedSecret);
      await signIn(after.app, plain.email);
      await signIn(after.app, rotated.email);
      await after.stop();

      // Without the previous key, a further start finds nothing to do and changes nothing.
      const again = await createTestApp({ seedFrameworks: false, schema });
      expect(await storedRow(again, plain.id)).toEqual({ secret: rows.plain.secret, pending_secret: null });
      expect(await storedRow(again, rotated.id)).toEqual({ secret: rows.rotated.secret, pending_secret: null });
      expect(await again.app.get(AuthenticatorSecrets).sealStoredSecrets()).toBe(0);
      await again.stop();
    } finally {
      await dropTestSchema(schema);
    }
  });
});

function sealedWith(key: Buffer, userId: string, secret: string): string {
  return sealAuthenticatorSecret(new SecretBox(key), userId, secret);
}

async function insertSecret(testApp: TestApp, userId: string, stored: string): Promise<void> {
  await testApp.dataSource.query(
    `INSERT INTO user_authenticator (user_id, secret, enabled_at) VALUES ($1, $2, now())`,
    [userId, stored],
  );
}
