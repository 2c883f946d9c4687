// Starting and stopping the production build for a benchmark, and signing in to it.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { workspaceRoot } from '../../scripts/nx.mjs';
import { benchPassword } from './bench-accounts.mjs';

export async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

export async function waitFor(url, child, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
}

/** The built API (`<distDir>/api/main.js`) on a free port against `connectionString`. */
export async function startApi(distDir, connectionString) {
  const port = await freePort();
  const logFile = join(os.tmpdir(), 'portfolio-bench-api.log');
  const output = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(distDir, 'api/main.js')], {
    cwd: workspaceRoot,
    env: { ...process.env, DATABASE_URL: connectionString, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, child, 180_000, logFile);
  return { child, base, logFile };
}

export async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await Promise.race([exited, delay(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Signs in and answers the session: its cookies as one header, the raw token, and the user. */
export async function signIn(base, email) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: benchPassword }),
  });
  if (!response.ok) throw new Error(`signing in as ${email} answered ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((header) => header.split(';')[0]);
  const valueOf = (name) => cookies.find((cookie) => cookie.startsWith(`${name}=`))?.split('=')[1];
  return {
    cookie: cookies.join('; '),
    token: valueOf('portfolio_session'),
    // Echoed in the X-XSRF-TOKEN header of writes, as the web app does.
    csrfToken: valueOf('XSRF-TOKEN'),
    user: await response.json(),
  };
}

export function gitState() {
  const git = (...args) => execFileSync('git', args, { cwd: workspaceRoot, encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain').length > 0 };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

export function machine() {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  };
}
