// The start-up check CI runs: `npm start` with no DATABASE_URL comes up on the embedded
// PostgreSQL, serves the health check, the MLCF and the web app, survives being killed
// (the next start deals with the server it left behind), and shuts down cleanly.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { workspaceRoot } from './nx.mjs';

const port = Number(process.env.SMOKE_PORT ?? 3210);
const dataDir = join(workspaceRoot, '.data/smoke');
const base = `http://127.0.0.1:${port}`;
const environment = { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '5496' };
delete environment.DATABASE_URL;

function fail(message, output = '') {
  console.error(`Start-up check failed: ${message}\n${output}`);
  process.exit(1);
}

function startServer() {
  const child = spawn('npm', ['start'], { cwd: workspaceRoot, env: environment, detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitForHealth(server, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) fail(`npm start exited with ${server.child.exitCode}`, server.output());
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.status === 200) return response.json();
    } catch {
      // not listening yet
    }
    await delay(500);
  }
  fail('the server did not answer /api/health in time', server.output());
}

function postgresPid() {
  const pidFile = join(dataDir, 'postgres/postmaster.pid');
  return existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : null;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function checkServes() {
  const health = await (await fetch(`${base}/api/health`)).json();
  if (health.status !== 'ok' || health.database !== 'up') fail(`health said ${JSON.stringify(health)}`);
  const mlcf = await (await fetch(`${base}/api/frameworks/mlcf`)).json();
  const elements = mlcf.domains.flatMap((domain) => domain.elements);
  if (mlcf.stages.length !== 4 || mlcf.domains.length !== 7 || elements.length !== 28) {
    fail(`MLCF has ${mlcf.stages.length} stages, ${mlcf.domains.length} domains, ${elements.length} elements`);
  }
  const home = await fetch(`${base}/frameworks/mlcf`);
  if (!home.ok || !(await home.text()).includes('<app-root')) fail('the web app is not served');
  console.log('  serves /api/health, /api/frameworks/mlcf (4 stages, 7 domains, 28 elements) and the web app');
}

rmSync(dataDir, { recursive: true, force: true });

console.log('Start on a fresh embedded database');
let server = startServer();
await waitForHealth(server);
await checkServes();

console.log('Kill the server outright, then start again');
const leftOver = postgresPid();
process.kill(-server.child.pid, 'SIGKILL');
await delay(500);
if (!leftOver || !isAlive(leftOver)) fail('expected the embedded PostgreSQL to outlive its killed owner');
server = startServer();
await waitForHealth(server);
await checkServes();
if (isAlive(leftOver) && postgresPid() === leftOver) fail('the left-over PostgreSQL was not dealt with');

console.log('Stop with SIGTERM');
const running = postgresPid();
process.kill(-server.child.pid, 'SIGTERM');
const exitCode = await new Promise((resolve) => server.child.once('exit', (code) => resolve(code)));
await delay(500);
if (running && isAlive(running))
  fail(`PostgreSQL (pid ${running}) still runs after the server stopped`, server.output());
console.log(`  stopped cleanly (exit ${exitCode}), embedded PostgreSQL stopped too`);
rmSync(dataDir, { recursive: true, force: true });
