import { randomUUID } from 'node:crypto';
import request from 'supertest';

import {
  type AssessmentView,
  CSRF_HEADER,
  type EvidenceView,
  type ExternalAssessmentSession,
  type OutboxPage,
  type ProgressView,
  type SupervisorDashboard,
  type TodoList,
} from '@portfolio/contracts';

import { businessPlanAnswers, businessPlanRatings, businessPlanTemplate } from '../../test/business-plan';
import {
  type SignedInClient,
  type TestUser,
  addTrainingRecord,
  assignSupervisor,
  cookieValue,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { AssessmentReminders } from './assessment-reminders';
import { TICKET_SESSION_COOKIE } from './ticket-session.guard';

const plan = businessPlanTemplate;

function fullPlan(title = 'Fewer missed doses on ward 7'): Record<string, Record<string, string>> {
  return businessPlanAnswers({ title, setting: 'Ward 7, acute medicine' });
}

function fullJudgement(overallJudgement = 'satisfactory') {
  return {
    ratings: businessPlanRatings(),
    overallJudgement,
    feedback: 'A clear, well-argued plan.',
  };
}

describe('assessments on PostgreSQL', () => {
  let testApp: TestApp;
  let trainee: TestUser;
  let traineeClient: SignedInClient;
  let supervisorUser: TestUser;
  let supervisor: SignedInClient;
  let assessorUser: TestUser;
  let assessor: SignedInClient;
  let otherTrainee: SignedInClient;
  let admin: SignedInClient;

  const write = (client: SignedInClient, method: 'post' | 'patch' | 'put', path: string, body: object) =>
    client.agent[method](path).set(CSRF_HEADER, client.csrfToken).send(body);

  async function startPlan(answers: object = fullPlan()): Promise<AssessmentView> {
    return (await write(traineeClient, 'post', '/api/assessments', { templateKey: plan, answers }).expect(201))
      .body as AssessmentView;
  }

  async function sendTo(assessment: AssessmentView, assessorChoice: object): Promise<AssessmentView> {
    return (
      await write(traineeClient, 'post', `/api/assessments/${assessment.id}/send`, {
        assessor: assessorChoice,
        version: assessment.version,
      }).expect(200)
    ).body as AssessmentView;
  }

  async function latestOutboxTo(email: string) {
    const page = (await admin.agent.get('/api/admin/outbox').expect(200)).body as OutboxPage;
    return page.items.find((message) => message.to === email);
  }

  function tokenFrom(text: string): string {
    const match = /\/ticket#([A-Za-z0-9_-]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no ticket link in: ${text}`);
    return match[1];
  }

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const programme = await createProgramme(dataSource, await createDeanery(dataSource));
    trainee = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, trainee.id, programme, { stageKey: 'postgraduate' });
    supervisorUser = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisorUser.id);
    assessorUser = await createUser(dataSource, ['assessor']);
    traineeClient = await signIn(testApp.app, trainee.email);
    supervisor = await signIn(testApp.app, supervisorUser.email);
    assessor = await signIn(testApp.app, assessorUser.email);
    const other = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, other.id, programme);
    otherTrainee = await signIn(testApp.app, other.email);
    admin = await signIn(testApp.app, (await createUser(dataSource, ['admin'])).email);
  });

  afterAll(() => testApp.close());

  it('serves the shipped templates with their criteria mapped to elements', async () => {
    const list = (await traineeClient.agent.get('/api/assessment-templates').expect(200)).body as { key: string }[];
    expect(list.map((template) => template.key)).toEqual([
      'leadership-case-based-discussion',
      plan,
      'supervisor-placement-review',
    ]);
    const template = (await traineeClient.agent.get(`/api/assessment-templates/${plan}`).expect(200)).body as {
      criteria: { id: string; elementKeys: string[] }[];
    };
    expect(template.criteria.find((criterion) => criterion.id === 'resources')?.elementKeys).toEqual(['3.2']);
    await traineeClient.agent.get('/api/assessment-templates/no-such-form').expect(404);
  });

  it('runs request → return → revise → sign-off, keeping every round, and locks what was signed', async () => {
    const draft = await startPlan({ project: { title: 'Fewer missed doses on ward 7' } });
    expect(draft).toMatchObject({ status: 'draft', title: 'Fewer missed doses on ward 7' });
    expect(draft.work).toMatchObject({ type: 'service-improvement-project', status: 'draft' });
    expect(draft.work?.links.map((link) => link.elementKey)).toEqual(expect.arrayContaining(['3.2', '4.2', '5.1']));

    // An unfinished plan cannot be sent: each missing field is named.
    const incomplete = await write(traineeClient, 'post', `/api/assessments/${draft.id}/send`, {
      assessor: { kind: 'supervisor' },
      version: draft.version,
    }).expect(400);
    expect(incomplete.body.errors).toContainEqual({
      field: 'answers.problem.text',
      message: "Fill in 'Problem statement and context'",
    });

    const filled = (
      await write(traineeClient, 'patch', `/api/assessments/${draft.id}`, {
        answers: fullPlan(),
        version: draft.version,
      }).expect(200)
    ).body as AssessmentView;
    expect(filled.work?.body).toContain('## Resources, costs and savings');
    // A stale version is a conflict, never an overwrite.
    const stale = await write(traineeClient, 'patch', `/api/assessments/${draft.id}`, {
      answers: fullPlan('Something else'),
      version: draft.version,
    }).expect(409);
    expect(stale.body.current.version).toBe(filled.version);

    const sent = await sendTo(filled, { kind: 'supervisor' });
    expect(sent).toMatchObject({ status: 'requested', assessor: { kind: 'supervisor', userId: supervisorUser.id } });
    expect(sent.work?.status).toBe('submitted');
    expect((await latestOutboxTo(supervisorUser.email))?.text).toContain(`/assessments/${draft.id}`);

    // The trainee cannot change the work while it is with the assessor, nor in the evidence log.
    await write(traineeClient, 'patch', `/api/assessments/${draft.id}`, {
      answers: fullPlan(),
      version: sent.version,
    }).expect(409);
    const viaEvidence = await write(traineeClient, 'patch', `/api/evidence/${sent.work?.id}`, {
      title: 'Changed behind the assessment',
      version: sent.work?.version,
    }).expect(409);
    expect(viaEvidence.body.message).toContain('work of an assessment');

    // The supervisor saves a draft judgement, which the trainee cannot see yet.
    const saved = (
      await write(supervisor, 'put', `/api/assessments/${draft.id}/judgement`, {
        ratings: { resources: 'below' },
        overallJudgement: null,
        feedback: '',
        version: sent.version,
      }).expect(200)
    ).body as AssessmentView;
    expect(saved).toMatchObject({ status: 'in-progress', actions: { assess: true } });
    const traineeSees = (await traineeClient.agent.get(`/api/assessments/${draft.id}`).expect(200))
      .body as AssessmentView;
    expect(traineeSees.judgement).toBeNull();

    const offScale = await write(supervisor, 'put', `/api/assessments/${draft.id}/judgement`, {
      ratings: { resources: 'superb' },
      overallJudgement: null,
      feedback: '',
      version: saved.version,
    }).expect(400);
    expect(offScale.body.errors).toEqual([
      { field: 'ratings.resources', message: 'must be one of: below, meets, above' },
    ]);

    const returned = (
      await write(supervisor, 'post', `/api/assessments/${draft.id}/return`, {
        ...saved.judgement,
        comments: 'Cost the extra pharmacist time.',
        version: saved.version,
      }).expect(200)
    ).body as AssessmentView;
    expect(returned.status).toBe('returned');
    expect((await latestOutboxTo(trainee.email))?.subject).toBe('Returned for revision: Fewer missed doses on ward 7');
    const todo = (await traineeClient.agent.get('/api/todo').expect(200)).body as TodoList;
    expect(todo.returned.map((item) => item.id)).toContain(draft.id);

    const revised = (
      await write(traineeClient, 'patch', `/api/assessments/${draft.id}`, {
        answers: { ...fullPlan(), resources: { text: 'One pharmacist for 4 hours a week: £6,000 a year.' } },
        version: returned.version,
      }).expect(200)
    ).body as AssessmentView;
    const resent = await sendTo(revised, { kind: 'supervisor' });
    // Sent back to the same supervisor, whose earlier ratings are kept as a start.
    expect(resent.status).toBe('requested');

    const supervisorView = (await supervisor.agent.get(`/api/assessments/${draft.id}`).expect(200))
      .body as AssessmentView;
    expect(supervisorView.judgement?.ratings).toEqual({ resources: 'below' });

    const incompleteSignOff = await write(supervisor, 'post', `/api/assessments/${draft.id}/sign-off`, {
      ratings: { resources: 'meets' },
      overallJudgement: 'satisfactory',
      feedback: '',
      version: resent.version,
    }).expect(400);
    expect(incompleteSignOff.body.errors).toContainEqual({
      field: 'feedback',
      message: "Write 'Feedback for the trainee'",
    });

    const signed = await supervisor.agent
      .post(`/api/assessments/${draft.id}/sign-off`)
      .set(CSRF_HEADER, supervisor.csrfToken)
      .set('Idempotency-Key', 'sign-plan-once')
      .send({ ...fullJudgement(), version: resent.version })
      .expect(201);
    const signedView = signed.body as AssessmentView;
    expect(signedView.status).toBe('signed-off');
    expect(signedView.signature?.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(signedView.signature?.signedBy).toBe('Test supervisor');
    expect(signedView.rounds.map((round) => round.decision)).toEqual(['returned', 'signed-off']);
    expect(signedView.rounds[0]?.comments).toBe('Cost the extra pharmacist time.');
    expect(signedView.rounds[1]?.answers['resources']).toEqual({
      text: 'One pharmacist for 4 hours a week: £6,000 a year.',
    });
    expect(signedView.work?.status).toBe('locked');

    // The signed record cannot change through the API …
    const again = await write(supervisor, 'put', `/api/assessments/${draft.id}/judgement`, {
      ...fullJudgement('excellent'),
      version: signedView.version,
    }).expect(409);
    expect(again.body.message).toContain('signed off');
    // … and the hash covers what was signed.
    const [stored] = (await testApp.dataSource.query(
      `SELECT signed_content, signed_content_sha256 FROM assessment WHERE id = $1`,
      [draft.id],
    )) as { signed_content: { judgement: { feedback: string } }; signed_content_sha256: string }[];
    expect(stored?.signed_content.judgement.feedback).toBe('A clear, well-argued plan.');

    // Coverage counts the signed assessment against the elements its criteria evidence.
    const progress = (await traineeClient.agent.get(`/api/trainees/${trainee.id}/progress`).expect(200))
      .body as ProgressView;
    expect(progress.elements.find((element) => element.key === '3.2')).toMatchObject({
      assessmentCount: 1,
      status: 'assessed',
    });

    // The supervisor signs off element 3.2 on the strength of the signed assessment.
    const elementSignOff = await write(supervisor, 'post', `/api/trainees/${trainee.id}/sign-offs`, {
      elementKey: '3.2',
      assessmentIds: [draft.id],
    }).expect(201);
    expect(elementSignOff.body).toMatchObject({ assessmentIds: [draft.id], evidenceIds: [] });
    await write(supervisor, 'post', `/api/trainees/${trainee.id}/sign-offs`, {
      elementKey: '3.3',
      // An assessment that does not exist (the last digit changed could have been a 0 already).
      assessmentIds: [randomUUID()],
    }).expect(400);
    const after = (await traineeClient.agent.get(`/api/trainees/${trainee.id}/progress`).expect(200))
      .body as ProgressView;
    expect(after.elements.find((element) => element.key === '3.2')?.status).toBe('signed-off');

    const dashboard = (await supervisor.agent.get('/api/supervision').expect(200)).body as SupervisorDashboard;
    expect(dashboard.trainees).toHaveLength(1);
    expect(dashboard.trainees[0]?.totals['signed-off']).toBe(1);
    expect(dashboard.recentSignOffs.map((signOff) => signOff.kind).sort()).toEqual(['assessment', 'element']);
  });

  it('signs once when the sign-off is retried, and the database refuses to change a signed row', async () => {
    const sent = await sendTo(await startPlan(), { kind: 'supervisor' });
    const signOff = (key: string) =>
      supervisor.agent
        .post(`/api/assessments/${sent.id}/sign-off`)
        .set(CSRF_HEADER, supervisor.csrfToken)
        .set('Idempotency-Key', key)
        .send({ ...fullJudgement(), version: sent.version });
    const [first, second] = await Promise.all([signOff('double-click'), signOff('double-click')]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.signature).toEqual(second.body.signature);
    await signOff('another-key').expect(409);
    const [{ count }] = (await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM assessment_round WHERE assessment_id = $1 AND decision = 'signed-off'`,
      [sent.id],
    )) as { count: number }[];
    expect(count).toBe(1);

    await expect(
      testApp.dataSource.query(`UPDATE assessment SET title = 'Rewritten' WHERE id = $1`, [sent.id]),
    ).rejects.toThrow(/signed off and cannot change/);
    await expect(testApp.dataSource.query(`DELETE FROM assessment WHERE id = $1`, [sent.id])).rejects.toThrow(
      /signed off and cannot change/,
    );
    await expect(
      testApp.dataSource.query(`UPDATE assessment_round SET comments = 'x' WHERE assessment_id = $1`, [sent.id]),
    ).rejects.toThrow(/decided and cannot change/);
    await expect(
      testApp.dataSource.query(`UPDATE evidence_item SET title = 'x' WHERE id = $1`, [sent.work?.id]),
    ).rejects.toThrow(/locked/);
  });

  it('corrects a signed assessment as a new version that amends it; both stay visible', async () => {
    const sent = await sendTo(await startPlan(), { kind: 'supervisor' });
    const signed = (
      await write(supervisor, 'post', `/api/assessments/${sent.id}/sign-off`, {
        ...fullJudgement(),
        version: sent.version,
      }).expect(201)
    ).body as AssessmentView;
    expect(signed.actions.correct).toBe(true);
    await write(assessor, 'post', `/api/assessments/${sent.id}/corrections`, { reason: 'Not mine' }).expect(404);
    await write(supervisor, 'post', `/api/assessments/${sent.id}/corrections`, { reason: '' }).expect(400);
    const correction = (
      await write(supervisor, 'post', `/api/assessments/${sent.id}/corrections`, {
        reason: 'The overall judgement should have been excellent.',
      }).expect(201)
    ).body as AssessmentView;
    expect(correction).toMatchObject({
      status: 'in-progress',
      amends: { id: sent.id, reason: 'The overall judgement should have been excellent.' },
    });
    await write(supervisor, 'post', `/api/assessments/${sent.id}/corrections`, { reason: 'Twice' }).expect(409);
    const resigned = (
      await write(supervisor, 'post', `/api/assessments/${correction.id}/sign-off`, {
        ...fullJudgement('excellent'),
        version: correction.version,
      }).expect(201)
    ).body as AssessmentView;
    expect(resigned.signature?.contentSha256).not.toBe(signed.signature?.contentSha256);
    const original = (await traineeClient.agent.get(`/api/assessments/${sent.id}`).expect(200)).body as AssessmentView;
    expect(original).toMatchObject({
      status: 'signed-off',
      amendedBy: correction.id,
      judgement: { overallJudgement: 'satisfactory' },
    });
  });

  it('lets an external assessor in once by a link that expires, can be revoked, and opens only that assessment', async () => {
    const email = 'ward.manager@trust.example';
    const sent = await sendTo(await startPlan(), {
      kind: 'external',
      email: 'Ward.Manager@trust.example',
      name: 'Pat Lee',
    });
    expect(sent).toMatchObject({ status: 'requested', assessor: { kind: 'external', email }, ticket: { email } });
    const message = await latestOutboxTo(email);
    const token = tokenFrom(message?.text ?? '');

    const server = testApp.app.getHttpServer();
    const opened = await request(server).post('/api/assessment-tickets/redemption').send({ token }).expect(200);
    const session = opened.body as ExternalAssessmentSession;
    expect(session.assessment).toMatchObject({ id: sent.id, actions: { assess: true }, ticket: null });
    const cookie = `${TICKET_SESSION_COOKIE}=${cookieValue(opened.headers['set-cookie'] as unknown as string[], TICKET_SESSION_COOKIE)}`;

    // The same link is refused the second time.
    const reused = await request(server).post('/api/assessment-tickets/redemption').send({ token }).expect(410);
    expect(reused.body.message).toContain('already been used');
    await request(server)
      .post('/api/assessment-tickets/redemption')
      .send({ token: 'x'.repeat(43) })
      .expect(404);

    // The session reaches this assessment only, and writes need its CSRF token.
    await request(server).get('/api/external-assessment').set('Cookie', cookie).expect(200);
    await request(server).get(`/api/assessments/${sent.id}`).set('Cookie', cookie).expect(401);
    await request(server)
      .put('/api/external-assessment/judgement')
      .set('Cookie', cookie)
      .send({ ...fullJudgement(), version: sent.version })
      .expect(403);
    const signed = await request(server)
      .post('/api/external-assessment/sign-off')
      .set('Cookie', cookie)
      .set(CSRF_HEADER, session.csrfToken)
      .set('Idempotency-Key', 'external-1')
      .send({ ...fullJudgement(), version: session.assessment.version })
      .expect(201);
    expect(signed.body.signature).toMatchObject({ signedBy: 'Pat Lee', signerKind: 'external' });
    // Signing ends the session.
    await request(server).get('/api/external-assessment').set('Cookie', cookie).expect(401);

    // Every step is in the audit log.
    const audited = (await testApp.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'assessment' AND entity_id = $1 ORDER BY id`,
      [sent.id],
    )) as { action: string }[];
    expect(audited.map((event) => event.action)).toEqual([
      'assessment.created',
      'assessment.sent',
      'assessment.link-opened',
      'assessment.signed-off',
    ]);
  });

  it('refuses a revoked or expired link, and a revoked request goes back to draft', async () => {
    const email = 'someone@trust.example';
    const sent = await sendTo(await startPlan(), { kind: 'external', email, name: 'Sam Roe' });
    const token = tokenFrom((await latestOutboxTo(email))?.text ?? '');
    const revoked = (
      await write(traineeClient, 'post', `/api/assessments/${sent.id}/ticket/revocation`, {}).expect(200)
    ).body as AssessmentView;
    expect(revoked).toMatchObject({ status: 'draft', assessor: null });
    expect(revoked.rounds.at(-1)?.decision).toBe('withdrawn');
    const server = testApp.app.getHttpServer();
    const refused = await request(server).post('/api/assessment-tickets/redemption').send({ token }).expect(410);
    expect(refused.body.message).toContain('withdrawn');
    await write(traineeClient, 'post', `/api/assessments/${sent.id}/ticket/revocation`, {}).expect(409);

    const resent = await sendTo(revoked, { kind: 'external', email, name: 'Sam Roe' });
    const newToken = tokenFrom((await latestOutboxTo(email))?.text ?? '');
    expect(newToken).not.toBe(token);
    await testApp.dataSource.query(
      `UPDATE assessment_ticket SET expires_at = now() - interval '1 minute' WHERE assessment_id = $1 AND revoked_at IS NULL`,
      [resent.id],
    );
    const expired = await request(server)
      .post('/api/assessment-tickets/redemption')
      .send({ token: newToken })
      .expect(410);
    expect(expired.body.message).toContain('expired');
  });

  it('shows an assessor only what they were asked to assess', async () => {
    const sent = await sendTo(await startPlan(), { kind: 'assessor', userId: assessorUser.id });
    const seen = (await assessor.agent.get(`/api/assessments/${sent.id}`).expect(200)).body as AssessmentView;
    expect(seen.actions.assess).toBe(true);
    expect(seen.work?.title).toBe('Fewer missed doses on ward 7');
    // Nothing else of the trainee's: not their evidence log, not their other assessments, not their progress.
    await assessor.agent.get(`/api/evidence/${sent.work?.id}`).expect(404);
    await assessor.agent.get(`/api/trainees/${trainee.id}/progress`).expect(404);
    const theirs = (await assessor.agent.get('/api/assessments?scope=to-assess').expect(200)).body as {
      items: { id: string }[];
    };
    expect(theirs.items.map((item) => item.id)).toEqual([sent.id]);
    // The trainee's supervisor lists the trainee's assessments; the assessor of one sees only that one.
    const ofTrainee = (await supervisor.agent.get(`/api/assessments?scope=trainee&traineeId=${trainee.id}`).expect(200))
      .body as { items: { id: string }[] };
    expect(ofTrainee.items.map((item) => item.id)).toContain(sent.id);
    const assessorView = (
      await assessor.agent.get(`/api/assessments?scope=trainee&traineeId=${trainee.id}`).expect(200)
    ).body as { items: { id: string }[] };
    expect(assessorView.items.map((item) => item.id)).toEqual([sent.id]);
    await assessor.agent.get('/api/assessments?scope=trainee').expect(400);
    // Another trainee sees none of it; the supervisor assigned to someone else neither.
    await otherTrainee.agent.get(`/api/assessments/${sent.id}`).expect(404);
    await write(otherTrainee, 'patch', `/api/assessments/${sent.id}`, { answers: {}, version: 1 }).expect(404);
    // Only the chosen assessor may assess.
    await write(supervisor, 'put', `/api/assessments/${sent.id}/judgement`, {
      ...fullJudgement(),
      version: sent.version,
    }).expect(404);

    const todo = (await assessor.agent.get('/api/todo').expect(200)).body as TodoList;
    expect(todo.toAssess.map((item) => item.id)).toContain(sent.id);
  });

  it('checks what the trainee sends: the assessor, the template, the answers and the evidence', async () => {
    await write(traineeClient, 'post', '/api/assessments', { templateKey: 'no-such-form', answers: {} }).expect(400);
    const bad = await write(traineeClient, 'post', '/api/assessments', {
      templateKey: plan,
      answers: { project: { title: 7 }, colour: {} },
    }).expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'answers.colour',
      'answers.project.title',
    ]);
    const someoneElses = (
      await write(otherTrainee, 'post', '/api/evidence', {
        type: 'reflection',
        title: 'Mine',
        occurredOn: '2026-10-01',
      }).expect(201)
    ).body as EvidenceView;
    await write(traineeClient, 'post', '/api/assessments', {
      templateKey: plan,
      answers: {},
      evidenceIds: [someoneElses.id],
    }).expect(400);
    const draft = await startPlan();
    const send = (assessorChoice: object) =>
      write(traineeClient, 'post', `/api/assessments/${draft.id}/send`, {
        assessor: assessorChoice,
        version: draft.version,
      });
    expect((await send({ kind: 'external', email: 'not-an-email', name: 'X' }).expect(400)).body.errors[0].field).toBe(
      'assessor.email',
    );
    await send({ kind: 'assessor', userId: trainee.id }).expect(400);
    await send({ kind: 'colleague' }).expect(400);
    const review = (
      await write(traineeClient, 'post', '/api/assessments', {
        templateKey: 'supervisor-placement-review',
        answers: { 'self-assessment': { progress: 'Good', next: 'More' } },
      }).expect(201)
    ).body as AssessmentView;
    const external = await write(traineeClient, 'post', `/api/assessments/${review.id}/send`, {
      assessor: { kind: 'external', email: 'a@b.example', name: 'A' },
      version: review.version,
    }).expect(400);
    expect(external.body.errors[0]).toMatchObject({ field: 'assessor.kind' });
    expect(review.work).toBeNull();
  });

  it('queues one reminder for a request that has waited a week', async () => {
    const sent = await sendTo(await startPlan(fullPlan('Waiting a while')), {
      kind: 'assessor',
      userId: assessorUser.id,
    });
    await testApp.dataSource.query(`UPDATE assessment SET requested_at = now() - interval '8 days' WHERE id = $1`, [
      sent.id,
    ]);
    const reminders = testApp.app.get(AssessmentReminders);
    expect(await reminders.queueDueReminders()).toBeGreaterThanOrEqual(1);
    expect(await reminders.queueDueReminders()).toBe(0);
    const reminder = await latestOutboxTo(assessorUser.email);
    expect(reminder?.subject).toContain('Reminder');
    expect(reminder?.text).toContain('8 days ago');
    const todo = (await assessor.agent.get('/api/todo').expect(200)).body as TodoList;
    expect(todo.toAssess.find((item) => item.id === sent.id)?.waitingDays).toBe(8);
  });
});
