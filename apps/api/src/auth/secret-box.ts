import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const version = 'v1';
const algorithm = 'aes-256-gcm';
const ivBytes = 12;
const tagBytes = 16;
const keyBytes = 32;

export class SecretBoxError extends Error {}

/** A short name for a key, stored beside what it sealed; derived one-way, so it reveals nothing of the key. */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('secret-box key id').digest().subarray(0, 6).toString('base64url');
}

/**
 * Encrypts short secrets for storage with AES-256-GCM, as
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The associated data names what the secret
 * belongs to, so a value copied to another record does not open there. Values sealed with the
 * previous key still open, for a key rotation.
 */
export class SecretBox {
  private readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(
    private readonly currentKey: Buffer,
    previousKey: Buffer | null = null,
  ) {
    for (const key of [currentKey, previousKey]) {
      if (key && key.length !== keyBytes) {
        throw new SecretBoxError(`An encryption key must be ${keyBytes} bytes, not ${key.length}.`);
      }
    }
    this.currentKeyId = keyIdOf(currentKey);
    this.keys = new Map([
      ...(previousKey ? [[keyIdOf(previousKey), previousKey] as const] : []),
      [this.currentKeyId, currentKey],
    ]);
  }

  /** Whether a stored value is in this box's format at all (base32 secrets stored before it never contain a dot). */
  static isSealed(value: string): boolean {
    return value.startsWith(`${version}.`);
  }

  /** Whether a sealed value needs sealing again: it was sealed with a key other than the current one. */
  isSealedWithCurrentKey(value: string): boolean {
    return value.startsWith(`${version}.${this.currentKeyId}.`);
  }

  seal(plaintext: string, associatedData: string): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv(algorithm, this.currentKey, iv, { authTagLength: tagBytes });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      version,
      this.currentKeyId,
      ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')),
    ].join('.');
  }

  /** The plaintext of a sealed value; throws SecretBoxError when it is malformed, altered, or sealed for other data or with an unknown key. */
  open(sealed: string, associatedData: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== version) {
      throw new SecretBoxError(`A stored secret is not in the ${version} format.`);
    }
    const [, keyId = '', ivText = '', tagText = '', ciphertextText = ''] = parts;
    const key = this.keys.get(keyId);
    if (!key) {
      throw new SecretBoxError(`A stored secret was encrypted with a key that is not configured (key id ${keyId}).`);
    }
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== ivBytes || tag.length !== tagBytes) {
      throw new SecretBoxError('A stored secret is malformed.');
    }
    try {
      const decipher = createDecipheriv(algorithm, key, iv, { authTagLength: tagBytes });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretBoxError('A stored secret did not decrypt: it was altered, or belongs to another record.');
    }
  }
}
