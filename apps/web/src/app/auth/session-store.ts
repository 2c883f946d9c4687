import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type AuthenticatorEnabled,
  type ChangePasswordRequest,
  type CurrentUser,
  type LoginRequest,
  type LoginResponse,
  type Permission,
  type SecondFactorRequest,
  type SecondStepRequired,
  apiRoutes,
  needsSecondStep,
} from '@portfolio/contracts';

import { statusOf } from '../shared/api-errors';

export type SessionStatus = 'unknown' | 'loading' | 'signed-in' | 'signed-out';

/**
 * Who is signed in. Asked of the API once, when the app starts; after that it changes only
 * by signing in or out, changing the password, or the API saying the session has ended.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);

  private readonly currentUser = signal<CurrentUser | null>(null);
  private readonly sessionStatus = signal<SessionStatus>('unknown');
  private firstLoad: Promise<void> | null = null;

  readonly user = this.currentUser.asReadonly();
  readonly status = this.sessionStatus.asReadonly();
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  /** True until the API has said whether anyone is signed in. */
  readonly loading = computed(() => this.sessionStatus() === 'unknown' || this.sessionStatus() === 'loading');
  private readonly permissions = computed(() => new Set(this.currentUser()?.permissions ?? []));

  /** Read in a template or computed, this follows the session as it changes. */
  hasPermission(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  /**
   * Asks the API who is signed in, once; later calls wait for that answer. A 401 means nobody
   * is, which is not an error. If the API cannot be reached the visitor is treated as signed
   * out, so public pages still work.
   */
  ensureLoaded(): Promise<void> {
    this.firstLoad ??= this.loadCurrentUser();
    return this.firstLoad;
  }

  /**
   * The password step. It signs in, or (for an account with an authenticator app, or whose role
   * needs one) answers the step still to do: until then nobody is signed in.
   */
  async signIn(credentials: LoginRequest): Promise<CurrentUser | SecondStepRequired> {
    const answer = await firstValueFrom(this.http.post<LoginResponse>(apiRoutes.login, credentials));
    if (needsSecondStep(answer)) {
      this.clear();
      return answer;
    }
    this.startSession(answer);
    return answer;
  }

  /** The second step: a code from the authenticator app, or a recovery code. */
  async completeSignIn(secondFactor: SecondFactorRequest): Promise<CurrentUser> {
    const user = await firstValueFrom(this.http.post<CurrentUser>(apiRoutes.loginSecondFactor, secondFactor));
    this.startSession(user);
    return user;
  }

  /** Confirms a new authenticator app; a sign-in that was waiting for it is now signed in. */
  async confirmAuthenticator(code: string): Promise<AuthenticatorEnabled> {
    const enabled = await firstValueFrom(
      this.http.post<AuthenticatorEnabled>(apiRoutes.authenticatorConfirmation, { code }),
    );
    this.startSession(enabled.user);
    return enabled;
  }

  /** Ends the session; one the API has already ended (401) is just as signed out. */
  async signOut(): Promise<void> {
    // Signed-in content closes first, so none of its requests is still waiting when the session ends.
    const user = this.currentUser();
    this.currentUser.set(null);
    try {
      await firstValueFrom(this.http.post<void>(apiRoutes.logout, null));
    } catch (error: unknown) {
      if (statusOf(error) !== 401) {
        this.currentUser.set(user);
        throw error;
      }
    }
    this.clear();
  }

  /** The API ends every session of the account when its password changes, this one included. */
  async changePassword(request: ChangePasswordRequest): Promise<void> {
    await firstValueFrom(this.http.put<void>(apiRoutes.changePassword, request));
    this.clear();
  }

  /** Forgets the user, for example when the API says the session has expired. */
  clear(): void {
    this.currentUser.set(null);
    this.sessionStatus.set('signed-out');
  }

  private startSession(user: CurrentUser): void {
    this.currentUser.set(user);
    this.sessionStatus.set('signed-in');
  }

  private async loadCurrentUser(): Promise<void> {
    this.sessionStatus.set('loading');
    const user = await firstValueFrom(this.http.get<CurrentUser>(apiRoutes.me)).catch(() => null);
    // A sign-in that finished first knows better than the answer to the earlier question.
    if (this.sessionStatus() === 'loading') {
      if (user) {
        this.startSession(user);
      } else {
        this.clear();
      }
    }
  }
}
