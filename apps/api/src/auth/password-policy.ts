import { dictionary } from '@zxcvbn-ts/language-common';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@portfolio/contracts';

// About 49,000 of the passwords most often found in breaches, from zxcvbn-ts.
const commonPasswords = new Set<string>(
  (dictionary['passwords-common'] as string[]).map((entry) => entry.toLowerCase()),
);

/**
 * NCSC and NIST advice: long, no composition rules, and not a known common password.
 * Answers the reason a password is refused, or null when it is acceptable.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  }
  if (commonPasswords.has(password.toLowerCase())) {
    return 'Password is one of the most common passwords; choose something less guessable';
  }
  return null;
}

export const commonPasswordCount = commonPasswords.size;
