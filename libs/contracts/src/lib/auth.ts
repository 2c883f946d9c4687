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
