import type { SignInNextStep } from '@portfolio/contracts';

export const AUTHENTICATOR_CODE_PATH = '/sign-in/code';
export const RECOVERY_CODE_PATH = '/sign-in/recovery-code';
export const SET_UP_AUTHENTICATOR_PATH = '/set-up-authenticator';
export const AUTHENTICATOR_ACCOUNT_PATH = '/account/authenticator';

/** Where a right password leads when the account needs a second step. */
export const SECOND_STEP_PATHS: Record<SignInNextStep, string> = {
  'authenticator-code': AUTHENTICATOR_CODE_PATH,
  'authenticator-enrolment': SET_UP_AUTHENTICATOR_PATH,
};

/** Back to the password when the half-way state has ended, keeping where the user was going. */
export function signInAgainQuery(returnUrl: string): { returnUrl: string; timedOut: 1 } {
  return { returnUrl, timedOut: 1 };
}
