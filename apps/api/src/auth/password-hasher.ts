import argon2 from 'argon2';

// OWASP's argon2id baseline: 19 MiB of memory, two passes.
const hashOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Checked when no account matches, so a wrong email costs as long as a wrong password. */
let decoyHash: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoyHash ??= argon2.hash('decoy password never used', hashOptions);
  await verifyPassword(await decoyHash, password);
}
