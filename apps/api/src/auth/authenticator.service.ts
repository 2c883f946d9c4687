import { ConflictException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type AuthenticatorEnrolment,
  type AuthenticatorStatus,
  type SecondFactorRequest,
  mfaRequiredFor,
} from '@portfolio/contracts';

import { AuthenticatorRepository } from '../accounts/authenticator.repository';
import { AuditService } from '../audit/audit.service';
import type { AccountInSignIn } from './access.decorators';
import type { Client } from './auth.service';
import { AuthenticatorSecrets } from './authenticator-secrets';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import {
  REPLAYED_AUTHENTICATOR_CODE,
  type SecondFactorProof,
  WRONG_AUTHENTICATOR_CODE,
  WRONG_RECOVERY_CODE,
  fieldProblem,
  secondFactorProofOf,
} from './second-factor-proof';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { AUTHENTICATOR_ISSUER, matchingTimeStep, newAuthenticatorSecret, otpauthUri, qrCodeImage } from './totp';

/** A set-up not confirmed within this time must start again with a new secret. */
const enrolmentLifetimeMinutes = 30;

interface Account {
  userId: string;
  email: string;
}

/**
 * Authenticator apps (TOTP, RFC 6238) and recovery codes: setting them up, checking them, and
 * changing them. Every check of a code goes through the sign-in throttle, like a password.
 */
@Injectable()
export class AuthenticatorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authenticators: AuthenticatorRepository,
    private readonly secrets: AuthenticatorSecrets,
    private readonly throttle: SignInThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async status(account: AccountInSignIn): Promise<AuthenticatorStatus> {
    const stored = await this.authenticators.find(account.userId);
    const enabled = Boolean(stored?.enabledAt);
    return {
      enabled,
      required: mfaRequiredFor(account.roles),
      enabledAt: stored?.enabledAt?.toISOString() ?? null,
      recoveryCodesRemaining: enabled ? await this.authenticators.countUnusedRecoveryCodes(account.userId) : 0,
    };
  }

  /** A new secret, pending until a code from it is confirmed. Replacing one in use needs a code from it. */
  async startEnrolment(
    account: AccountInSignIn,
    proof: SecondFactorRequest,
    client: Client,
  ): Promise<AuthenticatorEnrolment> {
    if (await this.authenticators.isEnabled(account.userId)) {
      if (!proof.code && !proof.recoveryCode) {
        throw fieldProblem(
          'code',
          'An authenticator app is already set up: enter a code from it, or a recovery code, to replace it',
        );
      }
      await this.checkProof(account, secondFactorProofOf(proof), client);
    }
    const secret = newAuthenticatorSecret();
    await this.authenticators.setPendingSecret(account.userId, this.secrets.seal(account.userId, secret));
    const uri = otpauthUri(secret, account.email);
    return {
      secret,
      issuer: AUTHENTICATOR_ISSUER,
      accountName: account.email,
      otpauthUri: uri,
      qrCodeImage: await qrCodeImage(uri),
    };
  }

  /** Turns the pending secret on with a code from it, and answers new recovery codes (shown once). */
  async confirmEnrolment(account: AccountInSignIn, typedCode: string, client: Client): Promise<string[]> {
    const stored = await this.authenticators.find(account.userId);
    const pendingSince = stored?.pendingSince?.getTime() ?? 0;
    if (!stored?.pendingSecret || pendingSince < Date.now() - enrolmentLifetimeMinutes * 60_000) {
      throw new ConflictException(
        'There is no authenticator app being set up, or setting it up took too long. Start again.',
      );
    }
    const pendingSecret = this.secrets.open(account.userId, stored.pendingSecret);
    const step = pendingSecret === null ? null : matchingTimeStep(pendingSecret, typedCode.replace(/\s/g, ''));
    if (step === null) {
      throw fieldProblem('code', WRONG_AUTHENTICATOR_CODE);
    }
    // Enabling checks that the stored (encrypted) value is still the one just read.
    const sealedPendingSecret = stored.pendingSecret;
    const codes = newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.authenticators.enablePendingSecret(manager, account.userId, sealedPendingSecret, step))) {
        throw new ConflictException('The authenticator app was set up again meanwhile. Start again.');
      }
      await this.authenticators.replaceRecoveryCodes(manager, account.userId, codes.map(hashRecoveryCode));
      // Other browsers signed in before the change must sign in again with it.
      if (account.session) {
        await this.sessions.endOthersForUser(account.userId, account.session.sessionTokenHash, manager);
      }
      await this.audit.record(
        {
          actorId: account.userId,
          action: stored.enabledAt ? 'account.mfa.replaced' : 'account.mfa.enabled',
          entityType: 'account',
          entityId: account.userId,
          ipAddress: client.ipAddress,
        },
        manager,
      );
    });
    return codes;
  }

  /** New recovery codes in place of the old ones, which stop working. */
  async regenerateRecoveryCodes(
    account: AccountInSignIn,
    request: SecondFactorRequest,
    client: Client,
  ): Promise<string[]> {
    const proof = secondFactorProofOf(request);
    await this.requireEnabled(account.userId);
    await this.checkProof(account, proof, client);
    const codes = newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      await this.authenticators.replaceRecoveryCodes(manager, account.userId, codes.map(hashRecoveryCode));
      await this.audit.record(
        {
          actorId: account.userId,
          action: 'account.mfa.recovery-codes-regenerated',
          entityType: 'account',
          entityId: account.userId,
          ipAddress: client.ipAddress,
        },
        manager,
      );
    });
    return codes;
  }

  /** Turns the authenticator app off, for roles that may sign in with a password alone. */
  async disable(account: AccountInSignIn, request: SecondFactorRequest, client: Client): Promise<void> {
    const proof = secondFactorProofOf(request);
    if (mfaRequiredFor(account.roles)) {
      throw new ConflictException(
        'Your role needs an authenticator app to sign in, so it cannot be turned off. You can set up a new one instead.',
      );
    }
    await this.requireEnabled(account.userId);
    await this.checkProof(account, proof, client);
    await this.dataSource.transaction(async (manager) => {
      await this.authenticators.disable(manager, account.userId);
      await this.audit.record(
        {
          actorId: account.userId,
          action: 'account.mfa.disabled',
          entityType: 'account',
          entityId: account.userId,
          ipAddress: client.ipAddress,
        },
        manager,
      );
    });
  }

  /**
   * Checks an authenticator or recovery code for the account, throttled like a password: 429
   * while the account or address must wait, 400 naming the field when the code is wrong or used.
   */
  async checkProof(account: Account, proof: SecondFactorProof, client: Client): Promise<void> {
    const decision = await this.throttle.check(account.email, client.ipAddress);
    if (!decision.allowed) {
      await this.audit.record({
        actorId: account.userId,
        action: 'auth.second-factor.throttled',
        entityType: 'account',
        entityId: account.userId,
        ipAddress: client.ipAddress,
      });
      throw new HttpException(
        {
          statusCode: HttpStatus.TOO_MANY_REQUESTS,
          error: 'Too Many Requests',
          message: `Too many attempts. Wait ${decision.retryAfterSeconds} seconds and try again.`,
          retryAfterSeconds: decision.retryAfterSeconds,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const problem =
      proof.kind === 'authenticator-code'
        ? await this.authenticatorCodeProblem(account.userId, proof.code)
        : await this.recoveryCodeProblem(account.userId, proof.code, client);
    await this.throttle.recordAttempt(account.email, client.ipAddress, problem === null);
    if (problem) {
      await this.audit.record({
        actorId: account.userId,
        action: 'auth.second-factor.failed',
        entityType: 'account',
        entityId: account.userId,
        details: { kind: proof.kind },
        ipAddress: client.ipAddress,
      });
      throw fieldProblem(proof.kind === 'authenticator-code' ? 'code' : 'recoveryCode', problem);
    }
  }

  private async authenticatorCodeProblem(userId: string, code: string): Promise<string | null> {
    const stored = await this.authenticators.find(userId);
    const secret = stored?.secret ? this.secrets.open(userId, stored.secret) : null;
    const step = secret === null ? null : matchingTimeStep(secret, code);
    if (step === null) {
      return WRONG_AUTHENTICATOR_CODE;
    }
    return (await this.authenticators.claimTimeStep(userId, step)) ? null : REPLAYED_AUTHENTICATOR_CODE;
  }

  private async recoveryCodeProblem(userId: string, normalisedCode: string, client: Client): Promise<string | null> {
    if (!(await this.authenticators.useRecoveryCode(userId, hashRecoveryCode(normalisedCode)))) {
      return WRONG_RECOVERY_CODE;
    }
    await this.audit.record({
      actorId: userId,
      action: 'account.mfa.recovery-code-used',
      entityType: 'account',
      entityId: userId,
      details: { remaining: await this.authenticators.countUnusedRecoveryCodes(userId) },
      ipAddress: client.ipAddress,
    });
    return null;
  }

  private async requireEnabled(userId: string): Promise<void> {
    if (!(await this.authenticators.isEnabled(userId))) {
      throw new ConflictException('No authenticator app is set up for your account.');
    }
  }
}
