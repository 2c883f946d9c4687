import { BadRequestException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type CurrentUser, permissionsOf } from '@portfolio/contracts';

import { UserRepository } from '../accounts/user.repository';
import { AuditService } from '../audit/audit.service';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hasher';
import { passwordProblem } from './password-policy';
import { SessionService, type SessionUser } from './session.service';
import { SignInThrottle } from './sign-in-throttle';

/** The one answer to every failed sign-in, so it reveals nothing about which part was wrong. */
export const SIGN_IN_FAILED = 'The email address or password is not right.';

export interface Client {
  ipAddress: string;
  userAgent: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
  ) {}

  /** Checks credentials for the sign-in strategy; answers the account's id or throws 401 / 429. */
  async verifyCredentials(email: string, password: string, client: Client): Promise<string> {
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
    await this.throttle.recordAttempt(email, client.ipAddress, passwordMatches);
    await this.audit.record({
      actorId: passwordMatches && account ? account.id : null,
      action: passwordMatches ? 'auth.sign-in.succeeded' : 'auth.sign-in.failed',
      entityType: 'account',
      entityId: account?.id ?? email.slice(0, 320),
      ipAddress: client.ipAddress,
    });
    if (!passwordMatches || !account) {
      throw new UnauthorizedException(SIGN_IN_FAILED);
    }
    return account.id;
  }

  startSession(userId: string, client: Client) {
    return this.sessions.create(userId, client);
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
