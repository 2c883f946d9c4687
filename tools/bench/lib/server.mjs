// Starting and stopping the production build for a benchmark, and signing in to it.
import { execFileSync, spawn } from 'node:child_process';
import { createDecipheriv } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';

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

/**
 * The SECRETS_KEY the benchmark's server encrypts authenticator secrets with. The benchmark's data
 * is made up and its password published, so its key is too: a run reads the secrets earlier runs set up.
 */
const benchSecretsKey = 'N7+9NeoJ2jfHpYpRGJRLqS7NOJRGVYb4Gu4G/x1eFVc=';

/** The built API (`<distDir>/api/main.js`) on a free port against `connectionString`. */
export async function startApi(distDir, connectionString) {
  const port = await freePort();
  const logFile = join(os.tmpdir(), 'portfolio-bench-api.log');
  const output = createWriteStream(logFile);
  // BENCH_API_NODE_ARGS passes flags to the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profile`
  // to see where its time goes under a benchmark's load.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(distDir, 'api/main.js')], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      DATABASE_URL: connectionString,
      PORT: String(port),
      NODE_ENV: 'production',
      SECRETS_KEY: benchSecretsKey,
    },
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

/**
 * Signs in and answers the session: its cookies as one header, the raw token, and the user.
 * Accounts that sign in with an authenticator app (supervisors, deanery staff, administrators)
 * go through the second step with a code made from the secret in the database, or set one up.
 */
export async function signIn(base, email, connectionString = process.env.DATABASE_URL) {
  const login = await post(base, '/api/auth/login', { email, password: benchPassword });
  let final = login;
  const { nextStep } = login.body;
  if (nextStep === 'authenticator-code') {
    final = await post(base, '/api/auth/login/second-factor', { code: await nextCode(connectionString, email) }, login);
  } else if (nextStep === 'authenticator-enrolment') {
    const enrolment = await post(base, '/api/auth/mfa/enrolment', {}, login);
    const code = totp(enrolment.body.secret).generate();
    final = await post(base, '/api/auth/mfa/enrolment/confirmation', { code }, login);
  }
  const cookies = final.cookies;
  const valueOf = (name) => cookies.findLast((cookie) => cookie.startsWith(`${name}=`))?.split('=')[1];
  const cookie = [...new Map(cookies.map((each) => [each.split('=')[0], each])).values()].join('; ');
  // Setting up an app answers recovery codes, not the user: ask who the session is.
  const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
  if (!me.ok) throw new Error(`/api/auth/me answered ${me.status} after signing in as ${email}`);
  return {
    cookie,
    token: valueOf('portfolio_session'),
    // Echoed in the X-XSRF-TOKEN header of writes, as the web app does.
    csrfToken: valueOf('XSRF-TOKEN'),
    user: await me.json(),
  };
}

/** A JSON POST carrying on from `previous` (its cookies, and its CSRF token echoed). */
async function post(base, path, body, previous) {
  const headers = { 'content-type': 'application/json' };
  if (previous) {
    headers.cookie = previous.cookies.join('; ');
    headers['X-XSRF-TOKEN'] = previous.cookies.findLast((cookie) => cookie.startsWith('XSRF-TOKEN='))?.split('=')[1];
  }
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  const cookies = [
    ...(previous?.cookies ?? []),
    ...response.headers.getSetCookie().map((header) => header.split(';')[0]),
  ];
  return { cookies, body: await response.json() };
}

const totp = (secret) => new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/**
 * The base32 secret in a stored value, `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), sealed
 * with AES-256-GCM for its account as apps/api/src/auth/secret-box.ts does.
 */
function openSecret(stored, userId) {
  // A value from before encryption, which the server encrypts at its next start.
  if (!stored.startsWith('v1.')) return stored;
  const [, , iv, tag, ciphertext] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(benchSecretsKey, 'base64'), iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(`user_authenticator:${userId}`, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/** A code the server has not yet accepted: it refuses a time-step twice, so wait for the next if need be. */
async function nextCode(connectionString, email) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const {
      rows: [row],
    } = await client.query(
      `SELECT a.user_id, a.secret, a.last_used_step FROM user_authenticator a JOIN app_user u ON u.id = a.user_id
        WHERE lower(u.email) = lower($1) AND a.enabled_at IS NOT NULL`,
      [email],
    );
    if (!row) throw new Error(`${email} has no authenticator app set up`);
    const secret = openSecret(row.secret, row.user_id);
    const lastUsed = row.last_used_step === null ? -1 : Number(row.last_used_step);
    for (;;) {
      const step = Math.floor(Date.now() / 30_000);
      if (step > lastUsed) return totp(secret).generate({ timestamp: step * 30_000 });
      await delay(1000);
    }
  } finally {
    await client.end();
  }
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
