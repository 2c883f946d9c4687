import { randomBytes } from 'node:crypto';

import { SecretBox, SecretBoxError, keyIdOf } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const owner = 'user_authenticator:1b4e28ba-2fa1-11d2-883f-0016d3cca427';

  /** The value with one byte of its `index`-th part changed. */
  function withPartAltered(sealed: string, index: number): string {
    const parts = sealed.split('.');
    const bytes = Buffer.from(parts[index] ?? '', 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    parts[index] = bytes.toString('base64url');
    return parts.join('.');
  }

  it('seals as v1.<key id>.<iv>.<tag>.<ciphertext> and opens it again', () => {
    const sealed = box.seal(secret, owner);
    expect(sealed).toMatch(/^v1\.[\w-]{8}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed.split('.')[1]).toBe(keyIdOf(key));
    expect(sealed).not.toContain(secret);
    expect(box.open(sealed, owner)).toBe(secret);
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(SecretBox.isSealed(secret)).toBe(false);
    expect(box.isSealedWithCurrentKey(sealed)).toBe(true);
  });

  it('uses a fresh IV each time, so the same secret never seals to the same value', () => {
    const first = box.seal(secret, owner);
    const second = box.seal(secret, owner);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
  });

  it('refuses a value whose ciphertext, tag or IV was altered', () => {
    const sealed = box.seal(secret, owner);
    for (const part of [2, 3, 4]) {
      expect(() => box.open(withPartAltered(sealed, part), owner)).toThrow(SecretBoxError);
    }
    expect(() => box.open(`${sealed}A`, owner)).toThrow(SecretBoxError);
  });

  it('refuses a value sealed for another record (a secret copied to another user)', () => {
    const sealed = box.seal(secret, owner);
    expect(() => box.open(sealed, 'user_authenticator:another-user')).toThrow(/altered, or belongs to another record/);
  });

  it('refuses a value sealed with another key', () => {
    const sealed = new SecretBox(randomBytes(32)).seal(secret, owner);
    expect(() => box.open(sealed, owner)).toThrow(/key that is not configured/);
    // Even were the key id forged to name this box's key, the other key's ciphertext does not open.
    const forged = sealed.split('.');
    forged[1] = keyIdOf(key);
    expect(() => box.open(forged.join('.'), owner)).toThrow(SecretBoxError);
  });

  it('opens values sealed with the previous key, and seals new ones with the current key', () => {
    const oldValue = box.seal(secret, owner);
    const rotated = new SecretBox(randomBytes(32), key);
    expect(rotated.open(oldValue, owner)).toBe(secret);
    expect(rotated.isSealedWithCurrentKey(oldValue)).toBe(false);
    const newValue = rotated.seal(secret, owner);
    expect(rotated.isSealedWithCurrentKey(newValue)).toBe(true);
    expect(() => box.open(newValue, owner)).toThrow(SecretBoxError);
  });

  it('refuses malformed values and keys of the wrong length', () => {
    for (const value of [secret, 'v1', 'v1.a.b.c', 'v2.a.b.c.d', `v1.${keyIdOf(key)}.short.tag.text`]) {
      expect(() => box.open(value, owner)).toThrow(SecretBoxError);
    }
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes, not 16/);
    expect(() => new SecretBox(randomBytes(32), randomBytes(31))).toThrow(/32 bytes, not 31/);
  });
});
