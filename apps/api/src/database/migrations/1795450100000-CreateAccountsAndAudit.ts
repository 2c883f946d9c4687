import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People, organisations, sessions, sign-in attempts and the append-only, hash-chained audit log. */
export class CreateAccountsAndAudit1795450100000 implements MigrationInterface {
  name = 'CreateAccountsAndAudit1795450100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deanery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deanery_id uuid NOT NULL REFERENCES deanery (id),
        name text NOT NULL,
        framework_key text NOT NULL DEFAULT 'mlcf',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT programme_name_unique UNIQUE (deanery_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text,
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['trainee', 'supervisor', 'assessor', 'deanery_admin', 'admin']::text[]
        ),
        deanery_id uuid REFERENCES deanery (id),
        gmc_number char(7) UNIQUE CHECK (gmc_number ~ '^[0-9]{7}$'),
        profession text,
        disabled_at timestamptz,
        password_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email))`);
    await queryRunner.query(`
      CREATE TABLE training_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trainee_id uuid NOT NULL REFERENCES app_user (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        stage_key text NOT NULL,
        grade text NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await queryRunner.query(`CREATE INDEX training_record_trainee_idx ON training_record (trainee_id)`);
    await queryRunner.query(`CREATE INDEX training_record_programme_idx ON training_record (programme_id)`);
    await queryRunner.query(`
      CREATE TABLE supervisor_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trainee_id uuid NOT NULL REFERENCES app_user (id),
        supervisor_id uuid NOT NULL REFERENCES app_user (id),
        starts_on date NOT NULL,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CHECK (trainee_id <> supervisor_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX supervisor_assignment_supervisor_idx ON supervisor_assignment (supervisor_id, trainee_id)`,
    );
    await queryRunner.query(`CREATE INDEX supervisor_assignment_trainee_idx ON supervisor_assignment (trainee_id)`);
    await queryRunner.query(`
      CREATE TABLE user_session (
        token_hash char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip_address text,
        user_agent text
      )`);
    await queryRunner.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);
    await queryRunner.query(`
      CREATE TABLE sign_in_attempt (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip_address text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX sign_in_attempt_email_idx ON sign_in_attempt (lower(email), attempted_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX sign_in_attempt_ip_idx ON sign_in_attempt (ip_address, attempted_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        ip_address text,
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await queryRunner.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id)`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_event`);
    await queryRunner.query(`DROP FUNCTION refuse_audit_change()`);
    await queryRunner.query(`DROP TABLE sign_in_attempt`);
    await queryRunner.query(`DROP TABLE user_session`);
    await queryRunner.query(`DROP TABLE supervisor_assignment`);
    await queryRunner.query(`DROP TABLE training_record`);
    await queryRunner.query(`DROP TABLE app_user`);
    await queryRunner.query(`DROP TABLE programme`);
    await queryRunner.query(`DROP TABLE deanery`);
  }
}
