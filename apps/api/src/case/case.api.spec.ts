import addFormats from 'ajv-formats';
import Ajv2019 from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';

import type { CasePackage } from '@portfolio/competency';

import { type TestApp, createTestApp, workspaceRoot } from '../../test/test-app';

const caseSchema = JSON.parse(
  readFileSync(join(workspaceRoot, '../shared/standards/case-v1p1/case_v1p1_cfpackage-jsonschema1.json'), 'utf8'),
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
});
