import { CSRF_HEADER, type CarryOverReportView, type EvidenceView, type ProgressView } from '@portfolio/contracts';

import {
  type SignedInClient,
  type TestUser,
  addTrainingRecord,
  assignSupervisor,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
} from '../../test/factories';
import { teamworkVersion1 as version1, teamworkVersion2 as version2 } from '../../test/teamwork-versions';
import { type TestApp, createTestApp } from '../../test/test-app';
import { FrameworkImporter } from './framework-importer';

describe('carrying evidence and sign-offs over to a new framework version', () => {
  let testApp: TestApp;
  let trainee: TestUser;
  let traineeClient: SignedInClient;
  let admin: SignedInClient;
  let evidence: EvidenceView;
  const signOffIds = new Map<string, string>();

  const carryOver = (body: object, version = '2') =>
    admin.agent
      .post(`/api/admin/frameworks/teamwork/versions/${version}/carry-over`)
      .set(CSRF_HEADER, admin.csrfToken)
      .send(body);
  const stored = async () => {
    const [row] = (await testApp.dataSource.query(
      `SELECT (SELECT count(*)::int FROM evidence_element_link) AS links,
              (SELECT count(*)::int FROM element_sign_off) AS sign_offs`,
    )) as { links: number; sign_offs: number }[];
    return row;
  };

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
    const { dataSource } = testApp;
    const importer = testApp.app.get(FrameworkImporter);
    await importer.importFramework(version1);
    const programme = await createProgramme(dataSource, await createDeanery(dataSource));
    await dataSource.query(`UPDATE programme SET framework_key = 'teamwork' WHERE id = $1`, [programme]);
    trainee = await createUser(dataSource, ['trainee']);
    await addTrainingRecord(dataSource, trainee.id, programme, { stageKey: 'early' });
    const supervisorUser = await createUser(dataSource, ['supervisor']);
    await assignSupervisor(dataSource, trainee.id, supervisorUser.id);
    traineeClient = await signIn(testApp.app, trainee.email);
    const supervisor = await signIn(testApp.app, supervisorUser.email);
    admin = await signIn(testApp.app, (await createUser(dataSource, ['admin'])).email);

    const created = await traineeClient.agent
      .post('/api/evidence')
      .set(CSRF_HEADER, traineeClient.csrfToken)
      .send({
        type: 'leadership-activity',
        occurredOn: '2026-10-01',
        title: 'Led the handover redesign',
        visibility: 'supervisor',
        links: ['t1', 't2', 't3', 't4', 't6'].map((elementKey) => ({ elementKey, note: `for ${elementKey}` })),
      })
      .expect(201);
    evidence = created.body as EvidenceView;
    await traineeClient.agent
      .patch(`/api/evidence/${evidence.id}`)
      .set(CSRF_HEADER, traineeClient.csrfToken)
      .send({ version: evidence.version, status: 'submitted' })
      .expect(200);
    for (const elementKey of ['t1', 't2', 't3', 't4']) {
      const signed = await supervisor.agent
        .post(`/api/trainees/${trainee.id}/sign-offs`)
        .set(CSRF_HEADER, supervisor.csrfToken)
        .send({ elementKey, evidenceIds: [evidence.id], note: `Met ${elementKey}` })
        .expect(201);
      signOffIds.set(elementKey, signed.body.id);
    }
    await importer.importFramework(version2);
  });

  afterAll(() => testApp.close());

  it('explains a dry run, writing nothing', async () => {
    const before = await stored();
    const report = (await carryOver({ dryRun: true }).expect(200)).body as CarryOverReportView;
    expect(await stored()).toEqual(before);
    expect(report).toMatchObject({ frameworkKey: 'teamwork', fromVersion: '1', toVersion: '2', dryRun: true });
    expect(report.totals).toEqual({ linksCarried: 4, signOffsCarried: 2, alreadyPresent: 0, notCarried: 4 });
  });

  it('carries exact matches and replacements, reports retired elements, and carries sign-offs as new records', async () => {
    const before = await stored();
    const report = (await carryOver({}).expect(200)).body as CarryOverReportView;
    expect(report.dryRun).toBe(false);
    const [mine] = report.trainees;
    expect(mine?.traineeId).toBe(trainee.id);
    expect(mine?.displayName).toBe('Test trainee');
    const carried = (kind: string) =>
      mine?.carried
        .filter((record) => record.kind === kind)
        .map((record) => `${record.from.elementKey}>${record.to.elementKey}`);
    expect(carried('evidence-link')).toEqual(['t1>t1', 't2>t2b', 't3>t3a', 't3>t3b']);
    expect(carried('sign-off')).toEqual(['t1>t1', 't2>t2b']);
    expect(mine?.notCarried.map(({ kind, from, reason }) => `${kind} ${from.elementKey}: ${reason}`)).toEqual([
      'evidence-link t4: retired',
      'evidence-link t6: stage-not-applicable',
      'sign-off t3: needs-new-judgement',
      'sign-off t4: retired',
    ]);
    // The split element's link lands twice, once on each element it became.
    expect(await stored()).toEqual({ links: (before?.links ?? 0) + 4, sign_offs: (before?.sign_offs ?? 0) + 2 });

    // The new links keep their notes, and the old ones stay where they were.
    const links = (await testApp.dataSource.query(
      `SELECT framework.version, element.key, link.note FROM evidence_element_link link
         JOIN framework_element element ON element.id = link.element_id
         JOIN framework ON framework.id = element.framework_id
        WHERE link.evidence_id = $1 ORDER BY framework.version, element.key`,
      [evidence.id],
    )) as { version: string; key: string; note: string }[];
    expect(links.map((link) => `${link.version}/${link.key}: ${link.note}`)).toEqual([
      '1/t1: for t1',
      '1/t2: for t2',
      '1/t3: for t3',
      '1/t4: for t4',
      '1/t6: for t6',
      '2/t1: for t1',
      '2/t2b: for t2',
      '2/t3a: for t3',
      '2/t3b: for t3',
    ]);

    // A carried sign-off is a new record by the original signer that cites the original.
    const carriedSignOffs = (await testApp.dataSource.query(
      `SELECT element.key, record.carried_from, record.recorded_by = original.recorded_by AS same_signer,
              record.evidence_ids, record.note
         FROM element_sign_off record
         JOIN element_sign_off original ON original.id = record.carried_from
         JOIN framework_element element ON element.id = record.element_id
        ORDER BY element.key`,
    )) as { key: string; carried_from: string; same_signer: boolean; evidence_ids: string[]; note: string }[];
    expect(carriedSignOffs).toEqual([
      expect.objectContaining({
        key: 't1',
        carried_from: signOffIds.get('t1'),
        same_signer: true,
        evidence_ids: [evidence.id],
      }),
      expect.objectContaining({ key: 't2b', carried_from: signOffIds.get('t2'), same_signer: true }),
    ]);
    expect(carriedSignOffs[1]?.note).toMatch(
      /^Carried over from teamwork 1 element t2 \(replacedBy\) by Test admin\. Met t2$/,
    );

    const progress = (await traineeClient.agent.get(`/api/trainees/${trainee.id}/progress`).expect(200))
      .body as ProgressView;
    expect(progress.frameworkVersion).toBe('2');
    expect(progress.elements.map((each) => `${each.key}:${each.status}`)).toEqual([
      't1:signed-off',
      't2b:signed-off',
      't3a:evidenced',
      't3b:evidenced',
    ]);
    const audit = await testApp.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'framework.carried-over' AND entity_id = 'teamwork@2'`,
    );
    expect(audit).toEqual([{ details: expect.objectContaining({ from: '1', linksCarried: 4, signOffsCarried: 2 }) }]);
  });

  it('is idempotent: a second run writes nothing and says what is already there', async () => {
    const before = await stored();
    const report = (await carryOver({}).expect(200)).body as CarryOverReportView;
    expect(await stored()).toEqual(before);
    expect(report.totals).toEqual({ linksCarried: 0, signOffsCarried: 0, alreadyPresent: 6, notCarried: 4 });
  });

  it('answers bad input with the field and the reason', async () => {
    const notBoolean = await carryOver({ dryRun: 'yes' }).expect(400);
    expect(notBoolean.body.errors).toEqual([{ field: 'dryRun', message: 'dryRun must be true or false' }]);
    const first = await carryOver({}, '1').expect(400);
    expect(first.body.errors[0]).toEqual({
      field: 'version',
      message: 'teamwork 1 states no previous version, so there is nothing to carry over',
    });
    await carryOver({}, '9').expect(404);
    await admin.agent
      .post('/api/admin/frameworks/Not A Key/versions/2/carry-over')
      .set(CSRF_HEADER, admin.csrfToken)
      .send({})
      .expect(400);
    await traineeClient.agent
      .post('/api/admin/frameworks/teamwork/versions/2/carry-over')
      .set(CSRF_HEADER, traineeClient.csrfToken)
      .send({})
      .expect(404);
  });
});
