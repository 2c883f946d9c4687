import { mkdirSync, rmSync } from 'node:fs';

import { emptyServerDataDir } from './fresh-data-dir';
import { outputDir } from './paths';
import { type RunningServer, startServer } from './server';

export interface E2eGlobals {
  e2eServer?: RunningServer;
}

/** One server for every journey: the built product, on a fresh database. */
export default async function globalSetup(): Promise<void> {
  await emptyServerDataDir();
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });

  const server = await startServer(Number(process.env['E2E_PORT'] ?? 3100));
  // Test workers start after this and inherit the variable.
  process.env['E2E_BASE_URL'] = server.baseUrl;
  (globalThis as E2eGlobals).e2eServer = server;
}
