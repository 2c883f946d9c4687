import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';

import { CSRF_HEADER, type Permission, type Role, hasPermission, roles } from '@portfolio/contracts';

import { TICKET_SESSION_COOKIE } from '../../src/assessments/ticket-session.guard';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../../src/auth/access.decorators';
import { businessPlanAnswers, businessPlanTemplate } from '../business-plan';
import {
  type SignedInClient,
  addTrainingRecord,
  assignSupervisor,
  cookieValue,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
} from '../factories';
import type { TestApp } from '../test-app';
import type { Operation } from './openapi-document';

export type CallerName = Role | 'anonymous' | 'ticket';

/** Who sends a request: the cookies and CSRF token it carries. */
export interface Caller {
  name: CallerName;
  cookie: string | null;
  csrfToken: string | null;
  email: string | null;
}

interface WorldIds {
  traineeId: string;
  spareUserId: string;
  deaneryId: string;
  draftEvidenceId: string;
  submittedEvidenceId: string;
  draftAssessmentId: string;
  sentAssessmentId: string;
  signOffId: string;
  reviewId: string;
  reportId: string;
  verificationCode: string;
  batchId: string;
}

export const period = '2026-27';
const unknownId = '00000000-0000-4000-8000-0000000000a1';

/**
 * Records of every kind, owned by one trainee and seen by their supervisor and deanery, so that
 * plausible path parameters reach the services rather than stopping at "not found".
 */
export class FuzzWorld {
  private constructor(
    private readonly app: INestApplication,
    readonly callers: Map<CallerName, Caller>,
    readonly ids: WorldIds,
  ) {}

  static async create(testApp: TestApp): Promise<FuzzWorld> {
    const { dataSource, app } = testApp;
    const deaneryId = await createDeanery(dataSource);
    const programmeId = await createProgramme(dataSource, deaneryId);
    const trainee = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, trainee.id, programmeId);
    const supervisor = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisor.id);
    const assessor = await createUser(dataSource, ['assessor']);
    const deaneryAdmin = await createUser(dataSource, ['deanery_admin'], { deaneryId });
    const admin = await createUser(dataSource, ['admin']);
    const spare = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, spare.id, programmeId);

    const users: [Role, string][] = [
      ['trainee', trainee.email],
      ['supervisor', supervisor.email],
      ['assessor', assessor.email],
      ['deanery_admin', deaneryAdmin.email],
      ['admin', admin.email],
    ];
    const clients = new Map<Role, SignedInClient>();
    const callers = new Map<CallerName, Caller>([
      ['anonymous', { name: 'anonymous', cookie: null, csrfToken: null, email: null }],
    ]);
    for (const [role, email] of users) {
      const client = await signIn(app, email);
      clients.set(role, client);
      callers.set(role, callerOf(role, email, client));
    }
    const as = (role: Role) => {
      const client = clients.get(role);
      if (!client) throw new Error(`no ${role} signed in`);
      return client;
    };
    const write = async (role: Role, method: 'post' | 'patch', path: string, body: object, status: number) => {
      const response = await as(role).agent[method](path).set(CSRF_HEADER, as(role).csrfToken).send(body);
      if (response.status !== status) {
        throw new Error(`Setting up: ${method.toUpperCase()} ${path} answered ${response.status} ${response.text}`);
      }
      return response.body as { id: string; version: number; verificationCode?: string };
    };

    const evidence = {
      type: 'reflection',
      title: 'A ward round I led',
      occurredOn: '2026-11-20',
      body: 'It went well.',
    };
    const draftEvidence = await write('trainee', 'post', '/api/evidence', evidence, 201);
    const shared = await write('trainee', 'post', '/api/evidence', { ...evidence, visibility: 'panel' }, 201);
    await write(
      'trainee',
      'patch',
      `/api/evidence/${shared.id}`,
      { version: shared.version, status: 'submitted' },
      200,
    );

    const answers = businessPlanAnswers({ title: 'Fewer missed doses', setting: 'Ward 7' });
    const draftAssessment = await write(
      'trainee',
      'post',
      '/api/assessments',
      { templateKey: businessPlanTemplate, answers },
      201,
    );
    const toSend = await write(
      'trainee',
      'post',
      '/api/assessments',
      { templateKey: businessPlanTemplate, answers },
      201,
    );
    await write(
      'trainee',
      'post',
      `/api/assessments/${toSend.id}/send`,
      {
        assessor: { kind: 'supervisor' },
        version: toSend.version,
      },
      200,
    );
    const toExternal = await write(
      'trainee',
      'post',
      '/api/assessments',
      { templateKey: businessPlanTemplate, answers },
      201,
    );
    const externalEmail = 'external.assessor@trust.example';
    await write(
      'trainee',
      'post',
      `/api/assessments/${toExternal.id}/send`,
      {
        assessor: { kind: 'external', email: externalEmail, name: 'Pat Lee' },
        version: toExternal.version,
      },
      200,
    );

    const signOff = await write(
      'supervisor',
      'post',
      `/api/trainees/${trainee.id}/sign-offs`,
      {
        elementKey: '1.1',
        evidenceIds: [shared.id],
      },
      201,
    );
    const review = await write(
      'deanery_admin',
      'post',
      `/api/trainees/${trainee.id}/reviews`,
      {
        period,
        reviewDate: '2027-06-10',
        panelMembers: ['Dr A Chair'],
        evidenceIds: [],
        assessmentIds: [],
        outcomeCode: '1',
        reasons: 'Good progress.',
        requiredActions: 'None.',
      },
      201,
    );
    const report = await write('deanery_admin', 'post', `/api/trainees/${trainee.id}/reports`, { period }, 201);
    const batch = await write('deanery_admin', 'post', '/api/report-batches', { period }, 202);

    callers.set('ticket', await openTicketSession(app, as('admin'), externalEmail));
    return new FuzzWorld(app, callers, {
      traineeId: trainee.id,
      spareUserId: spare.id,
      deaneryId,
      draftEvidenceId: draftEvidence.id,
      submittedEvidenceId: shared.id,
      draftAssessmentId: draftAssessment.id,
      sentAssessmentId: toSend.id,
      signOffId: signOff.id,
      reviewId: review.id,
      reportId: report.id,
      verificationCode: report.verificationCode ?? 'ZZZZ-ZZZZ-ZZZZ',
      batchId: batch.id,
    });
  }

  /** Signs the caller in again if its session has ended (a sign-out or a password change among the cases). */
  async keepSignedIn(caller: Caller): Promise<void> {
    if (!caller.email || !caller.cookie) return;
    const me = await request(this.app.getHttpServer()).get('/api/auth/me').set('Cookie', caller.cookie);
    if (me.status === 401) {
      Object.assign(caller, callerOf(caller.name as Role, caller.email, await signIn(this.app, caller.email)));
    }
  }

  /** A value for a path parameter that names a real record the caller may well see. */
  plausiblePathValue(path: string, name: string, caller: CallerName): string {
    const ids = this.ids;
    const byName: Record<string, string> = {
      key: path.startsWith('/api/assessment-templates') ? businessPlanTemplate : 'mlcf',
      version: '2010',
      code: ids.verificationCode,
      deaneryId: ids.deaneryId,
      evidenceId: ids.submittedEvidenceId,
      attachmentId: unknownId,
      signOffId: ids.signOffId,
      sourcedId: unknownId,
    };
    if (name !== 'id') return byName[name] ?? unknownId;
    const byPrefix: [string, string][] = [
      ['/api/evidence/', caller === 'trainee' ? ids.draftEvidenceId : ids.submittedEvidenceId],
      ['/api/assessments/', caller === 'trainee' ? ids.draftAssessmentId : ids.sentAssessmentId],
      ['/api/trainees/', ids.traineeId],
      ['/api/admin/users/', ids.spareUserId],
      ['/api/reviews/', ids.reviewId],
      ['/api/reports/', ids.reportId],
      ['/api/report-batches/', ids.batchId],
    ];
    return byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1] ?? unknownId;
  }
}

function callerOf(role: Role, email: string, client: SignedInClient): Caller {
  return { name: role, cookie: client.sessionCookie.split(';')[0] ?? null, csrfToken: client.csrfToken, email };
}

async function openTicketSession(app: INestApplication, admin: SignedInClient, email: string): Promise<Caller> {
  const outbox = (await admin.agent.get('/api/admin/outbox').expect(200)).body as {
    items: { to: string; text: string }[];
  };
  const token = /\/ticket#([A-Za-z0-9_-]+)/.exec(outbox.items.find((message) => message.to === email)?.text ?? '')?.[1];
  if (!token) throw new Error('Setting up: no assessment link was sent');
  const opened = await request(app.getHttpServer())
    .post('/api/assessment-tickets/redemption')
    .send({ token })
    .expect(200);
  const cookie = cookieValue(([] as string[]).concat(opened.headers['set-cookie'] ?? []), TICKET_SESSION_COOKIE);
  const csrfToken = (opened.body as { csrfToken: string }).csrfToken;
  return { name: 'ticket', cookie: `${TICKET_SESSION_COOKIE}=${cookie}`, csrfToken, email: null };
}

const rolePreference: readonly Role[] = ['trainee', 'supervisor', 'assessor', 'deanery_admin', 'admin'];

/**
 * Who should send an operation's hostile input: someone its guard lets through, so that the input
 * reaches validation and the service. Read from the same route metadata the access guard reads.
 */
export function callerFor(app: INestApplication, operation: Operation): CallerName {
  const access = routeAccess(app).get(operation.operationId);
  if (!access) throw new Error(`No controller method answers operation ${operation.operationId}`);
  if (access.isPublic) return operation.path.startsWith('/api/external-assessment') ? 'ticket' : 'anonymous';
  const permission = access.permission;
  // Routes admitted by something other than a permission (a sign-in's second step) meet an anonymous caller.
  return (permission && rolePreference.find((candidate) => hasPermission([candidate], permission))) || 'anonymous';
}

let accessCache: Map<string, { isPublic: boolean; permission: Permission | undefined }> | null = null;

function routeAccess(app: INestApplication): Map<string, { isPublic: boolean; permission: Permission | undefined }> {
  if (accessCache) return accessCache;
  accessCache = new Map();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const read = <T>(key: string) =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        accessCache.set(`${controller.name}_${method}`, {
          isPublic: read<boolean>(IS_PUBLIC) ?? false,
          permission: read<Permission>(REQUIRED_PERMISSION),
        });
      }
    }
  }
  return accessCache;
}

export const everyCaller: readonly CallerName[] = ['anonymous', 'ticket', ...roles];
