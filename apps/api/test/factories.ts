import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { CSRF_COOKIE, CSRF_HEADER, type Role, SESSION_COOKIE, mfaRequiredFor } from '@portfolio/contracts';

import { openAuthenticatorSecret, sealAuthenticatorSecret } from '../src/auth/authenticator-secrets';
import { hashPassword } from '../src/auth/password-hasher';
import { codeForTimeStep, newAuthenticatorSecret, timeStepAt } from '../src/auth/totp';
import { testSecretBox } from './test-secrets';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function createDeanery(dataSource: DataSource, name = unique('Deanery')): Promise<string> {
  const [row] = await dataSource.query(`INSERT INTO deanery (code, name) VALUES ($1, $1) RETURNING id`, [name]);
  return row.id;
}

export async function createProgramme(
  dataSource: DataSource,
  deaneryId: string,
  name = unique('Programme'),
): Promise<string> {
  const [row] = await dataSource.query(`INSERT INTO programme (deanery_id, name) VALUES ($1, $2) RETURNING id`, [
    deaneryId,
    name,
  ]);
  return row.id;
}

export interface TestUser {
  id: string;
  email: string;
  roles: Role[];
}

/**
 * An account with the test password. Roles that must sign in with an authenticator app get one
 * already set up (`authenticator: false` leaves it out, `true` adds it for any role).
 */
export async function createUser(
  dataSource: DataSource,
  roles: Role[],
  options: { deaneryId?: string | null; email?: string; authenticator?: boolean } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(testPassword);
  const email = options.email ?? `${unique(roles.join('-'))}@example.test`;
  const [row] = await dataSource.query(
    `INSERT INTO app_user (email, display_name, password_hash, roles, deanery_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, `Test ${roles.join(' ')}`, await passwordHash, roles, options.deaneryId ?? null],
  );
  if (options.authenticator ?? mfaRequiredFor(roles)) {
    await dataSource.query(`INSERT INTO user_authenticator (user_id, secret, enabled_at) VALUES ($1, $2, now())`, [
      row.id,
      sealAuthenticatorSecret(testSecretBox(), row.id, newAuthenticatorSecret()),
    ]);
  }
  return { id: row.id, email, roles };
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF header on writes. */
export interface SignedInClient {
  agent: ReturnType<typeof request.agent>;
  csrfToken: string;
  sessionCookie: string;
}

/**
 * Signs in as a person would: the password, then, when the account asks for it, a code from its
 * authenticator app (read from the database), or setting one up if its role requires one.
 */
export async function signIn(app: INestApplication, email: string, password = testPassword): Promise<SignedInClient> {
  const agent = request.agent(app.getHttpServer());
  const login = await agent.post('/api/auth/login').send({ email, password }).expect(200);
  let final = login;
  if (login.body.nextStep === 'authenticator-code') {
    const stepCsrf = cookieValue(setCookiesOf(login), CSRF_COOKIE);
    const code = await nextAuthenticatorCode(app.get(DataSource), email);
    final = await agent.post('/api/auth/login/second-factor').set(CSRF_HEADER, stepCsrf).send({ code }).expect(200);
  } else if (login.body.nextStep === 'authenticator-enrolment') {
    const stepCsrf = cookieValue(setCookiesOf(login), CSRF_COOKIE);
    const enrolment = await agent.post('/api/auth/mfa/enrolment').set(CSRF_HEADER, stepCsrf).send({}).expect(201);
    const code = codeForTimeStep(enrolment.body.secret, timeStepAt(Date.now()));
    final = await agent
      .post('/api/auth/mfa/enrolment/confirmation')
      .set(CSRF_HEADER, stepCsrf)
      .send({ code })
      .expect(200);
  }
  const cookies = setCookiesOf(final);
  const csrfToken = cookieValue(cookies, CSRF_COOKIE);
  const sessionCookie = [...cookies].reverse().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`)) ?? '';
  return { agent, csrfToken, sessionCookie };
}

/**
 * A code the account has not used yet. The API accepts each time-step once, and one step either
 * side of now; this step and the next stay valid for at least 30 s. Tests sign one account in far
 * more often than a person could, so when both are used the remembered step is moved back (the
 * replay rule has tests of its own).
 */
export async function nextAuthenticatorCode(dataSource: DataSource, email: string): Promise<string> {
  const [row] = (await dataSource.query(
    `SELECT a.user_id, a.secret, a.last_used_step FROM user_authenticator a JOIN app_user u ON u.id = a.user_id
      WHERE lower(u.email) = lower($1) AND a.enabled_at IS NOT NULL`,
    [email],
  )) as { user_id: string; secret: string; last_used_step: string | null }[];
  if (!row) {
    throw new Error(`${email} has no authenticator app set up`);
  }
  const secret = openAuthenticatorSecret(testSecretBox(), row.user_id, row.secret);
  const now = timeStepAt(Date.now());
  const lastUsed = row.last_used_step === null ? null : Number(row.last_used_step);
  const step = [now, now + 1].find((candidate) => lastUsed === null || candidate > lastUsed);
  if (step === undefined) {
    await dataSource.query(`UPDATE user_authenticator SET last_used_step = $2 WHERE user_id = $1`, [
      row.user_id,
      now - 1,
    ]);
    return codeForTimeStep(secret, now);
  }
  return codeForTimeStep(secret, step);
}

function setCookiesOf(response: { headers: Record<string, unknown> }): string[] {
  return ([] as string[]).concat((response.headers['set-cookie'] as string[] | undefined) ?? []);
}

export function cookieValue(setCookies: string[], name: string): string {
  // The last one counts, as in a browser: a response may clear a cookie and then set it.
  const cookie = [...setCookies].reverse().find((candidate) => candidate.startsWith(`${name}=`));
  return decodeURIComponent(cookie?.split(';')[0]?.slice(name.length + 1) ?? '');
}

export const csrfHeader = CSRF_HEADER;

export async function addTrainingRecord(
  dataSource: DataSource,
  traineeId: string,
  programmeId: string,
  options: { stageKey?: string; grade?: string } = {},
): Promise<void> {
  await dataSource.query(
    `INSERT INTO training_record (trainee_id, programme_id, stage_key, grade, starts_on) VALUES ($1, $2, $3, $4, current_date - 30)`,
    [traineeId, programmeId, options.stageKey ?? 'postgraduate', options.grade ?? 'FY1'],
  );
}

export async function assignSupervisor(
  dataSource: DataSource,
  traineeId: string,
  supervisorId: string,
  period: { startsOn?: string; endsOn?: string | null } = {},
): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO supervisor_assignment (trainee_id, supervisor_id, starts_on, ends_on)
     VALUES ($1, $2, coalesce($3::date, current_date - 30), $4::date) RETURNING id`,
    [traineeId, supervisorId, period.startsOn ?? null, period.endsOn ?? null],
  );
  return row.id;
}
