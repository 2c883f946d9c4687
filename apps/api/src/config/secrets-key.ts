import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { AppConfig } from './app-config';

export const secretsKeyBytes = 32;

/** Where a development install keeps the key it made for itself, inside DATA_DIR. */
export const developmentKeyFileName = 'secrets.key';

/** 32 bytes written as 64 hex digits or as base64 (standard or URL-safe, padding optional); null otherwise. */
export function parseSecretsKey(value: string): Buffer | null {
  const text = value.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) {
    return Buffer.from(text, 'hex');
  }
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, ''), 'base64url');
    return bytes.length === secretsKeyBytes ? bytes : null;
  }
  return null;
}

export interface SecretsKeys {
  key: Buffer;
  previousKey: Buffer | null;
}

/**
 * The keys that encrypt secrets at rest: SECRETS_KEY (required in production), or else a key made
 * once for this install and kept in DATA_DIR, so a first `npm start` needs no set-up.
 */
export function resolveSecretsKeys(config: AppConfig, log: (message: string) => void): SecretsKeys {
  if (config.secrets.key) {
    return { key: config.secrets.key, previousKey: config.secrets.previousKey };
  }
  if (config.nodeEnv === 'production') {
    // loadAppConfig refuses this already; kept so that no other path can reach a key file in production.
    throw new Error('SECRETS_KEY is required when NODE_ENV=production.');
  }
  const { key, file, created } = developmentSecretsKey(config.dataDir);
  if (created) {
    log(`Made a key to encrypt authenticator secrets in ${file}; set SECRETS_KEY instead in production.`);
  }
  return { key, previousKey: config.secrets.previousKey };
}

/** Reads DATA_DIR's key file, making it (mode 0600) if there is none. */
export function developmentSecretsKey(dataDir: string): { key: Buffer; file: string; created: boolean } {
  const file = join(dataDir, developmentKeyFileName);
  let created = false;
  mkdirSync(dataDir, { recursive: true });
  try {
    statSync(file);
  } catch {
    // Written aside, then linked into place: two servers starting at once end up with the same key.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, `${randomBytes(secretsKeyBytes).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(draft, file);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
  }
  const key = parseSecretsKey(readFileSync(file, 'utf8'));
  if (!key) {
    throw new Error(
      `${file} does not hold a 32-byte key (base64 or hex). Restore it, or set SECRETS_KEY to the key ` +
        'the authenticator secrets were encrypted with.',
    );
  }
  return { key, file, created };
}
