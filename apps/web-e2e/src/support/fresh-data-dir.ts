import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { serverDataDir } from './paths';

/**
 * Empties the server's data folder. A run that was killed can leave its embedded PostgreSQL
 * running there, holding the port, so that one is stopped first.
 */
export async function emptyServerDataDir(): Promise<void> {
  const pidFile = join(serverDataDir, 'postgres/postmaster.pid');
  const leftOverPid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : null;
  if (leftOverPid !== null && isAlive(leftOverPid)) {
    // SIGINT is PostgreSQL's fast shutdown.
    process.kill(leftOverPid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (isAlive(leftOverPid)) {
      if (Date.now() > deadline) {
        throw new Error(
          `A PostgreSQL left running in ${serverDataDir} (pid ${leftOverPid}) did not stop; stop it by hand.`,
        );
      }
      await delay(100);
    }
  }
  rmSync(serverDataDir, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
