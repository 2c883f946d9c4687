import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import * as OTPAuth from 'otpauth';

import { outputDir } from './paths';

const periodMs = 30_000;
const ledgerFile = join(outputDir, 'authenticator-steps.json');
const lockFile = `${ledgerFile}.lock`;

function codeAt(secret: string, step: number): string {
  const totp = new OTPAuth.TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
  return totp.generate({ timestamp: step * periodMs });
}

/** Runs `work` while holding a lock file: journeys in two workers share the ledger. */
async function withLedgerLock<T>(work: () => T): Promise<T> {
  mkdirSync(outputDir, { recursive: true });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      break;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(`${lockFile} has been held for 10 s: remove it if no journeys are running.`);
      }
      await delay(20);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function readLedger(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(ledgerFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * A code for the account that no journey has used yet. The server accepts each time-step once
 * (a replayed code is refused), so the steps used are kept in a ledger the workers share. The
 * current step and the next stay valid for at least 30 s; when both are used, wait for the next.
 */
export async function unusedAuthenticatorCode(account: string, secret: string): Promise<string> {
  for (;;) {
    const code = await withLedgerLock(() => {
      const ledger = readLedger();
      const now = Math.floor(Date.now() / periodMs);
      const step = [now, now + 1].find((candidate) => candidate > (ledger[account] ?? -1));
      if (step === undefined) {
        return null;
      }
      writeFileSync(ledgerFile, JSON.stringify({ ...ledger, [account]: step }));
      return codeAt(secret, step);
    });
    if (code) {
      return code;
    }
    await delay(periodMs - (Date.now() % periodMs) + 50);
  }
}

/** The code an authenticator app shows now for a secret just set up in a journey. */
export function currentAuthenticatorCode(secret: string): string {
  return codeAt(secret, Math.floor(Date.now() / periodMs));
}
