import type { E2eGlobals } from './global-setup';
import { stopServer } from './server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as E2eGlobals).e2eServer;
  if (!server) {
    throw new Error('No server to stop: the global setup did not start one.');
  }
  await stopServer(server);
}
