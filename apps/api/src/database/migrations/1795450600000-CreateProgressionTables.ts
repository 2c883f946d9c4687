import type { MigrationInterface, QueryRunner } from 'typeorm';

const outcomeCodes = ['1', '2', '3', '4', '5', '6', '7.1', '7.2', '7.3', '7.4', '8', '9', '10.1', '10.2']
  .map((code) => `'${code}'`)
  .join(', ');

/**
 * Progression: each panel's review of a trainee for a training year, the verifiable reports
 * issued from it, and cohort batches of reports. A finalised review and an issued report are
 * never changed; the database refuses it.
 */
export class CreateProgressionTables1795450600000 implements MigrationInterface {
  name = 'CreateProgressionTables1795450600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE progression_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trainee_id uuid NOT NULL REFERENCES app_user (id),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
        review_date date NOT NULL,
        panel_members text[] NOT NULL DEFAULT '{}',
        evidence_ids uuid[] NOT NULL DEFAULT '{}',
        assessment_ids uuid[] NOT NULL DEFAULT '{}',
        outcome_code text CHECK (outcome_code IN (${outcomeCodes})),
        reasons text NOT NULL DEFAULT '' CHECK (char_length(reasons) <= 20000),
        required_actions text NOT NULL DEFAULT '' CHECK (char_length(required_actions) <= 20000),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
        finalised_at timestamptz,
        finalised_by uuid REFERENCES app_user (id),
        finalised_by_name text,
        amends uuid UNIQUE REFERENCES progression_review (id),
        correction_reason text,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (status = 'draft' OR (outcome_code IS NOT NULL AND finalised_at IS NOT NULL)),
        CHECK (amends IS NULL OR char_length(correction_reason) > 0)
      )`);
    // One review per trainee and period; corrections hang off it.
    await queryRunner.query(`
      CREATE UNIQUE INDEX progression_review_one_per_period ON progression_review (trainee_id, period)
      WHERE amends IS NULL`);
    await queryRunner.query(
      `CREATE INDEX progression_review_trainee_idx ON progression_review (trainee_id, period, status)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION refuse_final_review_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'final' THEN
          RAISE EXCEPTION 'progression review % is final and cannot change: record a correction instead', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER progression_review_final BEFORE UPDATE OR DELETE ON progression_review
      FOR EACH ROW EXECUTE FUNCTION refuse_final_review_change()`);

    await queryRunner.query(`
      CREATE TABLE report_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deanery_id uuid NOT NULL REFERENCES deanery (id),
        requested_by uuid NOT NULL REFERENCES app_user (id),
        period text NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'finished', 'failed')),
        total integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        zip_storage_key text,
        error text
      )`);
    await queryRunner.query(`
      CREATE TABLE progression_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trainee_id uuid NOT NULL REFERENCES app_user (id),
        period text NOT NULL,
        review_id uuid REFERENCES progression_review (id),
        outcome_code text,
        verification_code text NOT NULL UNIQUE,
        content jsonb NOT NULL,
        content_sha256 text NOT NULL,
        file_sha256 text NOT NULL,
        storage_key text NOT NULL,
        pages integer NOT NULL,
        issued_by uuid NOT NULL REFERENCES app_user (id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        batch_id uuid REFERENCES report_batch (id)
      )`);
    await queryRunner.query(
      `CREATE INDEX progression_report_trainee_idx ON progression_report (trainee_id, issued_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX progression_report_file_idx ON progression_report (file_sha256)`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'an issued progression report never changes' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER progression_report_immutable BEFORE UPDATE OR DELETE ON progression_report
      FOR EACH ROW EXECUTE FUNCTION refuse_report_change()`);
    await queryRunner.query(`
      CREATE TABLE report_batch_item (
        batch_id uuid NOT NULL REFERENCES report_batch (id),
        trainee_id uuid NOT NULL REFERENCES app_user (id),
        position integer NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
        report_id uuid REFERENCES progression_report (id),
        error text,
        finished_at timestamptz,
        PRIMARY KEY (batch_id, trainee_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX report_batch_item_pending_idx ON report_batch_item (batch_id, position) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_batch_item`);
    await queryRunner.query(`DROP TABLE progression_report`);
    await queryRunner.query(`DROP TABLE report_batch`);
    await queryRunner.query(`DROP TABLE progression_review`);
    await queryRunner.query(`DROP FUNCTION refuse_report_change()`);
    await queryRunner.query(`DROP FUNCTION refuse_final_review_change()`);
  }
}
