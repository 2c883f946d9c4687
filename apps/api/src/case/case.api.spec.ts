import addFormats from 'ajv-formats';
import Ajv2019 from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';

import type { CasePackage } from '@portfolio/competency';
import { CSRF_HEADER, type CaseImportView } from '@portfolio/contracts';

import { createUser, signIn } from '../../test/factories';
import { teamworkVersion1, teamworkVersion2 } from '../../test/teamwork-versions';
import { type TestApp, createTestApp, workspaceRoot } from '../../test/test-app';
import { FrameworkImporter } from '../frameworks/framework-importer';

const caseSchema = JSON.parse(
  readFileSync(join(workspaceRoot, 'framework-data/schema/case-v1p1-cfpackage.schema.json'), 'utf8'),
) as object;

describe('frameworks in CASE 1.1 over HTTP', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true, env: { PUBLIC_URL: 'https://portfolio.example' } });
    server = testApp.app.getHttpServer();
  });

  afterAll(() => testApp.close());

  it.each(['mlcf', 'healthcare-leadership-model'])(
    'serves %s as a package the official schema accepts',
    async (key) => {
      const ajv = new Ajv2019({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(caseSchema);
      const casePackage = (await request(server).get(`/api/frameworks/${key}/case`).expect(200)).body as CasePackage;
      expect(validate(casePackage)).toBe(true);
      expect(casePackage.CFDocument.uri).toBe(
        `https://portfolio.example/ims/case/v1p1/CFDocuments/${casePackage.CFDocument.identifier}`,
      );
      const pinned = (
        await request(server).get(`/api/frameworks/${key}/versions/${casePackage.CFDocument.version}/case`).expect(200)
      ).body as CasePackage;
      expect(pinned.CFDocument.identifier).toBe(casePackage.CFDocument.identifier);
    },
  );

  it('answers the CASE REST read paths, and an unknown identifier in the imsx_StatusInfo shape', async () => {
    const casePackage = (await request(server).get('/api/frameworks/mlcf/case').expect(200)).body as CasePackage;
    const documents = (await request(server).get('/ims/case/v1p1/CFDocuments').expect(200)).body as {
      CFDocuments: { identifier: string }[];
    };
    expect(documents.CFDocuments.map((document) => document.identifier)).toContain(casePackage.CFDocument.identifier);
    const id = casePackage.CFDocument.identifier;
    expect((await request(server).get(`/ims/case/v1p1/CFDocuments/${id}`).expect(200)).body.title).toBe(
      casePackage.CFDocument.title,
    );
    expect((await request(server).get(`/ims/case/v1p1/CFPackages/${id}`).expect(200)).body.CFItems).toHaveLength(
      casePackage.CFItems.length,
    );
    const item = casePackage.CFItems.find((candidate) => candidate.humanCodingScheme === '3.2');
    expect(
      (await request(server).get(`/ims/case/v1p1/CFItems/${item?.identifier}`).expect(200)).body.fullStatement,
    ).toBe('Managing Resources');
    const association = casePackage.CFAssociations[0];
    await request(server).get(`/ims/case/v1p1/CFAssociations/${association?.identifier}`).expect(200);

    const missing = await request(server)
      .get('/ims/case/v1p1/CFItems/00000000-0000-4000-8000-000000000000')
      .expect(404);
    expect(missing.body).toMatchObject({
      imsx_codeMajor: 'failure',
      imsx_severity: 'error',
      imsx_CodeMinor: {
        imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: 'unknownobject' }],
      },
    });
    await request(server).get('/ims/case/v1p1/CFItems/not-a-uuid').expect(400);
    await request(server).get('/api/frameworks/nothing/case').expect(404);
  });

  it('imports a package into an empty database and exports it again unchanged, apart from timestamps', async () => {
    const exported = (await request(server).get('/api/frameworks/mlcf/case').expect(200)).body as CasePackage;
    const empty = await createTestApp({ seedFrameworks: false, env: { PUBLIC_URL: 'https://portfolio.example' } });
    try {
      const admin = await signIn(empty.app, (await createUser(empty.dataSource, ['admin'])).email);
      const importPackage = (body: object) =>
        admin.agent.post('/api/admin/case-imports').set(CSRF_HEADER, admin.csrfToken).send(body);
      // The MLCF's package carries its crosswalk to the model, which is stored once the model is held.
      const hlmPackage = (await request(server).get('/api/frameworks/healthcare-leadership-model/case').expect(200))
        .body as CasePackage;
      await importPackage({ package: hlmPackage }).expect(201);
      const first = (await importPackage({ package: exported }).expect(201)).body as CaseImportView;
      expect(first.crosswalks[0]?.reason).toBeUndefined();
      expect(first).toMatchObject({
        key: 'mlcf',
        version: '2010',
        result: 'created',
        domains: 7,
        elements: 28,
        outcomes: 264,
        previousVersion: null,
        correspondences: 0,
        crosswalks: [{ key: 'mlcf-2010--healthcare-leadership-model-2013', mappings: 19, result: 'created' }],
      });
      expect(((await importPackage({ package: exported }).expect(201)).body as CaseImportView).result).toBe(
        'unchanged',
      );

      const again = (await request(empty.app.getHttpServer()).get('/api/frameworks/mlcf/case').expect(200))
        .body as CasePackage;
      const withoutTimes = (value: unknown) =>
        JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === 'lastChangeDateTime' ? undefined : field)));
      expect(withoutTimes(again)).toEqual(withoutTimes(exported));

      // The same version with other content is refused; a broken package is explained.
      const changed = structuredClone(exported);
      (changed.CFItems[0] as { fullStatement: string }).fullStatement = 'Something else';
      expect((await importPackage({ package: changed }).expect(409)).body.message).toContain('published');
      const broken = structuredClone(exported) as unknown as { CFItems: Record<string, unknown>[] };
      delete broken.CFItems[3]?.['uri'];
      const refused = await importPackage({ package: broken }).expect(400);
      expect(refused.body.errors[0]).toMatchObject({ field: 'package.CFItems.3' });
      expect(refused.body.errors[0].message).toContain("must have required property 'uri'");

      // A file upload, with the administrator saying what an unfamiliar item type is.
      const hlm = (await request(server).get('/api/frameworks/healthcare-leadership-model/case').expect(200))
        .body as CasePackage;
      const renamed = {
        ...hlm,
        CFItems: hlm.CFItems.map((item) =>
          item.CFItemType === 'Element' ? { ...item, CFItemType: 'Behaviour' } : item,
        ),
      };
      const upload = (roles?: object) => {
        const call = admin.agent
          .post('/api/admin/case-imports')
          .set(CSRF_HEADER, admin.csrfToken)
          .attach('file', Buffer.from(JSON.stringify(renamed)), 'hlm.json')
          .field('key', 'hlm-behaviours');
        return roles ? call.field('itemTypeRoles', JSON.stringify(roles)) : call;
      };
      const unmapped = await upload().expect(400);
      expect(unmapped.body.itemTypes).toMatchObject({ behaviour: 'ignore' });
      const mapped = (await upload({ Behaviour: 'element' }).expect(201)).body as CaseImportView;
      expect(mapped).toMatchObject({ key: 'hlm-behaviours', elements: 9, result: 'created' });
      await upload({ Behaviour: 'colour' }).expect(400);
    } finally {
      await empty.close();
    }
  });
  it("exports a version's correspondences as exactMatchOf and replacedBy, and they survive export, import, export", async () => {
    const importer = testApp.app.get(FrameworkImporter);
    await importer.importFramework(teamworkVersion1);
    await importer.importFramework(teamworkVersion2);
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(caseSchema);
    const exportOf = async (target: ReturnType<TestApp['app']['getHttpServer']>, version: string) =>
      (await request(target).get(`/api/frameworks/teamwork/versions/${version}/case`).expect(200)).body as CasePackage;
    const [first, second] = [await exportOf(server, '1'), await exportOf(server, '2')];
    expect(validate(second)).toBe(true);
    const elementOf = (casePackage: CasePackage, code: string) =>
      casePackage.CFItems.find((item) => item.CFItemType === 'Element' && item.humanCodingScheme === code)?.identifier;
    const pairs = second.CFAssociations.filter((association) => association.associationType !== 'isChildOf').map(
      (association) =>
        `${association.associationType} ${association.originNodeURI.identifier} > ${association.destinationNodeURI.identifier}`,
    );
    expect(pairs).toEqual([
      `exactMatchOf ${elementOf(second, 't1')} > ${elementOf(first, 't1')}`,
      `replacedBy ${elementOf(first, 't2')} > ${elementOf(second, 't2b')}`,
      `replacedBy ${elementOf(first, 't3')} > ${elementOf(second, 't3a')}`,
      `replacedBy ${elementOf(first, 't3')} > ${elementOf(second, 't3b')}`,
      `exactMatchOf ${elementOf(second, 't6')} > ${elementOf(first, 't6')}`,
    ]);

    const empty = await createTestApp({ seedFrameworks: false, env: { PUBLIC_URL: 'https://portfolio.example' } });
    try {
      const admin = await signIn(empty.app, (await createUser(empty.dataSource, ['admin'])).email);
      const importPackage = (casePackage: CasePackage) =>
        admin.agent.post('/api/admin/case-imports').set(CSRF_HEADER, admin.csrfToken).send({ package: casePackage });
      // A version whose previous version is not held cannot state its correspondences.
      const early = await importPackage(second).expect(400);
      expect(early.body.errors[0]).toMatchObject({ field: 'package.CFAssociations' });
      expect(early.body.message).toContain('follows version 1, which is not held');
      await importPackage(first).expect(201);
      const imported = (await importPackage(second).expect(201)).body as CaseImportView;
      expect(imported).toMatchObject({ version: '2', previousVersion: '1', correspondences: 5, crosswalks: [] });
      const again = await exportOf(empty.app.getHttpServer(), '2');
      const withoutTimes = (value: unknown) =>
        JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === 'lastChangeDateTime' ? undefined : field)));
      expect(withoutTimes(again)).toEqual(withoutTimes(second));
      const stored = await empty.dataSource.query(
        `SELECT count(*)::int AS count FROM framework_correspondence correspondence
           JOIN framework ON framework.id = correspondence.framework_id WHERE framework.key = 'teamwork'`,
      );
      expect(stored).toEqual([{ count: 5 }]);
    } finally {
      await empty.close();
    }
  });
});
