import { gzipSync } from 'node:zlib';

import { CSRF_HEADER } from '@portfolio/contracts';

import { type SignedInClient, createUser, signIn } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';

/** The field each error of an answer names. */
function fieldsOf(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((error) => error.field);
}

describe('what the HTTP server refuses before a route, in the API’s words', () => {
  let testApp: TestApp;
  let trainee: SignedInClient;

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
    trainee = await signIn(testApp.app, (await createUser(testApp.dataSource, ['trainee'])).email);
  });

  afterAll(() => testApp.close());

  // The bytes as they are: superagent would write a Buffer typed as JSON out as JSON of its bytes.
  const post = (body: string | Buffer, headers: Record<string, string>) =>
    trainee.agent
      .post('/api/evidence')
      .set(CSRF_HEADER, trainee.csrfToken)
      .set(headers)
      .serialize(() => body as string)
      .send(body);

  const json = { 'Content-Type': 'application/json' };
  it.each([
    ['malformed JSON', '{"title":', json, 400],
    ['prototype poisoning', '{"__proto__":{"admin":true}}', json, 400],
    ['JSON in another charset', '{}', { 'Content-Type': 'application/json; charset=utf-16' }, 415],
    ['an unknown Content-Encoding', '{}', { ...json, 'Content-Encoding': 'compress' }, 415],
    ['gzip that is not', '{}', { ...json, 'Content-Encoding': 'gzip' }, 400],
    ['plain text', 'a title', { 'Content-Type': 'text/plain' }, 415],
    ['a form', 'title=x', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
  ])('answers %s with its status, naming the body', async (_what, body, headers, status) => {
    const response = await post(body, headers).expect(status);
    expect(response.body).toMatchObject({ statusCode: status });
    expect(fieldsOf(response.body)).toEqual(['body']);
  });

  it('answers a JSON body over 10 MB with 413 naming the body', async () => {
    const response = await post(JSON.stringify({ body: 'x'.repeat(10 * 1024 * 1024) }), {
      'Content-Type': 'application/json',
    }).expect(413);
    expect(fieldsOf(response.body)).toEqual(['body']);
  });

  it('reads a gzip-compressed JSON body as the plain one, as far as the DTO’s rules', async () => {
    const response = await post(gzipSync(JSON.stringify({ type: 'no-such-type' })), {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    }).expect(400);
    expect(fieldsOf(response.body)).toContain('type');
    expect(fieldsOf(response.body)).not.toContain('body');
  });

  it('names the path when its percent-encoding is broken, and the id when it is too long to be one', async () => {
    const broken = await trainee.agent.get('/api/evidence/%zz').expect(400);
    expect(fieldsOf(broken.body)).toEqual(['path']);
    const long = await trainee.agent.get(`/api/evidence/${'a'.repeat(3000)}`).expect(400);
    expect(fieldsOf(long.body)).toEqual(['id']);
  });

  it('routes a trailing slash and any letter case as the web app and older clients send them', async () => {
    for (const path of ['/api/evidence', '/api/evidence/', '/API/Evidence']) {
      const response = await trainee.agent.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
  });
});
