import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments made from versioned templates: the trainee's part, each round of sending and
 * returning, external assessors' single-use links, and the outbox mail goes through. A signed
 * assessment and a decided round are never changed: the database refuses it, whoever asks.
 */
export class CreateAssessmentTables1795450500000 implements MigrationInterface {
  name = 'CreateAssessmentTables1795450500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assessment_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        title text NOT NULL,
        definition jsonb NOT NULL,
        content_sha256 text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trainee_id uuid NOT NULL REFERENCES app_user (id),
        template_id uuid NOT NULL REFERENCES assessment_template (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        stage_id uuid REFERENCES framework_stage (id),
        answers jsonb NOT NULL DEFAULT '{}',
        work_evidence_id uuid REFERENCES evidence_item (id),
        evidence_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'requested', 'in-progress', 'returned', 'signed-off')),
        assessor_kind text CHECK (assessor_kind IN ('supervisor', 'assessor', 'external')),
        assessor_id uuid REFERENCES app_user (id),
        assessor_name text,
        assessor_email text,
        judgement jsonb,
        requested_at timestamptz,
        reminder_queued_at timestamptz,
        signed_at timestamptz,
        signed_by_name text,
        signed_content jsonb,
        signed_content_sha256 text,
        sign_off_idempotency_key text,
        amends uuid UNIQUE REFERENCES assessment (id),
        correction_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'signed-off' OR (signed_at IS NOT NULL AND signed_content_sha256 IS NOT NULL)),
        CHECK (status = 'draft' OR assessor_kind IS NOT NULL),
        CHECK (amends IS NULL OR char_length(correction_reason) > 0)
      )`);
    await queryRunner.query(`CREATE INDEX assessment_trainee_idx ON assessment (trainee_id, updated_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX assessment_work_idx ON assessment (work_evidence_id)`);
    await queryRunner.query(`
      CREATE INDEX assessment_assessor_idx ON assessment (assessor_id, requested_at, id)
      WHERE assessor_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX assessment_waiting_idx ON assessment (requested_at)
      WHERE status IN ('requested', 'in-progress') AND reminder_queued_at IS NULL`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_signed_assessment_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'signed-off' THEN
          RAISE EXCEPTION 'assessment % is signed off and cannot change: record a correction instead', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER assessment_signed BEFORE UPDATE OR DELETE ON assessment
      FOR EACH ROW EXECUTE FUNCTION refuse_signed_assessment_change()`);

    await queryRunner.query(`
      CREATE TABLE assessment_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessment (id),
        number integer NOT NULL CHECK (number > 0),
        sent_at timestamptz NOT NULL DEFAULT now(),
        answers jsonb NOT NULL,
        assessor_name text NOT NULL,
        decision text CHECK (decision IN ('returned', 'signed-off', 'withdrawn')),
        decided_at timestamptz,
        decided_by_name text,
        comments text NOT NULL DEFAULT '' CHECK (char_length(comments) <= 20000),
        judgement jsonb,
        UNIQUE (assessment_id, number),
        CHECK ((decision IS NULL) = (decided_at IS NULL))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_decided_round_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.decision IS NOT NULL THEN
          RAISE EXCEPTION 'assessment round % is decided and cannot change', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER assessment_round_decided BEFORE UPDATE OR DELETE ON assessment_round
      FOR EACH ROW EXECUTE FUNCTION refuse_decided_round_change()`);

    // Elements a signed assessment evidences, at the stage it was made for: what coverage counts.
    await queryRunner.query(`
      CREATE TABLE assessment_element (
        assessment_id uuid NOT NULL REFERENCES assessment (id),
        element_id uuid NOT NULL REFERENCES framework_element (id),
        stage_id uuid NOT NULL REFERENCES framework_stage (id),
        PRIMARY KEY (assessment_id, element_id, stage_id)
      )`);
    await queryRunner.query(`CREATE INDEX assessment_element_element_idx ON assessment_element (element_id, stage_id)`);

    await queryRunner.query(`
      CREATE TABLE assessment_ticket (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessment (id),
        round_id uuid NOT NULL REFERENCES assessment_round (id),
        token_sha256 text NOT NULL UNIQUE,
        email text NOT NULL,
        name text NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        session_token_sha256 text UNIQUE,
        session_csrf_token text,
        session_expires_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX assessment_ticket_assessment_idx ON assessment_ticket (assessment_id)`);

    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text
      )`);
    await queryRunner.query(`CREATE INDEX outbox_message_created_idx ON outbox_message (created_at DESC, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX outbox_message_unsent_idx ON outbox_message (next_attempt_at) WHERE sent_at IS NULL`,
    );

    // An element sign-off may rest on signed assessments as well as on evidence items.
    await queryRunner.query(`ALTER TABLE element_sign_off ADD COLUMN assessment_ids uuid[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE element_sign_off DROP CONSTRAINT element_sign_off_check`);
    await queryRunner.query(`
      ALTER TABLE element_sign_off ADD CONSTRAINT element_sign_off_cites_work
      CHECK (kind = 'withdrawal' OR cardinality(evidence_ids) + cardinality(assessment_ids) > 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE element_sign_off DROP CONSTRAINT element_sign_off_cites_work`);
    await queryRunner.query(`
      ALTER TABLE element_sign_off ADD CONSTRAINT element_sign_off_check
      CHECK (kind = 'withdrawal' OR cardinality(evidence_ids) > 0) NOT VALID`);
    await queryRunner.query(`ALTER TABLE element_sign_off DROP COLUMN assessment_ids`);
    await queryRunner.query(`DROP TABLE outbox_message`);
    await queryRunner.query(`DROP TABLE assessment_ticket`);
    await queryRunner.query(`DROP TABLE assessment_element`);
    await queryRunner.query(`DROP TABLE assessment_round`);
    await queryRunner.query(`DROP TABLE assessment`);
    await queryRunner.query(`DROP TABLE assessment_template`);
    await queryRunner.query(`DROP FUNCTION refuse_decided_round_change()`);
    await queryRunner.query(`DROP FUNCTION refuse_signed_assessment_change()`);
  }
}
