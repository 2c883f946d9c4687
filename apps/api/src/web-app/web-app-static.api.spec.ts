import type { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import { createServedApp, createTestSchema, dropTestSchema } from '../../test/test-app';
import { webAppCacheControl } from './web-app-static';

const immutable = 'public, max-age=31536000, immutable';
// Well over the 1 kB below which nothing is compressed.
const script = `export const greeting = ${JSON.stringify('Hello from the dashboard. '.repeat(200))};\n`;
const styles = `.app-element-tile { display: block; }\n`.repeat(100);
const indexHtml = `<!doctype html><html lang="en-GB"><head><title>Leadership portfolio</title></head><body><app-root></app-root><script src="main-LOOE5DSD.js" type="module"></script></body></html>`;
// Bytes that do not shrink, as a real PDF's or picture's would not.
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 'x')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 1)]);

/** A built web app in miniature, laid out as `nx build web` lays it out. */
function writeBuild(root: string): void {
  mkdirSync(join(root, 'media'));
  mkdirSync(join(root, 'assets/images'), { recursive: true });
  writeFileSync(join(root, 'index.html'), indexHtml);
  writeFileSync(join(root, 'main-LOOE5DSD.js'), script);
  writeFileSync(join(root, 'styles-R2UCSWS6.css'), styles);
  writeFileSync(join(root, 'media/logo-7MZ5Q2JD.svg'), `<svg xmlns="http://www.w3.org/2000/svg"></svg>`);
  writeFileSync(join(root, 'assets/images/nhsuk-icon-180.png'), png);
  writeFileSync(join(root, 'assets/guide.pdf'), pdf);
}

describe('the web app as the server sends it', () => {
  let app: INestApplication;
  let schema: string;
  let buildDir: string;

  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'web-build-'));
    writeBuild(buildDir);
    schema = await createTestSchema();
    app = await createServedApp(schema, buildDir);
  });

  afterAll(async () => {
    await app.close();
    await dropTestSchema(schema);
    rmSync(buildDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer();

  it('sends a script gzip-compressed when the browser accepts gzip, and keeps it for a year', async () => {
    const response = await request(server()).get('/main-LOOE5DSD.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe(immutable);
    // supertest has inflated it: the browser gets the same script.
    expect(response.text).toBe(script);
  });

  it('sends brotli when the browser prefers it, and the plain file when it accepts no encoding', async () => {
    const brotli = await request(server()).get('/styles-R2UCSWS6.css').set('Accept-Encoding', 'br').expect(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe(immutable);

    const plain = await request(server()).get('/styles-R2UCSWS6.css').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(styles)));
    expect(plain.text).toBe(styles);
  });

  it('asks the browser to check index.html every time, at / and at the routes the app draws', async () => {
    for (const path of ['/', '/index.html', '/dashboard', '/evidence/new']) {
      const response = await request(server()).get(path).set('Accept-Encoding', 'gzip').expect(200);
      expect({ path, cacheControl: response.headers['cache-control'] }).toEqual({ path, cacheControl: 'no-cache' });
      expect(response.text).toBe(indexHtml);
    }
  });

  it('keeps hashed media for a year and copied assets, whose names do not change, for a day', async () => {
    const logo = await request(server()).get('/media/logo-7MZ5Q2JD.svg').expect(200);
    expect(logo.headers['cache-control']).toBe(immutable);

    const icon = await request(server()).get('/assets/images/nhsuk-icon-180.png').expect(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('does not compress what is compressed already: PDFs and pictures', async () => {
    const guide = await request(server()).get('/assets/guide.pdf').set('Accept-Encoding', 'gzip, br').expect(200);
    expect(guide.headers['content-type']).toBe('application/pdf');
    expect(guide.headers['content-encoding']).toBeUndefined();
    expect(guide.headers['content-length']).toBe(String(pdf.length));

    const icon = await request(server()).get('/assets/images/nhsuk-icon-180.png').set('Accept-Encoding', 'gzip');
    expect(icon.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the API’s JSON as well', async () => {
    const response = await request(server()).get('/api/docs-json').set('Accept-Encoding', 'gzip').expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body.info.title).toBe('Leadership portfolio API');
  });

  it('leaves the API’s own 404s to the API, not index.html', async () => {
    const response = await request(server()).get('/api/no-such-route').expect(404);
    expect(response.headers['content-type']).toMatch(/json/);
  });
});

describe('webAppCacheControl', () => {
  it('treats only the build’s own hashed files as unchanging', () => {
    expect(webAppCacheControl('chunk-PGGFKESK.js')).toBe(immutable);
    expect(webAppCacheControl('media/nhsuk-logo-ABCDEF12.svg')).toBe(immutable);
    expect(webAppCacheControl('index.html')).toBe('no-cache');
    expect(webAppCacheControl('favicon.ico')).toBe('public, max-age=86400');
    // A copied asset whose name merely looks hashed is not the build's to promise.
    expect(webAppCacheControl('assets/images/photo-ABCDEF12.png')).toBe('public, max-age=86400');
  });
});
