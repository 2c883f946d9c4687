import { BadRequestException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type CurrentUser,
  type SecondFactorRequest,
  type SignInNextStep,
  mfaRequiredFor,
  permissionsOf,
} from '@portfolio/contracts';

import { AuthenticatorRepository } from '../accounts/authenticator.repository';
import { UserRepository } from '../accounts/user.repository';
import { AuditService } from '../audit/audit.service';
import { AuthenticatorService } from './authenticator.service';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hasher';
import { passwordProblem } from './password-policy';
import { secondFactorProofOf } from './second-factor-proof';
import { type NewSession, SessionService, type SessionUser, hashToken } from './session.service';
import { type NewSignInStep, type PendingSignIn, SignInStepService } from './sign-in-step.service';
import { SignInThrottle } from './sign-in-throttle';

/** The one answer to every failed sign-in, so it reveals nothing about which part was wrong. */
export const SIGN_IN_FAILED = 'The email address or password is not right.';

export interface Client {
  ipAddress: string;
  userAgent: string | null;
}

/** An account whose password was right, and the email address it was typed as. */
export interface PasswordAccepted {
  id: string;
  email: string;
}

export type SignInOutcome =
  | { kind: 'signed-in'; session: NewSession; user: CurrentUser }
  | { kind: 'next-step'; nextStep: SignInNextStep; step: NewSignInStep };

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly signInSteps: SignInStepService,
    private readonly throttle: SignInThrottle,
    private readonly authenticators: AuthenticatorRepository,
    private readonly authenticatorService: AuthenticatorService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks credentials for the sign-in strategy; answers the account or throws 401 / 429. A right
   * password is not yet counted as a successful sign-in: that waits for the second step, if any,
   * so that a right password cannot reset the throttle on guessing codes.
   */
  async verifyCredentials(email: string, password: string, client: Client): Promise<PasswordAccepted> {
    const decision = await this.throttle.check(email, client.ipAddress);
    if (!decision.allowed) {
      await this.audit.record({
        actorId: null,
        action: 'auth.sign-in.throttled',
        entityType: 'account',
        entityId: email.slice(0, 320),
        ipAddress: client.ipAddress,
      });
      throw new HttpException(
        {
          statusCode: HttpStatus.TOO_MANY_REQUESTS,
          error: 'Too Many Requests',
          message: `Too many sign-in attempts. Wait ${decision.retryAfterSeconds} seconds and try again.`,
          retryAfterSeconds: decision.retryAfterSeconds,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const account = await this.users.findForSignIn(email);
    const passwordMatches =
      account?.passwordHash && !account.disabled
        ? await verifyPassword(account.passwordHash, password)
        : await verifyAgainstDecoy(password).then(() => false);
    if (!passwordMatches || !account) {
      await this.throttle.recordAttempt(email, client.ipAddress, false);
      await this.audit.record({
        actorId: null,
        action: 'auth.sign-in.failed',
        entityType: 'account',
        entityId: account?.id ?? email.slice(0, 320),
        ipAddress: client.ipAddress,
      });
      throw new UnauthorizedException(SIGN_IN_FAILED);
    }
    return { id: account.id, email };
  }

  /**
   * After a right password: a session, or the half-way state of the second step the account
   * needs (a code, or setting up an authenticator app when its role requires one). Any session
   * the browser already had ends, so signing in always starts a new one.
   */
  async beginSignIn(
    accepted: PasswordAccepted,
    client: Client,
    previousSessionToken: string | null,
  ): Promise<SignInOutcome> {
    if (previousSessionToken) {
      await this.sessions.end(hashToken(previousSessionToken));
    }
    const summary = await this.currentUserById(accepted.id);
    const nextStep: SignInNextStep | null = (await this.authenticators.isEnabled(accepted.id))
      ? 'authenticator-code'
      : mfaRequiredFor(summary.roles)
        ? 'authenticator-enrolment'
        : null;
    if (!nextStep) {
      await this.throttle.recordAttempt(accepted.email, client.ipAddress, true);
      return { kind: 'signed-in', session: await this.startSession(accepted.id, 'password', client), user: summary };
    }
    await this.audit.record({
      actorId: accepted.id,
      action: 'auth.sign-in.password-accepted',
      entityType: 'account',
      entityId: accepted.id,
      details: { nextStep },
      ipAddress: client.ipAddress,
    });
    return { kind: 'next-step', nextStep, step: await this.signInSteps.create(accepted.id, nextStep, client) };
  }

  /**
   * The second step: a code from the authenticator app or a recovery code. A wrong one counts
   * against the throttle and against this half-way state, which ends after a few.
   */
  async completeWithSecondFactor(
    pending: PendingSignIn,
    request: SecondFactorRequest,
    client: Client,
  ): Promise<{ session: NewSession; user: CurrentUser }> {
    const proof = secondFactorProofOf(request);
    try {
      await this.authenticatorService.checkProof({ userId: pending.userId, email: pending.email }, proof, client);
    } catch (error) {
      await this.signInSteps.recordFailedCode(pending.tokenHash);
      throw error;
    }
    return this.completeSignIn(pending, proof.kind, client);
  }

  /** Ends the half-way state and opens a session under a new token: the sign-in's token never becomes one. */
  async completeSignIn(
    pending: PendingSignIn,
    method: 'authenticator-code' | 'recovery-code' | 'authenticator-enrolment',
    client: Client,
  ): Promise<{ session: NewSession; user: CurrentUser }> {
    await this.signInSteps.end(pending.tokenHash);
    return {
      session: await this.startSession(pending.userId, method, client),
      user: await this.currentUserById(pending.userId),
    };
  }

  private async startSession(userId: string, method: string, client: Client): Promise<NewSession> {
    const session = await this.sessions.create(userId, client);
    await this.audit.record({
      actorId: userId,
      action: 'auth.sign-in.succeeded',
      entityType: 'account',
      entityId: userId,
      details: { method },
      ipAddress: client.ipAddress,
    });
    return session;
  }

  async signOut(user: SessionUser, client: Client): Promise<void> {
    await this.sessions.end(user.sessionTokenHash);
    await this.audit.record({
      actorId: user.id,
      action: 'auth.sign-out',
      entityType: 'account',
      entityId: user.id,
      ipAddress: client.ipAddress,
    });
  }

  /** Changes the password and ends every session of the account, this one included. */
  async changePassword(user: SessionUser, currentPassword: string, newPassword: string, client: Client): Promise<void> {
    const storedHash = await this.users.findPasswordHash(user.id);
    if (!storedHash || !(await verifyPassword(storedHash, currentPassword))) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The current password is not right',
        errors: [{ field: 'currentPassword', message: 'The current password is not right' }],
      });
    }
    const problem = passwordProblem(newPassword);
    if (problem) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problem,
        errors: [{ field: 'newPassword', message: problem }],
      });
    }
    const newHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPasswordHash(manager, user.id, newHash);
      await this.sessions.endAllForUser(user.id, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'account.password.changed',
          entityType: 'account',
          entityId: user.id,
          ipAddress: client.ipAddress,
        },
        manager,
      );
    });
  }

  currentUser(user: Pick<SessionUser, 'id' | 'email' | 'displayName' | 'roles'>): CurrentUser {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
    };
  }

  async currentUserById(userId: string): Promise<CurrentUser> {
    const account = await this.users.findSummary(userId);
    if (!account) {
      throw new UnauthorizedException(SIGN_IN_FAILED);
    }
    return this.currentUser(account);
  }
}
