import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-factor sign-in: each account's authenticator secret (pending until a code confirms it),
 * the last time-step accepted (so a code is never accepted twice), hashed one-time recovery codes,
 * and the short half-way state between a right password and the second step.
 */
export class CreateAuthenticatorTables1795451300000 implements MigrationInterface {
  name = 'CreateAuthenticatorTables1795451300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_authenticator (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        secret text,
        enabled_at timestamptz,
        pending_secret text,
        pending_since timestamptz,
        last_used_step bigint,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((secret IS NULL) = (enabled_at IS NULL)),
        CHECK ((pending_secret IS NULL) = (pending_since IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE recovery_code (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        code_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        CONSTRAINT recovery_code_unique UNIQUE (user_id, code_hash)
      )`);
    await queryRunner.query(`
      CREATE TABLE sign_in_step (
        token_hash char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        next_step text NOT NULL CHECK (next_step IN ('authenticator-code', 'authenticator-enrolment')),
        csrf_token text NOT NULL,
        failed_codes integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip_address text,
        user_agent text
      )`);
    await queryRunner.query(`CREATE INDEX sign_in_step_user_idx ON sign_in_step (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sign_in_step`);
    await queryRunner.query(`DROP TABLE recovery_code`);
    await queryRunner.query(`DROP TABLE user_authenticator`);
  }
}
