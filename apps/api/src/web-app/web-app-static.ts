import type { ServeStaticModuleOptions } from '@nestjs/serve-static';
import type { ServerResponse } from 'node:http';
import { relative } from 'node:path';

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

/**
 * The built web app on the API's port: anything under /api or /ims stays the API's (its 404s
 * included), and every other path the app routes itself answers index.html.
 */
export function webAppStaticOptions(rootPath: string): ServeStaticModuleOptions {
  return {
    rootPath,
    exclude: ['/api/{*path}', '/ims/{*path}'],
    serveStaticOptions: {
      // Also called for the index.html that answers the app's own routes (/dashboard).
      setHeaders: (response: ServerResponse, filePath: string) => {
        response.setHeader('Cache-Control', webAppCacheControl(relative(rootPath, filePath)));
      },
    },
  };
}
