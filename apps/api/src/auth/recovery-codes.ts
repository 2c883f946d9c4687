import { createHash, randomInt } from 'node:crypto';

import { RECOVERY_CODE_COUNT } from '@portfolio/contracts';

// No 0/o or 1/l, which read alike: 32 characters, 5 bits each.
const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
const groups = 3;
const groupLength = 5;

/** 75 random bits each, shown as `abcde-fghij-kmnpq`: too many to guess even from a leaked hash. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const characters = Array.from({ length: groups * groupLength }, () => alphabet[randomInt(alphabet.length)]);
    const grouped = Array.from({ length: groups }, (_, index) =>
      characters.slice(index * groupLength, (index + 1) * groupLength).join(''),
    );
    codes.add(grouped.join('-'));
  }
  return [...codes];
}

/** As typed: any case, with or without the hyphens and spaces. */
export function normaliseRecoveryCode(typed: string): string | null {
  const compacted = compact(typed);
  return compacted.length === groups * groupLength && [...compacted].every((character) => alphabet.includes(character))
    ? compacted
    : null;
}

/** The hash kept of a code, the same however it was typed. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(compact(code)).digest('hex');
}

function compact(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}
