// `npm run db:backup -- [--file path]` and `npm run db:restore -- --file path [--into url] [--force]`:
// custom-format pg_dump archives of DATABASE_URL, or of the embedded database while `npm start` runs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

import { ToolError, libpqEnvironment, requireTool } from './postgres-tools.mjs';

const embeddedPassword = 'portfolio-local';

/** DATABASE_URL, or the embedded database the server runs when it is unset. */
function defaultDatabaseUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const port = process.env.EMBEDDED_POSTGRES_PORT ?? '5488';
  return `postgres://postgres:${embeddedPassword}@127.0.0.1:${port}/portfolio`;
}

export function redactPassword(url) {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function options(args, allowed) {
  try {
    return parseArgs({ args, options: allowed, allowPositionals: false }).values;
  } catch (error) {
    throw new ToolError(error.message);
  }
}

async function withClient(databaseUrl, work) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    if (error.code === '3D000') throw error;
    const hint = process.env.DATABASE_URL
      ? ''
      : ' The embedded database answers only while the server runs: start it (npm start), or set DATABASE_URL.';
    throw new ToolError(`Cannot reach the database at ${redactPassword(databaseUrl)}: ${error.message}.${hint}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function serverMajorVersion(client) {
  const { rows } = await client.query('SHOW server_version_num');
  return Math.floor(Number(rows[0].server_version_num) / 10_000);
}

/** Tables, views and sequences outside PostgreSQL's own schemas. */
async function userRelationCount(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`,
  );
  return rows[0].count;
}

function runTool(program, args, databaseUrl) {
  try {
    execFileSync(program, args, { env: libpqEnvironment(databaseUrl), stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    throw new ToolError(`${program} failed (exit ${error.status ?? 'unknown'}); see its message above.`);
  }
}

function timestamp() {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export async function backup(args) {
  const { file } = options(args, { file: { type: 'string' } });
  const source = defaultDatabaseUrl();
  const target = resolve(file ?? `.data/backups/portfolio-${timestamp()}.dump`);
  const pgDump = await withClient(source, async (client) => requireTool('pg_dump', await serverMajorVersion(client)));
  await mkdir(dirname(target), { recursive: true });
  // Written beside the target and renamed at the end, so a failed dump never looks like a backup.
  const partial = `${target}.partial`;
  try {
    runTool(pgDump.program, ['--format=custom', '--no-password', `--file=${partial}`], source);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  const { size } = await stat(target);
  console.log(`Backed up ${redactPassword(source)} to ${target} (${Math.ceil(size / 1024)} KiB).`);
}

async function createDatabaseIfMissing(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  try {
    await withClient(databaseUrl, async () => undefined);
  } catch (error) {
    if (error.code !== '3D000') throw error;
    url.pathname = '/postgres';
    await withClient(url.toString(), (client) => client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`));
    console.log(`Created the database ${name}.`);
  }
}

export async function restore(args) {
  const { file, into, force } = options(args, {
    file: { type: 'string' },
    into: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  if (!file) throw new ToolError('Name the backup to restore: npm run db:restore -- --file path [--into url]');
  const archive = resolve(file);
  if (!existsSync(archive)) throw new ToolError(`There is no backup at ${archive}.`);
  const target = into ?? defaultDatabaseUrl();
  await createDatabaseIfMissing(target);
  const pgRestore = await withClient(target, async (client) => {
    const relations = await userRelationCount(client);
    if (relations > 0 && !force) {
      throw new ToolError(
        `${redactPassword(target)} is not empty (${relations} tables, views or sequences). ` +
          'Restore into an empty database, or add --force to replace what it holds.',
      );
    }
    return requireTool('pg_restore', await serverMajorVersion(client));
  });
  const database = decodeURIComponent(new URL(target).pathname.slice(1));
  runTool(
    pgRestore.program,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      // All or nothing: a failed restore leaves the database as it was.
      '--single-transaction',
      ...(force ? ['--clean', '--if-exists'] : []),
      '--no-password',
      `--dbname=${database}`,
      archive,
    ],
    target,
  );
  // pg_restore brings no planner statistics; without them the first queries plan badly.
  await withClient(target, (client) => client.query('ANALYZE'));
  console.log(`Restored ${archive} into ${redactPassword(target)}.`);
}

export async function runBackupCommand(command, args) {
  try {
    await (command === 'backup' ? backup(args) : restore(args));
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
