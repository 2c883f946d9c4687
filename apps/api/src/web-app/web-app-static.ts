import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { relative } from 'node:path';

import { API_PREFIX } from '@portfolio/contracts';

/** A year: the longest lifetime caches honour. */
const hashedFileCacheControl = 'public, max-age=31536000, immutable';
/** Always asked again (a cheap 304 while unchanged), so a new release reaches everyone at once. */
const entryPageCacheControl = 'no-cache';
/** Icons and other copied assets keep their names from one release to the next. */
const assetCacheControl = 'public, max-age=86400';

/**
 * The production build names its scripts, styles and media by their content: esbuild with an
 * upper-case hash (`main-LOOE5DSD.js`, `styles-R2UCSWS6.css`, `media/logo-7MZ5Q2JD.svg`), the chunk
 * optimiser with a base64url one (`chunk-BonNSiM_.js`). A changed file has a new name, so a copy
 * never goes stale.
 */
const contentHashedName = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** Whether a file of the built web app, by its path under the build's root, is one Angular named by its content. */
export function isContentHashed(pathInBuild: string): boolean {
  const parts = pathInBuild.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  const builtByAngular = parts.length === 1 || (parts.length === 2 && parts[0] === 'media');
  return builtByAngular && contentHashedName.test(name);
}

/** Cache-Control for a file of the built web app, by its path under the build's root. */
export function webAppCacheControl(pathInBuild: string): string {
  if (pathInBuild.split(/[\\/]/).pop() === 'index.html') {
    return entryPageCacheControl;
  }
  return isContentHashed(pathInBuild) ? hashedFileCacheControl : assetCacheControl;
}

/** The API's paths, and the CASE paths beside them: their unknown routes are the API's 404s, not the app's. */
const apiPath = new RegExp(`^/(?:${API_PREFIX}|ims)(?:[/?]|$)`, 'i');

/**
 * The built web app on the API's port: each file of the build as it is, and index.html for every
 * other path, as the app routes it itself, except under /api and /ims.
 */
export async function webAppStatic(fastify: FastifyInstance, { rootPath }: { rootPath: string }): Promise<void> {
  await fastify.register(fastifyStatic, {
    root: rootPath,
    // A route for each file of the build as the server starts, so that any other path falls to the
    // app's route below.
    wildcard: false,
    // Set by setHeaders instead, per file.
    cacheControl: false,
    // Also called for the index.html that answers the app's own routes (/dashboard).
    setHeaders: (response, filePath) => {
      response.setHeader('Cache-Control', webAppCacheControl(relative(rootPath, filePath)));
    },
  });
  fastify.get('/*', (request, reply) => {
    if (apiPath.test(request.url)) {
      // Nest's not-found handler, in the API's words.
      void reply.callNotFound();
    } else {
      void reply.sendFile('index.html');
    }
  });
}
