import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';

import { isContentHashed, webAppCacheControl } from './web-app-static';

const brotli = promisify(brotliCompress);
const gzipCompress = promisify(gzip);

/** Text the build emits, by its type; its pictures and fonts are compressed already. */
const compressibleTypes = new Map([
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
]);
/** Below this the saving does not pay for the header, as for the API's own compression. */
const minimumBytes = 1024;
/**
 * V8's explicit compile hint (Chromium 136 and later; to other engines a comment): compile every
 * function of the script while it downloads, on a background thread, rather than each on the main
 * thread the first time it is called, as most of the start-up script's functions are.
 */
export const compileEagerlyHint = '//# allFunctionsCalledOnLoad\n';

type Encoding = 'br' | 'gzip';

/** Bytes to send, with their entity tag worked out once rather than on every request. */
interface PreparedBody {
  bytes: Buffer;
  etag: string;
}

interface PreparedFile {
  contentType: string;
  cacheControl: string;
  br: PreparedBody;
  gzip: PreparedBody;
  /** The uncompressed bytes, when they differ from the file's (a start-up script, with its hint). */
  identity: PreparedBody | null;
}

function preparedBody(bytes: Buffer): PreparedBody {
  return { bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` };
}

/** Whether an If-None-Match header (`"a", W/"b"` or `*`) names this entity tag, as a cache revalidating it sends. */
function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  return (ifNoneMatch ?? '').split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim()));
}

/**
 * The quality an Accept-Encoding header (`gzip, deflate, br;q=0.9`) gives an encoding: 0 when it
 * is absent or refused. `*` stands for any encoding the header does not name.
 */
function encodingQuality(header: string, encoding: Encoding): number {
  let anyOther = 0;
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    const value = quality === undefined ? 1 : Number(quality.slice(2));
    const weight = Number.isFinite(value) ? value : 0;
    if (name.toLowerCase() === encoding) return weight;
    if (name === '*') anyOther = weight;
  }
  return anyOther;
}

/** Brotli when the browser takes it at least as gladly as gzip (every current browser does), else gzip, else neither. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const brotliQuality = encodingQuality(acceptEncoding, 'br');
  const gzipQuality = encodingQuality(acceptEncoding, 'gzip');
  if (brotliQuality > 0 && brotliQuality >= gzipQuality) return 'br';
  return gzipQuality > 0 ? 'gzip' : null;
}

/** The scripts index.html loads as the app starts (`<script src>` and module preloads), by their path under the build. */
export function startupScripts(indexHtml: string): Set<string> {
  const tags = indexHtml.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const paths = tags
    .filter((tag) => tag.startsWith('<script') || /\brel="modulepreload"/.test(tag))
    .map((tag) => /\b(?:src|href)="([^"]+\.m?js)"/.exec(tag)?.[1])
    .filter((path): path is string => path !== undefined && !/^[a-z]+:|^\/\//i.test(path));
  return new Set(paths.map((path) => path.replace(/^\.?\//, '')));
}

/**
 * The built web app's scripts and styles prepared once, as a phone's first visit needs them:
 * compressed at the strongest settings rather than on every request at the quick ones the API's
 * JSON gets (brotli 11 makes the start-up script about 15% and the stylesheet about 25% smaller
 * than brotli 4, and a slow connection waits for every byte before the first page shows), and the
 * start-up scripts marked to be compiled while they download (compileEagerlyHint), which takes
 * much of the compiling off the main thread while the app starts. Only files named by their content
 * are kept, so a copy never goes stale. The work starts with the server and runs in the
 * background, a file at a time, those index.html loads first; until a file is ready it is served
 * from the build as before.
 */
export class PreparedFiles {
  private readonly logger = new Logger(PreparedFiles.name);
  private readonly files = new Map<string, PreparedFile>();
  private preparing: Promise<void> | null = null;

  constructor(private readonly rootPath: string) {}

  /** Prepares every file there is to prepare; later calls wait for the first. */
  prepare(): Promise<void> {
    this.preparing ??= this.prepareAll().catch((error: unknown) => {
      this.logger.warn(`The web app's files will be served from the build as they are: ${String(error)}`);
    });
    return this.preparing;
  }

  /**
   * Answers a request for a prepared file in the encoding the browser prefers; anything else passes
   * on. A hook rather than a route, as the route for each file is the static files' own.
   */
  readonly onRequest = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    // The build's file the router matched.
    const file = this.files.get(request.routeOptions.url ?? '');
    const encoding = file ? chooseEncoding(request.headers['accept-encoding']) : null;
    const body = file && (encoding ? file[encoding] : file.identity);
    if (!file || !body) {
      done();
      return;
    }
    // The on-the-fly compression leaves alone what has a Content-Encoding already.
    if (encoding) void reply.header('Content-Encoding', encoding);
    void reply
      .header('Vary', 'Accept-Encoding')
      .header('Cache-Control', file.cacheControl)
      .header('ETag', body.etag)
      .type(file.contentType);
    if (matchesEntityTag(request.headers['if-none-match'], body.etag)) {
      void reply.code(304).send();
      return;
    }
    // A HEAD's body is left out by Fastify, which keeps its Content-Length.
    void reply.send(body.bytes);
  };

  private async prepareAll(): Promise<void> {
    const indexHtml = await readFile(join(this.rootPath, 'index.html'), 'utf8').catch(() => '');
    const startup = startupScripts(indexHtml);
    const loadedFirst = (path: string) => (startup.has(path) || indexHtml.includes(`"${path}"`) ? 0 : 1);
    const paths = (await this.contentNamedTextFiles()).sort(
      (first, second) => loadedFirst(first) - loadedFirst(second),
    );
    for (const pathInBuild of paths) {
      const fileContent = await readFile(join(this.rootPath, pathInBuild));
      if (fileContent.length < minimumBytes) continue;
      const identity = startup.has(pathInBuild) ? Buffer.concat([Buffer.from(compileEagerlyHint), fileContent]) : null;
      const content = identity ?? fileContent;
      this.files.set(`/${pathInBuild}`, {
        contentType: compressibleTypes.get(extname(pathInBuild)) ?? 'application/octet-stream',
        cacheControl: webAppCacheControl(pathInBuild),
        br: preparedBody(
          await brotli(content, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        ),
        gzip: preparedBody(await gzipCompress(content, { level: zlibConstants.Z_BEST_COMPRESSION })),
        identity: identity && preparedBody(identity),
      });
    }
  }

  /** The build's text files named by their content, by their path under the build. */
  private async contentNamedTextFiles(): Promise<string[]> {
    const entries = await readdir(this.rootPath, { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(this.rootPath, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
      .filter((path) => compressibleTypes.has(extname(path)) && isContentHashed(path));
  }
}
