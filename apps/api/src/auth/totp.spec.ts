import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';
import { codeForTimeStep, matchingTimeStep, newAuthenticatorSecret, timeStepAt } from './totp';

// RFC 6238 appendix B's SHA-1 secret, "12345678901234567890", in base32.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes', () => {
  it('matches the RFC 6238 test vectors (their last 6 digits)', () => {
    expect(codeForTimeStep(rfcSecret, timeStepAt(59_000))).toBe('287082');
    expect(codeForTimeStep(rfcSecret, timeStepAt(1_111_111_109_000))).toBe('081804');
    expect(codeForTimeStep(rfcSecret, timeStepAt(2_000_000_000_000))).toBe('279037');
  });

  it('accepts a code one step either side of now, and no further', () => {
    const now = 1_700_000_000_000;
    const step = timeStepAt(now);
    expect(matchingTimeStep(rfcSecret, codeForTimeStep(rfcSecret, step), now)).toBe(step);
    expect(matchingTimeStep(rfcSecret, codeForTimeStep(rfcSecret, step - 1), now)).toBe(step - 1);
    expect(matchingTimeStep(rfcSecret, codeForTimeStep(rfcSecret, step + 1), now)).toBe(step + 1);
    expect(matchingTimeStep(rfcSecret, codeForTimeStep(rfcSecret, step - 2), now)).toBeNull();
  });

  it('makes 160-bit base32 secrets, different each time', () => {
    const secret = newAuthenticatorSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newAuthenticatorSecret()).not.toBe(secret);
  });
});

describe('recovery codes', () => {
  it('makes ten different codes of three groups of five unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    codes.forEach((code) => expect(code).toMatch(/^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){2}$/));
  });

  it('reads a code however it is typed, and refuses what cannot be one', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghij kmnpq ')).toBe('abcdefghijkmnpq');
    expect(normaliseRecoveryCode('abcde-fghij-kmnp0')).toBeNull();
    expect(normaliseRecoveryCode('abcde-fghij')).toBeNull();
    expect(hashRecoveryCode('abcde-fghij-kmnpq')).toBe(hashRecoveryCode('ABCDEFGHIJKMNPQ'));
  });
});
