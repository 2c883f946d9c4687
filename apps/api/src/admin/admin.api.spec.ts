import request from 'supertest';

import { CSRF_HEADER, type UserView } from '@portfolio/contracts';

import {
  type SignedInClient,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
  testPassword,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';

describe('administration on PostgreSQL', () => {
  let testApp: TestApp;
  let admin: SignedInClient;
  const post = (path: string, body: object) => admin.agent.post(path).set(CSRF_HEADER, admin.csrfToken).send(body);
  const patch = (path: string, body: object) => admin.agent.patch(path).set(CSRF_HEADER, admin.csrfToken).send(body);

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    admin = await signIn(testApp.app, (await createUser(testApp.dataSource, ['admin'])).email);
  });

  afterAll(() => testApp.close());

  it('creates deaneries and programmes, refusing duplicates with the field named', async () => {
    const deanery = await post('/api/admin/deaneries', { code: 'WM', name: 'West Midlands' }).expect(201);
    await post(`/api/admin/deaneries/${deanery.body.id}/programmes`, { name: 'Foundation Programme' }).expect(201);
    const duplicate = await post('/api/admin/deaneries', { code: 'WM', name: 'Elsewhere' }).expect(409);
    expect(duplicate.body.errors).toEqual([{ field: 'code', message: 'A deanery with this code already exists' }]);
    const badCode = await post('/api/admin/deaneries', { code: 'w m', name: 'Lower case' }).expect(400);
    expect(badCode.body.errors[0].field).toBe('code');
    const unknownFramework = await post(`/api/admin/deaneries/${deanery.body.id}/programmes`, {
      name: 'X',
      frameworkKey: 'nope',
    }).expect(404);
    expect(unknownFramework.body.message).toMatch(/no framework/);
    const list = await admin.agent.get('/api/admin/deaneries').expect(200);
    expect(list.body.find((item: { code: string }) => item.code === 'WM').programmes).toHaveLength(1);
  });

  it('creates a user who can then sign in, and rejects bad input field by field', async () => {
    const created = await post('/api/admin/users', {
      email: 'new.supervisor@example.test',
      displayName: 'Dr New Supervisor',
      roles: ['supervisor', 'assessor'],
      profession: 'Consultant',
      password: 'a long enough passphrase',
    }).expect(201);
    expect(created.body).toMatchObject({ roles: ['supervisor', 'assessor'], disabled: false, version: 1 });
    await signIn(testApp.app, 'new.supervisor@example.test', 'a long enough passphrase');

    const bad = await post('/api/admin/users', {
      email: 'not-an-email',
      displayName: '',
      roles: ['wizard'],
      gmcNumber: '12',
      extra: 1,
    }).expect(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'displayName', 'roles', 'gmcNumber', 'extra']));
    const duplicate = await post('/api/admin/users', {
      email: 'NEW.supervisor@example.test',
      displayName: 'Again',
      roles: ['trainee'],
    }).expect(409);
    expect(duplicate.body.errors[0].field).toBe('email');
    const weak = await post('/api/admin/users', {
      email: 'weak@example.test',
      displayName: 'Weak',
      roles: ['trainee'],
      password: 'password1234',
    }).expect(400);
    expect(weak.body.errors[0].field).toBe('password');
  });

  it('updates a user with optimistic locking: a stale version answers 409', async () => {
    const user = await createUser(testApp.dataSource, ['trainee']);
    const first = await patch(`/api/admin/users/${user.id}`, { version: 1, displayName: 'Renamed once' }).expect(200);
    expect((first.body as UserView).version).toBe(2);
    const stale = await patch(`/api/admin/users/${user.id}`, {
      version: 1,
      displayName: 'Renamed from a stale page',
    }).expect(409);
    expect(stale.body.message).toMatch(/Someone else has changed this user/);
    await patch('/api/admin/users/00000000-0000-4000-8000-000000000000', { version: 1 }).expect(404);
  });

  it('ends every session of a user the admin disables', async () => {
    const user = await createUser(testApp.dataSource, ['supervisor']);
    const client = await signIn(testApp.app, user.email);
    await patch(`/api/admin/users/${user.id}`, { version: 1, disabled: true }).expect(200);
    await client.agent.get('/api/auth/me').expect(401);
  });

  it('resets the authenticator app of someone who lost it: signed out everywhere, set up again at next sign-in, audited', async () => {
    const user = await createUser(testApp.dataSource, ['supervisor']);
    const client = await signIn(testApp.app, user.email);
    const listed = (await admin.agent.get(`/api/admin/users?search=${encodeURIComponent(user.email)}`).expect(200)).body
      .items as UserView[];
    expect(listed[0]?.authenticatorEnabled).toBe(true);

    const noReason = await post(`/api/admin/users/${user.id}/authenticator-reset`, { reason: ' ' }).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const reset = await post(`/api/admin/users/${user.id}/authenticator-reset`, {
      reason: 'Lost phone; identity checked by video call with the training programme director',
    }).expect(200);
    expect((reset.body as UserView).authenticatorEnabled).toBe(false);
    await client.agent.get('/api/auth/me').expect(401);
    const login = await request(testApp.app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: user.email, password: testPassword })
      .expect(200);
    expect(login.body.nextStep).toBe('authenticator-enrolment');
    const again = await signIn(testApp.app, user.email);
    await again.agent.get('/api/auth/me').expect(200);
    const [event] = await testApp.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'user.authenticator-reset' AND entity_id = $1`,
      [user.id],
    );
    expect(event.details).toMatchObject({ hadAuthenticator: true });

    const self = (await admin.agent.get('/api/auth/me').expect(200)).body as { id: string };
    const own = await post(`/api/admin/users/${self.id}/authenticator-reset`, { reason: 'mine' }).expect(400);
    expect(own.body.errors[0].field).toBe('id');
    await post('/api/admin/users/00000000-0000-4000-8000-000000000000/authenticator-reset', { reason: 'x' }).expect(
      404,
    );
  });

  it('assigns a supervisor, checking roles and dates', async () => {
    const trainee = await createUser(testApp.dataSource, ['trainee']);
    const supervisor = await createUser(testApp.dataSource, ['supervisor']);
    await post('/api/admin/assignments', {
      traineeId: trainee.id,
      supervisorId: supervisor.id,
      startsOn: '2026-08-05',
    }).expect(201);
    const wrongRole = await post('/api/admin/assignments', {
      traineeId: supervisor.id,
      supervisorId: trainee.id,
      startsOn: '2026-08-05',
    }).expect(400);
    expect(wrongRole.body.errors[0].field).toBe('traineeId');
    const backwards = await post('/api/admin/assignments', {
      traineeId: trainee.id,
      supervisorId: supervisor.id,
      startsOn: '2026-08-05',
      endsOn: '2026-01-01',
    }).expect(400);
    expect(backwards.body.errors[0].field).toBe('endsOn');
    const notADate = await post('/api/admin/assignments', {
      traineeId: trainee.id,
      supervisorId: supervisor.id,
      startsOn: '2026-02-30',
    }).expect(400);
    expect(notADate.body.errors[0].field).toBe('startsOn');
  });

  describe('cohort CSV import', () => {
    const header = 'name,email,gmc_number,programme,stage,grade,supervisor_email';
    let supervisorEmail: string;

    beforeAll(async () => {
      const deanery = await createDeanery(testApp.dataSource);
      await createProgramme(testApp.dataSource, deanery, 'Core Medical Training');
      supervisorEmail = (await createUser(testApp.dataSource, ['supervisor'])).email;
    });

    it('imports nothing when one line has a bad GMC number, and names the line', async () => {
      const csv = [
        header,
        `Dr One,one@example.test,1000001,Core Medical Training,postgraduate,CT1,${supervisorEmail}`,
        `Dr Two,two@example.test,12345,Core Medical Training,postgraduate,CT1,${supervisorEmail}`,
        `Dr Three,three@example.test,1000003,Core Medical Training,postgraduate,CT2,${supervisorEmail}`,
      ].join('\n');
      const response = await post('/api/admin/trainee-imports', { csv }).expect(400);
      expect(response.body.lineErrors).toEqual([
        { line: 3, field: 'gmc_number', message: "'12345' is not a GMC reference number (7 digits)" },
      ]);
      expect(response.body.message).toMatch(/nothing was imported/);
      const stored = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM app_user WHERE email LIKE '%@example.test' AND email IN ('one@example.test', 'three@example.test')`,
      );
      expect(stored).toEqual([{ count: 0 }]);
    });

    it('reports every bad line with its reason', async () => {
      const csv = [
        header,
        `,bad-email,1000011,No Such Programme,postgraduate,CT1,nobody@example.test`,
        `Dr Dup,dup@example.test,1000012,Core Medical Training,registrar,CT1,${supervisorEmail}`,
        `Dr Dup Again,DUP@example.test,1000012,Core Medical Training,postgraduate,???,${supervisorEmail}`,
      ].join('\r\n');
      const response = await post('/api/admin/trainee-imports', { csv }).expect(400);
      const problems = (response.body.lineErrors as { line: number; field: string }[]).map(
        (error) => `${error.line}:${error.field}`,
      );
      expect(problems).toEqual([
        '2:name',
        '2:email',
        '2:programme',
        '2:supervisor_email',
        '3:stage',
        '4:email',
        '4:gmc_number',
        '4:grade',
      ]);
    });

    it('refuses a file with the wrong header', async () => {
      const response = await post('/api/admin/trainee-imports', { csv: 'email,name\nx@example.test,X' }).expect(400);
      expect(response.body.lineErrors).toEqual([
        { line: 1, field: 'header', message: `The first line must be: ${header}` },
      ]);
    });

    it('imports a good file: trainees with training records and supervisors', async () => {
      const csv = [
        header,
        `Dr Good One,good.one@example.test,1000021,Core Medical Training,postgraduate,CT1,${supervisorEmail}`,
        `"Dr Good, Two",good.two@example.test,1000022,core medical training,postgraduate,CT2,${supervisorEmail.toUpperCase()}`,
      ].join('\n');
      const response = await post('/api/admin/trainee-imports', { csv }).expect(201);
      expect(response.body).toEqual({ imported: 2 });
      const supervisor = await signIn(testApp.app, supervisorEmail, testPassword);
      const visible = await supervisor.agent.get('/api/trainees').expect(200);
      expect(visible.body.items.map((item: { displayName: string }) => item.displayName).sort()).toEqual([
        'Dr Good One',
        'Dr Good, Two',
      ]);
    });
  });
});
