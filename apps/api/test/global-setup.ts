import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

const workspaceRoot = resolve(__dirname, '../../..');

/**
 * Tests talk to a real PostgreSQL: the one in DATABASE_URL, or, on a machine without one, an
 * embedded server of their own (kept under .data/test between runs, not durable, so fast).
 */
export default async function globalSetup(): Promise<void> {
  // The key the test servers encrypt authenticator secrets with, one per run; workers inherit it.
  process.env['TEST_SECRETS_KEY'] ??= randomBytes(32).toString('base64');
  if (process.env['DATABASE_URL']) {
    return;
  }
  const server = await startEmbeddedPostgres({
    dataDir: resolve(workspaceRoot, '.data/test'),
    port: Number(process.env['TEST_EMBEDDED_POSTGRES_PORT'] ?? 5499),
    database: 'portfolio_test',
    durable: false,
    log: (message) => console.log(message),
  });
  // Test workers start after this and inherit the variable.
  process.env['DATABASE_URL'] = server.url;
  (globalThis as { embeddedTestPostgres?: typeof server }).embeddedTestPostgres = server;
}
