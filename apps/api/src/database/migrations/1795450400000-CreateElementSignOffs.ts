import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A supervisor's judgement that a trainee has met an element at a stage. Records are never
 * changed: a withdrawal (or a new sign-off after one) is a new record that supersedes the last,
 * so each trainee, element and stage has one chain whose head is the current state.
 */
export class CreateElementSignOffs1795450400000 implements MigrationInterface {
  name = 'CreateElementSignOffs1795450400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE element_sign_off (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trainee_id uuid NOT NULL REFERENCES app_user (id),
        element_id uuid NOT NULL REFERENCES framework_element (id),
        stage_id uuid NOT NULL REFERENCES framework_stage (id),
        kind text NOT NULL CHECK (kind IN ('sign-off', 'withdrawal')),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        evidence_ids uuid[] NOT NULL DEFAULT '{}',
        note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 2000),
        supersedes uuid UNIQUE REFERENCES element_sign_off (id),
        CHECK (kind = 'withdrawal' OR cardinality(evidence_ids) > 0),
        CHECK (kind = 'sign-off' OR (supersedes IS NOT NULL AND char_length(note) > 0))
      )`);
    // One chain per trainee, element and stage: two first sign-offs at once cannot both land.
    await queryRunner.query(`
      CREATE UNIQUE INDEX element_sign_off_first_unique ON element_sign_off (trainee_id, element_id, stage_id)
      WHERE supersedes IS NULL`);
    await queryRunner.query(`CREATE INDEX element_sign_off_trainee_idx ON element_sign_off (trainee_id, stage_id)`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_sign_off_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'element_sign_off records are never changed: record a withdrawal instead'
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER element_sign_off_immutable BEFORE UPDATE OR DELETE ON element_sign_off
      FOR EACH ROW EXECUTE FUNCTION refuse_sign_off_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE element_sign_off`);
    await queryRunner.query(`DROP FUNCTION refuse_sign_off_change()`);
  }
}
