import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { CSRF_COOKIE, CSRF_HEADER, type Role } from '@portfolio/contracts';

import { hashPassword } from '../src/auth/password-hasher';

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

export async function createUser(
  dataSource: DataSource,
  roles: Role[],
  options: { deaneryId?: string | null; email?: string } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(testPassword);
  const email = options.email ?? `${unique(roles.join('-'))}@example.test`;
  const [row] = await dataSource.query(
    `INSERT INTO app_user (email, display_name, password_hash, roles, deanery_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, `Test ${roles.join(' ')}`, await passwordHash, roles, options.deaneryId ?? null],
  );
  return { id: row.id, email, roles };
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF header on writes. */
export interface SignedInClient {
  agent: ReturnType<typeof request.agent>;
  csrfToken: string;
  sessionCookie: string;
}

export async function signIn(app: INestApplication, email: string, password = testPassword): Promise<SignedInClient> {
  const agent = request.agent(app.getHttpServer());
  const response = await agent.post('/api/auth/login').send({ email, password }).expect(200);
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const csrfToken = cookieValue(cookies, CSRF_COOKIE);
  const sessionCookie = cookies.find((cookie) => cookie.startsWith('portfolio_session=')) ?? '';
  return { agent, csrfToken, sessionCookie };
}

export function cookieValue(setCookies: string[], name: string): string {
  const cookie = setCookies.find((candidate) => candidate.startsWith(`${name}=`));
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
