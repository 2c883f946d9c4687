import request from 'supertest';

import { CSRF_HEADER, type Role, roles } from '@portfolio/contracts';

import { createUser, signIn } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';

type Caller = Role | 'anonymous';
/** The status each caller gets from the route, called with no body. */
type Expected = Record<Caller, number>;

const everyone = (status: number): Expected =>
  Object.fromEntries([['anonymous', status], ...roles.map((role) => [role, status])]) as Expected;
const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
const only = (allowed: Role[], status: number): Expected => ({
  ...everyone(404),
  anonymous: 401,
  ...Object.fromEntries(allowed.map((role) => [role, status])),
});

/**
 * Every route the API registers, with who may call it. A route missing here fails the suite,
 * so no route can be added without deciding who may reach it.
 */
const accessMatrix: Record<string, Expected> = {
  'GET /api/health': everyone(200),
  'GET /api/frameworks': everyone(200),
  'GET /api/frameworks/:key': everyone(200),
  'GET /api/frameworks/:key/versions/:version': everyone(200),
  'GET /api/frameworks/:key/case': everyone(200),
  'GET /api/frameworks/:key/versions/:version/case': everyone(200),
  'POST /api/auth/login': everyone(401),
  'POST /api/auth/logout': signedIn(204),
  'GET /api/auth/me': signedIn(200),
  'PUT /api/auth/password': signedIn(400),
  // Only a sign-in waiting for its code reaches this; a session is not one.
  'POST /api/auth/login/second-factor': everyone(401),
  'GET /api/auth/mfa': signedIn(200),
  // Roles that must have an app have one here: replacing it needs a code from it.
  'POST /api/auth/mfa/enrolment': { ...signedIn(400), trainee: 201, assessor: 201 },
  'POST /api/auth/mfa/enrolment/confirmation': signedIn(400),
  'POST /api/auth/mfa/recovery-codes': signedIn(400),
  'DELETE /api/auth/mfa': signedIn(400),
  'GET /api/admin/audit/verify': only(['admin'], 200),
  'GET /api/trainees': only(['trainee', 'supervisor', 'deanery_admin', 'admin'], 200),
  'GET /api/trainees/:id': only(['trainee', 'supervisor', 'deanery_admin', 'admin'], 404),
  'GET /api/admin/deaneries': only(['admin'], 200),
  'POST /api/admin/deaneries': only(['admin'], 400),
  'POST /api/admin/deaneries/:deaneryId/programmes': only(['admin'], 400),
  'GET /api/admin/users': only(['admin'], 200),
  'POST /api/admin/users': only(['admin'], 400),
  'PATCH /api/admin/users/:id': only(['admin'], 400),
  'POST /api/admin/users/:id/authenticator-reset': only(['admin'], 400),
  'POST /api/admin/assignments': only(['admin'], 400),
  'POST /api/admin/training-records': only(['admin'], 400),
  'POST /api/admin/trainee-imports': only(['admin'], 400),
  'GET /api/evidence': only(['trainee', 'supervisor', 'deanery_admin'], 200),
  'POST /api/evidence': only(['trainee'], 400),
  'GET /api/evidence/:id': only(['trainee', 'supervisor', 'deanery_admin'], 404),
  'PATCH /api/evidence/:id': only(['trainee'], 400),
  'DELETE /api/evidence/:id': only(['trainee'], 404),
  'POST /api/evidence/:id/addenda': only(['trainee'], 400),
  'POST /api/evidence/:id/attachments': only(['trainee'], 400),
  'GET /api/evidence/:id/attachments/:attachmentId': only(['trainee', 'supervisor', 'deanery_admin'], 404),
  'GET /api/trainees/:id/progress': only(['trainee', 'supervisor', 'deanery_admin', 'admin'], 404),
  'GET /api/trainees/:id/sign-offs': only(['trainee', 'supervisor', 'deanery_admin', 'admin'], 404),
  'POST /api/trainees/:id/sign-offs': only(['supervisor'], 400),
  'POST /api/trainees/:id/sign-offs/:signOffId/withdrawal': only(['supervisor'], 400),
  'GET /api/assessment-templates': signedIn(200),
  'GET /api/assessment-templates/:key': signedIn(404),
  'GET /api/assessors': only(['trainee'], 200),
  'GET /api/assessments': signedIn(400),
  'POST /api/assessments': only(['trainee'], 400),
  'GET /api/assessments/:id': signedIn(404),
  'PATCH /api/assessments/:id': only(['trainee'], 400),
  'POST /api/assessments/:id/send': only(['trainee'], 400),
  'POST /api/assessments/:id/ticket/revocation': only(['trainee'], 404),
  'PUT /api/assessments/:id/judgement': only(['supervisor', 'assessor'], 400),
  'POST /api/assessments/:id/return': only(['supervisor', 'assessor'], 400),
  'POST /api/assessments/:id/sign-off': only(['supervisor', 'assessor'], 400),
  'POST /api/assessments/:id/corrections': only(['supervisor', 'assessor'], 400),
  'GET /api/assessments/:id/evidence/:evidenceId/attachments/:attachmentId': signedIn(404),
  // External assessors have no account: their link's session (a cookie of its own) admits them.
  'POST /api/assessment-tickets/redemption': everyone(400),
  'GET /api/external-assessment': everyone(401),
  'PUT /api/external-assessment/judgement': everyone(401),
  'POST /api/external-assessment/return': everyone(401),
  'POST /api/external-assessment/sign-off': everyone(401),
  'GET /api/external-assessment/evidence/:evidenceId/attachments/:attachmentId': everyone(401),
  'GET /api/todo': signedIn(200),
  'GET /api/supervision': only(['supervisor'], 200),
  'GET /api/admin/outbox': only(['admin'], 200),
  'POST /api/admin/case-imports': only(['admin'], 400),
  // mlcf 2010 follows no earlier version: an administrator is told so.
  'POST /api/admin/frameworks/:key/versions/:version/carry-over': only(['admin'], 400),
  'GET /api/cohort': only(['deanery_admin'], 200),
  'GET /api/cohort/export': only(['deanery_admin'], 200),
  'GET /api/trainees/:id/reviews': only(['trainee', 'supervisor', 'deanery_admin', 'admin'], 404),
  'POST /api/trainees/:id/reviews': only(['deanery_admin'], 400),
  'GET /api/reviews/:id': only(['trainee', 'supervisor', 'deanery_admin', 'admin'], 404),
  'PATCH /api/reviews/:id': only(['deanery_admin'], 400),
  'POST /api/reviews/:id/finalisation': only(['deanery_admin'], 400),
  'POST /api/reviews/:id/corrections': only(['deanery_admin'], 400),
  'GET /api/trainees/:id/reports': only(['deanery_admin'], 404),
  'POST /api/trainees/:id/reports': only(['deanery_admin'], 400),
  'GET /api/reports/:id/pdf': only(['deanery_admin'], 404),
  // Anyone holding a printed report may check it, without an account (rate-limited).
  'GET /api/reports/verify/:code': everyone(200),
  'POST /api/reports/verification': everyone(400),
  'POST /api/report-batches': only(['deanery_admin'], 400),
  'GET /api/report-batches/:id': only(['deanery_admin'], 404),
  'GET /api/report-batches/:id/zip': only(['deanery_admin'], 404),
  // The trainee's own, or a trainee of the deanery administrator's deanery (with a reason).
  'GET /api/trainees/:id/portfolio.zip': only(['trainee', 'deanery_admin'], 404),
};

// Well-formed ids of records that do not exist: an allowed caller gets past the guard to a 404 or a 400.
const pathParameters: Record<string, string> = {
  key: 'mlcf',
  version: '2010',
  id: '00000000-0000-4000-8000-000000000000',
  deaneryId: '00000000-0000-4000-8000-000000000000',
  attachmentId: '00000000-0000-4000-8000-000000000000',
  evidenceId: '00000000-0000-4000-8000-000000000000',
  code: 'ZZZZ-ZZZZ-ZZZZ',
  signOffId: '00000000-0000-4000-8000-000000000000',
};

function registeredRoutes(testApp: TestApp): string[] {
  return testApp.routes.filter((route) => {
    const path = route.split(' ')[1] ?? '';
    return path.startsWith('/api/') && !path.startsWith('/api/docs');
  });
}

describe('access matrix: every route, every role', () => {
  let testApp: TestApp;
  const emails = new Map<Role, string>();

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    for (const role of roles) {
      emails.set(role, (await createUser(testApp.dataSource, [role])).email);
    }
  });

  afterAll(() => testApp.close());

  it('has an entry for every registered route, and no entry for a route that does not exist', () => {
    const routes = registeredRoutes(testApp).sort();
    expect(routes).toEqual(Object.keys(accessMatrix).sort());
  });

  it.each(Object.entries(accessMatrix))('%s answers each caller as expected', async (route, expected) => {
    const [method = 'GET', pattern = ''] = route.split(' ');
    type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
    const path = pattern.replace(/:(\w+)/g, (_match, name: string) => pathParameters[name] ?? 'unknown');
    const outcomes: Record<string, number> = {};
    for (const caller of ['anonymous', ...roles] as Caller[]) {
      // A fresh session each time: some routes (sign-out, password change) end it.
      const client = caller === 'anonymous' ? null : await signIn(testApp.app, emails.get(caller) ?? '');
      const agent = client?.agent ?? request(testApp.app.getHttpServer());
      const call = agent[method.toLowerCase() as Verb](path);
      const response = await (client ? call.set(CSRF_HEADER, client.csrfToken) : call).send();
      outcomes[caller] = response.status;
    }
    expect(outcomes).toEqual(expected);
  });
});
