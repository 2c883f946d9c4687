import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import * as OTPAuth from 'otpauth';
import { Client } from 'pg';

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
function withLedgerLock<T>(work: () => T | Promise<T>): Promise<T> {
  return withLockFile(lockFile, 10_000, work);
}

/**
 * Runs a sign-in as `account` while no other journey signs in as it: the server keeps one
 * half-way sign-in per account, so a second one started meanwhile would end the first.
 */
export function whileSigningIn<T>(account: string, work: () => Promise<T>): Promise<T> {
  return withLockFile(join(outputDir, `signing-in-${account.toLowerCase()}.lock`), 60_000, work);
}

async function withLockFile<T>(lockFile: string, waitMs: number, work: () => T | Promise<T>): Promise<T> {
  mkdirSync(outputDir, { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      break;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(`${lockFile} has been held for ${waitMs / 1000} s: remove it if no journeys are running.`);
      }
      await delay(20);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/** Per account: the last time-step handed out, and when (ms), so a rewind never races a code in flight. */
type Ledger = Record<string, { step: number; at: number }>;

function readLedger(): Ledger {
  try {
    return JSON.parse(readFileSync(ledgerFile, 'utf8')) as Ledger;
  } catch {
    return {};
  }
}

/** The database the journeys' server uses: DATABASE_URL's, or the embedded one it starts. */
function serverDatabaseUrl(): string {
  return process.env['DATABASE_URL'] ?? 'postgres://postgres:portfolio-local@127.0.0.1:5497/portfolio';
}

async function withServerDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A code for the account that neither the server nor any journey has used yet. The server's own
 * record is read (it outlives a run's ledger when the database is kept); the ledger the workers
 * share covers codes handed out whose sign-in has not reached the server yet.
 *
 * The server accepts each time-step once and never an earlier one, so an account signed in more
 * than twice in 30 s would wait for the next step. Journeys sign the demo accounts in far more
 * often than a person would, so when both current steps are used, the server's record of the
 * last step is moved back one, as if the sign-ins had been spread out. (The refusal of a replayed
 * code has its own API tests.)
 */
export async function unusedAuthenticatorCode(account: string, secret: string): Promise<string> {
  return withLedgerLock(() =>
    withServerDatabase(async (client) => {
      const ledger = readLedger();
      const handedOut = ledger[account];
      const { rows } = await client.query<{ last_used_step: string | null }>(
        `SELECT last_used_step FROM user_authenticator
          WHERE user_id = (SELECT id FROM app_user WHERE lower(email) = lower($1))`,
        [account],
      );
      const lastUsed = Math.max(Number(rows[0]?.last_used_step ?? -1), handedOut?.step ?? -1);
      const now = Math.floor(Date.now() / periodMs);
      let step = [now, now + 1].find((candidate) => candidate > lastUsed);
      if (step === undefined) {
        // Let a sign-in still on its way with the last code handed out land first.
        if (handedOut) await delay(Math.max(0, handedOut.at + 5_000 - Date.now()));
        await client.query(
          `UPDATE user_authenticator SET last_used_step = $2
            WHERE user_id = (SELECT id FROM app_user WHERE lower(email) = lower($1))`,
          [account, now - 1],
        );
        step = now;
      }
      writeFileSync(ledgerFile, JSON.stringify({ ...ledger, [account]: { step, at: Date.now() } }));
      return codeAt(secret, step);
    }),
  );
}

/** The code an authenticator app shows now for a secret just set up in a journey. */
export function currentAuthenticatorCode(secret: string): string {
  return codeAt(secret, Math.floor(Date.now() / periodMs));
}
