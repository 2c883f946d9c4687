import type { Permission, Role } from './permissions';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** The signed-in user, as `GET /api/auth/me` and a successful sign-in answer. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
}

/** Cookie and header of the CSRF double submit; Angular's HttpClient uses these names by default. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
export const SESSION_COOKIE = 'portfolio_session';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Roles whose accounts must sign in with an authenticator app as well as a password. */
export const mfaRequiredRoles: readonly Role[] = ['supervisor', 'deanery_admin', 'admin'];

export function mfaRequiredFor(userRoles: readonly Role[]): boolean {
  return userRoles.some((role) => mfaRequiredRoles.includes(role));
}

/** Cookie of the half-way state between a right password and the second step; it opens no session. */
export const SIGN_IN_STEP_COOKIE = 'portfolio_sign_in';

/** What a right password leads to when the account needs a second step. */
export type SignInNextStep = 'authenticator-code' | 'authenticator-enrolment';

export interface SecondStepRequired {
  nextStep: SignInNextStep;
  /** When the half-way state ends and the password must be entered again (ISO 8601). */
  expiresAt: string;
}

/** `POST /api/auth/login` answers the signed-in user, or the step still needed. */
export type LoginResponse = CurrentUser | SecondStepRequired;

export function needsSecondStep(response: LoginResponse): response is SecondStepRequired {
  return 'nextStep' in response;
}

export const AUTHENTICATOR_CODE_PATTERN = /^[0-9]{6}$/;
export const RECOVERY_CODE_COUNT = 10;

/**
 * A code from the authenticator app, or one of the account's recovery codes (exactly one of
 * the two): the second step of signing in, and the proof asked for before changing the setup.
 */
export interface SecondFactorRequest {
  code?: string;
  recoveryCode?: string;
}

/** `POST /api/auth/mfa/enrolment`: a new secret, kept pending until a code from it is confirmed. */
export interface AuthenticatorEnrolment {
  /** Base32, for typing into an app that cannot scan the QR code. */
  secret: string;
  issuer: string;
  accountName: string;
  /** The otpauth:// URI the QR code holds. */
  otpauthUri: string;
  /** The QR code as an SVG image in a data: URI. */
  qrCodeImage: string;
}

export interface AuthenticatorConfirmation {
  code: string;
}

/** Shown once: only their hashes are kept. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

/** Enrolment confirmed: the recovery codes, and the user, now fully signed in. */
export interface AuthenticatorEnabled extends RecoveryCodes {
  user: CurrentUser;
}

export interface AuthenticatorStatus {
  enabled: boolean;
  /** The account's roles need it, so it cannot be turned off. */
  required: boolean;
  enabledAt: string | null;
  recoveryCodesRemaining: number;
}
