import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

import { testDatabaseUrl, workspaceRoot } from './test-app';

/** A PostgreSQL server that the machine's pg_dump and pg_restore can work with. */
export interface DumpableServer {
  /** A URL of the server, with `{database}` where the database name goes. */
  urlFor(database: string): string;
  close(): Promise<void>;
}

interface FoundTool {
  program: string;
  major: number;
}

/**
 * The test database's server when the machine's pg_dump can dump it; otherwise (an embedded
 * server newer than the installed client programs) a throwaway cluster run by the same
 * installation's own server programs.
 */
export async function dumpableServer(): Promise<DumpableServer> {
  const pgDump = JSON.parse(
    execFileSync(process.execPath, [resolve(workspaceRoot, 'tools/scripts/postgres-tools.mjs'), 'pg_dump'], {
      encoding: 'utf8',
    }),
  ) as FoundTool | null;
  if (!pgDump) {
    throw new Error('pg_dump was not found: install PostgreSQL client programs, or set PG_BIN_DIR');
  }
  const testUrl = new URL(testDatabaseUrl());
  if ((await serverMajor(testUrl.toString())) <= pgDump.major) {
    return { urlFor: (database) => withDatabase(testUrl, database), close: async () => undefined };
  }
  return startThrowawayCluster(dirname(pgDump.program));
}

async function serverMajor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

function withDatabase(url: URL, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
}

async function startThrowawayCluster(binDir: string): Promise<DumpableServer> {
  const [initdb, pgCtl] = ['initdb', 'pg_ctl'].map((name) => join(binDir, name));
  if (!existsSync(initdb) || !existsSync(pgCtl)) {
    throw new Error(
      `The test database's server is newer than the pg_dump in ${binDir}, which has no server programs to ` +
        'start one of its own version: run the tests with DATABASE_URL on a server that pg_dump can dump.',
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'portfolio-backup-test-'));
  // PostgreSQL refuses to run as root; the embedded server's OS user runs this one too.
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (owner) {
    await chown(dataDir, owner.uid, owner.gid);
  }
  const port = 5492;
  const run = (program: string, args: string[]) =>
    execFileSync(program, args, { ...owner, cwd: dataDir, stdio: ['ignore', 'ignore', 'pipe'] });
  run(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off`;
  run(pgCtl, ['start', '-D', dataDir, '-w', '-s', '-l', join(dataDir, 'server.log'), '-o', serverOptions]);
  return {
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    close: async () => {
      run(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-s']);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
