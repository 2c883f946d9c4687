import type { INestApplication } from '@nestjs/common';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { SESSION_COOKIE } from '@portfolio/contracts';

import { createUser, testPassword } from '../test/factories';
import { createServedApp, createTestSchema, dropTestSchema, workspaceRoot } from '../test/test-app';

/** The directives of a Content-Security-Policy header, each with its sources. */
function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** Inline scripts and inline event handlers: what `script-src 'self'` would refuse to run. */
function inlineScriptsIn(html: string): string[] {
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/gi)]
    .filter(([, attributes = '']) => !/\ssrc\s*=/i.test(attributes))
    .map(([tag]) => tag);
  const handlers = [...html.matchAll(/<[a-z][^>]*\s(on\w+)\s*=/gi)].map(([, handler = '']) => handler);
  return [...inlineScripts, ...handlers];
}

describe('security headers and session cookies', () => {
  let app: INestApplication;
  let schema: string;
  let webDist: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    copyFileSync(join(workspaceRoot, 'apps/web/src/index.html'), join(webDist, 'index.html'));
    schema = await createTestSchema();
    app = await createServedApp(schema, webDist);
  });

  afterAll(async () => {
    await app.close();
    await dropTestSchema(schema);
    rmSync(webDist, { recursive: true, force: true });
  });

  it.each([
    ['an API answer', '/api/health'],
    ['an API error', '/api/no-such-route'],
    ['the web app', '/'],
    ['a deep link into the web app', '/evidence/new'],
  ])('sends a strict policy and helmet’s other headers with %s', async (_what, path) => {
    const response = await http().get(path);
    const policy = directivesOf(response.headers['content-security-policy'] ?? '');
    const scriptSources = policy.get('script-src') ?? policy.get('default-src') ?? [];
    expect(scriptSources).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
    }
    expect(response.headers['strict-transport-security']).toMatch(
      /max-age=(\d{8,}|[2-9]\d{7}|3\d{7}); includeSubDomains/,
    );
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'origin-agent-cluster': '?1',
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('tells browsers and proxies to keep no copy of an API answer, and sends no ETag for one', async () => {
    // The router takes /API/Health as /api/health, so the rule must as well.
    for (const path of ['/api/health', '/api/no-such-route', '/api/auth/me', '/API/Health', '/api?x=1']) {
      const response = await http().get(path);
      expect({ path, cacheControl: response.headers['cache-control'], etag: response.headers['etag'] }).toEqual({
        path,
        cacheControl: 'no-store',
        etag: undefined,
      });
    }
    // The web app's entry page is asked for again each time rather than never kept.
    const page = await http().get('/').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('serves a page with no inline script or event handler, and a build that adds none', async () => {
    const page = await http().get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<app-root>');
    expect(inlineScriptsIn(page.text)).toEqual([]);
    // Angular's critical-CSS inlining loads the stylesheet with an inline onload handler, which
    // the policy would block: the production build must leave it off.
    const project = JSON.parse(readFileSync(join(workspaceRoot, 'apps/web/project.json'), 'utf8')) as {
      targets: { build: { configurations: { production: { optimization: { styles: { inlineCritical: boolean } } } } } };
    };
    expect(project.targets.build.configurations.production.optimization.styles.inlineCritical).toBe(false);
  });

  it('finds inline scripts and handlers where they are', () => {
    expect(inlineScriptsIn('<script>alert(1)</script><script src="main.js"></script>')).toEqual(['<script>']);
    expect(inlineScriptsIn('<link rel="stylesheet" href="a.css" media="print" onload="this.media=\'all\'">')).toEqual([
      'onload',
    ]);
  });

  it('scopes the session cookie to the site over HTTPS: HttpOnly, SameSite, Path=/ and Secure', async () => {
    const user = await createUser(app.get(DataSource), ['trainee']);
    const response = await http()
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: user.email, password: testPassword })
      .expect(200);
    const session = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
    const attributes = (session ?? '').split(';').map((attribute) => attribute.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax', 'path=/']));
    expect(attributes.some((attribute) => attribute.startsWith('domain='))).toBe(false);
  });

  it('gives a new session id at every sign-in, and the one held before, even one planted, no longer works', async () => {
    const user = await createUser(app.get(DataSource), ['trainee']);
    const signInWith = async (cookie: string | null) => {
      const call = http().post('/api/auth/login');
      const response = await (cookie ? call.set('Cookie', cookie) : call)
        .send({ email: user.email, password: testPassword })
        .expect(200);
      const session = ([] as string[])
        .concat(response.headers['set-cookie'] ?? [])
        .find((candidate) => candidate.startsWith(`${SESSION_COOKIE}=`));
      return session?.split(';')[0] ?? '';
    };
    const planted = `${SESSION_COOKIE}=${'a'.repeat(43)}`;
    const first = await signInWith(planted);
    expect(first).not.toBe(planted);
    await http().get('/api/auth/me').set('Cookie', planted).expect(401);
    await http().get('/api/auth/me').set('Cookie', first).expect(200);

    const second = await signInWith(first);
    expect(second).not.toBe(first);
    await http().get('/api/auth/me').set('Cookie', second).expect(200);
    await http().get('/api/auth/me').set('Cookie', first).expect(401);
  });
});
