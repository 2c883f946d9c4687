import { randomBytes } from 'node:crypto';

import { SecretBox } from '../src/auth/secret-box';
import { parseSecretsKey } from '../src/config/secrets-key';

/**
 * The SECRETS_KEY of the test servers: made for the run by the jest global setup, or here for a
 * suite run without it (the fault suites).
 */
export function testSecretsKey(): string {
  process.env['TEST_SECRETS_KEY'] ??= randomBytes(32).toString('base64');
  return process.env['TEST_SECRETS_KEY'];
}

/** A box with the test servers' key, for tests that write or read stored secrets themselves. */
export function testSecretBox(): SecretBox {
  const key = parseSecretsKey(testSecretsKey());
  if (!key) {
    throw new Error('TEST_SECRETS_KEY is not a 32-byte key');
  }
  return new SecretBox(key);
}
