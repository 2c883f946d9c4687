import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { SecretBox, SecretBoxError } from './secret-box';

/** What a sealed secret is bound to: copied to another account's row, it does not open. */
function associatedDataOf(userId: string): string {
  return `user_authenticator:${userId}`;
}

export function sealAuthenticatorSecret(box: SecretBox, userId: string, secret: string): string {
  return box.seal(secret, associatedDataOf(userId));
}

/**
 * The base32 secret of a stored value. A plain value (stored before secrets were encrypted) is
 * read as is; the next start encrypts it.
 */
export function openAuthenticatorSecret(box: SecretBox, userId: string, stored: string): string {
  return SecretBox.isSealed(stored) ? box.open(stored, associatedDataOf(userId)) : stored;
}

const accounts = (count: number): string => `${count} ${count === 1 ? 'account' : 'accounts'}`;

interface StoredSecrets {
  user_id: string;
  secret: string | null;
  pending_secret: string | null;
}

/**
 * Every read and write of an authenticator secret goes through here: the database holds them
 * encrypted with SECRETS_KEY. At start, in one transaction, plain secrets and those sealed with
 * SECRETS_KEY_PREVIOUS are sealed with the current key (idempotent: sealed ones are left alone).
 */
@Injectable()
export class AuthenticatorSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuthenticatorSecrets');

  constructor(
    private readonly box: SecretBox,
    private readonly dataSource: DataSource,
  ) {}

  seal(userId: string, secret: string): string {
    return sealAuthenticatorSecret(this.box, userId, secret);
  }

  /**
   * The account's secret, or null when the stored value does not decrypt (altered, or copied from
   * another account): its codes are then wrong, and the error is logged for the operators.
   */
  open(userId: string, stored: string): string | null {
    try {
      return openAuthenticatorSecret(this.box, userId, stored);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      this.logger.error(`The authenticator secret of account ${userId} is unusable: ${error.message}`);
      return null;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.sealStoredSecrets();
    if (count > 0) {
      this.logger.log(`Encrypted the authenticator secrets of ${accounts(count)} with the current SECRETS_KEY.`);
    }
  }

  /** Seals every secret not yet sealed with the current key; answers how many accounts changed. */
  async sealStoredSecrets(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const prefix = `v1.${this.box.currentKeyId}.`;
      const rows = (await manager.query(
        `SELECT user_id, secret, pending_secret FROM user_authenticator
          WHERE NOT starts_with(secret, $1) OR NOT starts_with(pending_secret, $1)
          ORDER BY user_id FOR UPDATE`,
        [prefix],
      )) as StoredSecrets[];
      if (rows.length === 0) {
        return 0;
      }
      const unreadable: string[] = [];
      const reseal = (userId: string, stored: string | null): string | null => {
        if (stored === null || this.box.isSealedWithCurrentKey(stored)) {
          return stored;
        }
        try {
          return this.seal(userId, openAuthenticatorSecret(this.box, userId, stored));
        } catch (error) {
          if (!(error instanceof SecretBoxError)) throw error;
          unreadable.push(userId);
          return stored;
        }
      };
      const updates = rows.map((row) => ({
        userId: row.user_id,
        secret: reseal(row.user_id, row.secret),
        pendingSecret: reseal(row.user_id, row.pending_secret),
      }));
      if (unreadable.length > 0) {
        // A wrong key is a configuration mistake: refuse to start rather than lock these people out unseen.
        throw new Error(
          `The authenticator secrets of ${accounts(new Set(unreadable).size)} do not decrypt with SECRETS_KEY or ` +
            'SECRETS_KEY_PREVIOUS. Set SECRETS_KEY (and SECRETS_KEY_PREVIOUS) to the keys they were encrypted ' +
            'with; if that key is lost, delete those rows of user_authenticator so that the people set up their ' +
            'authenticator apps again.',
        );
      }
      await manager.query(
        `UPDATE user_authenticator stored
            SET secret = sealed.secret, pending_secret = sealed.pending_secret
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS sealed (user_id, secret, pending_secret)
          WHERE stored.user_id = sealed.user_id`,
        [
          updates.map((update) => update.userId),
          updates.map((update) => update.secret),
          updates.map((update) => update.pendingSecret),
        ],
      );
      return updates.length;
    });
  }
}
