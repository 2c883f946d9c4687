import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { serverDataDir, serverLogFile, workspaceRoot } from './paths';

const startTimeoutMs = 90_000;
const stopTimeoutMs = 15_000;
const embeddedPostgresPort = 5497;

export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  usesEmbeddedDatabase: boolean;
}

/** Starts the built server (`node dist/apps/api/main.js`) and resolves once /api/health says it is up. */
export async function startServer(port: number): Promise<RunningServer> {
  const serverScript = join(workspaceRoot, 'dist/apps/api/main.js');
  if (!existsSync(serverScript)) {
    throw new Error(`${serverScript} is missing: build first with \`npx nx run-many -t build -p api web\`.`);
  }
  await ensurePortIsFree(port);

  const usesEmbeddedDatabase = !process.env['DATABASE_URL'];
  const logFd = openSync(serverLogFile, 'w');
  // The journeys sign in with the demo accounts: the embedded database always has them, and
  // `--demo` asks for them on a database server too.
  const child = spawn(process.execPath, [serverScript, 'serve', ...(usesEmbeddedDatabase ? [] : ['--demo'])], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: serverDataDir,
      ...(usesEmbeddedDatabase ? { EMBEDDED_POSTGRES_PORT: String(embeddedPostgresPort) } : {}),
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);

  const server: RunningServer = { child, baseUrl: `http://localhost:${port}`, usesEmbeddedDatabase };
  try {
    await waitUntilHealthy(server);
  } catch (error) {
    // Never leave a half-started server (and its database) behind.
    await stopProcess(child).catch(() => undefined);
    throw error;
  }
  return server;
}

/** Stops the server as an operator would, with SIGTERM, and insists that it stops cleanly. */
export async function stopServer(server: RunningServer): Promise<void> {
  if (hasExited(server.child)) {
    throw new Error(`The server exited during the journeys (${describeExit(server.child)}).${serverOutput()}`);
  }
  await stopProcess(server.child);
  if (server.child.exitCode !== 0) {
    throw new Error(`The server stopped with ${describeExit(server.child)} after SIGTERM.${serverOutput()}`);
  }
  const postmasterPid = join(serverDataDir, 'postgres/postmaster.pid');
  if (server.usesEmbeddedDatabase && existsSync(postmasterPid)) {
    throw new Error(`The server exited but left its embedded PostgreSQL running (${postmasterPid}).${serverOutput()}`);
  }
}

/** The server's output so far, to explain a failure. */
function serverOutput(): string {
  const output = existsSync(serverLogFile) ? readFileSync(serverLogFile, 'utf8') : '(no output)';
  return `\n\nServer output (${serverLogFile}):\n${output}`;
}

async function waitUntilHealthy(server: RunningServer): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(server.child)) {
      throw new Error(`The server exited before it was ready (${describeExit(server.child)}).${serverOutput()}`);
    }
    const response = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) }).catch(
      () => null,
    );
    if (response?.status === 200) {
      return;
    }
    await delay(250);
  }
  throw new Error(`The server did not answer /api/health within ${startTimeoutMs / 1000} s.${serverOutput()}`);
}

/** SIGTERM, then SIGKILL if the process has not gone after the grace period (which is then an error). */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (hasExited(child)) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // The grace timer is cancelled once the server has gone, so that it does not hold Jest open.
  const graceTimer = new AbortController();
  const stoppedInTime = await Promise.race([
    exited.then(() => true),
    delay(stopTimeoutMs, false, { signal: graceTimer.signal }).catch(() => true),
  ]);
  graceTimer.abort();
  if (!stoppedInTime) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(
      `The server did not stop within ${stopTimeoutMs / 1000} s of SIGTERM and was killed; ` +
        `its embedded PostgreSQL under ${serverDataDir} may still be running.${serverOutput()}`,
    );
  }
}

async function ensurePortIsFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new Error(`Port ${port} is already in use; stop what is using it or set E2E_PORT to another port.`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `exit code ${String(child.exitCode)}`;
}
