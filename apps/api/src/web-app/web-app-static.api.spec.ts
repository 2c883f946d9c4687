import type { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import request from 'supertest';

import { createServedApp, createTestSchema, dropTestSchema } from '../../test/test-app';
import { PreparedFiles, chooseEncoding, compileEagerlyHint, startupScripts } from './prepared-files';
import { webAppCacheControl } from './web-app-static';

const immutable = 'public, max-age=31536000, immutable';
// Well over the 1 kB below which nothing is compressed.
const script = `export const greeting = ${JSON.stringify('Hello from the dashboard. '.repeat(200))};\n`;
const styles = `.app-element-tile { display: block; }\n`.repeat(100);
// A lazy chunk as the production build's chunk optimiser names it.
const lazyChunk = `export const heading = ${JSON.stringify('Your progress. '.repeat(200))};\n`;
const indexHtml = `<!doctype html><html lang="en-GB"><head><title>Leadership portfolio</title></head><body><app-root></app-root><script src="main-LOOE5DSD.js" type="module"></script></body></html>`;
// The start-up script index.html loads, as the server sends it: marked to be compiled as it downloads.
const servedScript = compileEagerlyHint + script;
// Bytes that do not shrink, as a real PDF's or picture's would not.
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 'x')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 1)]);

/** A built web app in miniature, laid out as `nx build web` lays it out. */
function writeBuild(root: string): void {
  mkdirSync(join(root, 'media'));
  mkdirSync(join(root, 'assets/images'), { recursive: true });
  writeFileSync(join(root, 'index.html'), indexHtml);
  writeFileSync(join(root, 'main-LOOE5DSD.js'), script);
  writeFileSync(join(root, 'chunk-B4-9eL_v.js'), lazyChunk);
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
    // What the server prepares in the background as it starts, ready before the first visitor here.
    await app.get(PreparedFiles).prepare();
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
    // supertest has inflated it: the browser gets the script, with its hint.
    expect(response.text).toBe(servedScript);
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
      expect(response.headers['content-type']).toMatch(/^text\/html/);
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

  it('sends the scripts and styles compressed ahead at the strongest settings', async () => {
    const strongestBrotli = (text: string) =>
      brotliCompressSync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY } });

    for (const [path, content] of [
      ['/main-LOOE5DSD.js', servedScript],
      ['/chunk-B4-9eL_v.js', lazyChunk],
      ['/styles-R2UCSWS6.css', styles],
    ] as const) {
      // Chromium's header: every encoding equally welcome, brotli preferred as the smaller.
      const response = await request(server()).get(path).set('Accept-Encoding', 'gzip, deflate, br, zstd').expect(200);
      expect({ path, encoding: response.headers['content-encoding'] }).toEqual({ path, encoding: 'br' });
      // Whole, with its length, rather than streamed through the on-the-fly compression.
      expect(response.headers['content-length']).toBe(String(strongestBrotli(content).length));
      expect(response.headers['cache-control']).toBe(immutable);
      expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    }

    const gzipped = await request(server()).get('/chunk-B4-9eL_v.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-length']).toBe(String(gzipSync(lazyChunk, { level: 9 }).length));
    expect(gzipped.headers['content-type']).toMatch(/javascript/);
    expect(gzipped.text).toBe(lazyChunk);

    const styled = await request(server()).get('/styles-R2UCSWS6.css').set('Accept-Encoding', 'gzip').expect(200);
    expect(styled.headers['content-type']).toMatch(/^text\/css/);
    expect(styled.text).toBe(styles);
  });

  it('marks only the scripts index.html starts with to be compiled as they download, in every encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await request(server()).get('/main-LOOE5DSD.js').set('Accept-Encoding', encoding).expect(200);
      expect({ encoding, text: response.text }).toEqual({ encoding, text: servedScript });
    }
    const plain = await request(server()).get('/main-LOOE5DSD.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(servedScript)));

    // A lazy chunk is compiled as V8 sees fit: it is sent as built.
    const lazy = await request(server()).get('/chunk-B4-9eL_v.js').set('Accept-Encoding', 'identity').expect(200);
    expect(lazy.text).toBe(lazyChunk);
  });

  it('answers a prepared file’s revalidation with 304, and HEAD without a body', async () => {
    const first = await request(server()).get('/main-LOOE5DSD.js').set('Accept-Encoding', 'br').expect(200);
    const etag = first.headers['etag'];
    expect(etag).toBeTruthy();
    await request(server())
      .get('/main-LOOE5DSD.js')
      .set('Accept-Encoding', 'br')
      .set('If-None-Match', String(etag))
      .expect(304);
    // Another encoding is other bytes, with another tag.
    const gzipped = await request(server()).get('/main-LOOE5DSD.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['etag']).not.toBe(etag);

    const head = await request(server()).head('/main-LOOE5DSD.js').set('Accept-Encoding', 'br').expect(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
  });

  it('leaves index.html, copied assets and other methods to the usual path', async () => {
    const page = await request(server()).get('/dashboard').set('Accept-Encoding', 'br').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toBe(indexHtml);

    const guide = await request(server()).get('/assets/guide.pdf').set('Accept-Encoding', 'br').expect(200);
    expect(guide.headers['content-encoding']).toBeUndefined();

    await request(server()).post('/main-LOOE5DSD.js').set('Accept-Encoding', 'br').expect(404);
  });

  it('compresses the API’s JSON as well', async () => {
    const response = await request(server()).get('/api/docs-json').set('Accept-Encoding', 'gzip').expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body.info.title).toBe('Leadership portfolio API');
  });

  it('leaves the API’s own 404s to the API, not index.html', async () => {
    // The CASE paths beside the API's, and either in any case, as the router reads them.
    for (const path of ['/api/no-such-route', '/ims/no-such-route', '/API/No-Such-Route', '/api']) {
      const response = await request(server()).get(path).expect(404);
      expect({ path, type: response.headers['content-type'] }).toEqual({ path, type: expect.stringMatching(/json/) });
    }
  });
});

describe('webAppCacheControl', () => {
  it('treats only the build’s own hashed files as unchanging', () => {
    expect(webAppCacheControl('chunk-PGGFKESK.js')).toBe(immutable);
    // The chunk optimiser's base64url hashes.
    expect(webAppCacheControl('chunk-BonNSiM_.js')).toBe(immutable);
    expect(webAppCacheControl('chunk-i-j_Y7nM.js')).toBe(immutable);
    expect(webAppCacheControl('media/nhsuk-logo-ABCDEF12.svg')).toBe(immutable);
    expect(webAppCacheControl('index.html')).toBe('no-cache');
    expect(webAppCacheControl('favicon.ico')).toBe('public, max-age=86400');
    // A copied asset whose name merely looks hashed is not the build's to promise.
    expect(webAppCacheControl('assets/images/photo-ABCDEF12.png')).toBe('public, max-age=86400');
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli when the browser takes it at least as gladly as gzip', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('br')).toBe('br');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
  });

  it('answers neither when the browser takes neither', () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('deflate')).toBeNull();
    expect(chooseEncoding('*;q=0')).toBeNull();
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeNull();
  });
});

describe('startupScripts', () => {
  it('names the scripts and module preloads an Angular index.html starts with', () => {
    const html =
      '<head><link rel="stylesheet" href="styles-R2UCSWS6.css"><link rel="modulepreload" href="chunk-PGGFKESK.js"></head>' +
      '<body><script src="main-LOOE5DSD.js" type="module"></script><script src="https://example.org/x.js"></script></body>';
    expect([...startupScripts(html)]).toEqual(['chunk-PGGFKESK.js', 'main-LOOE5DSD.js']);
    expect(startupScripts('<p>No scripts</p>').size).toBe(0);
  });
});
