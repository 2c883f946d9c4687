import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a framework version's elements correspond to the previous version's (CASE `exactMatchOf`,
 * `replacedBy`), crosswalks between frameworks (`exactMatchOf`, `isRelatedTo`), and sign-offs
 * carried over to a new version as new records that cite the original.
 */
export class CreateCorrespondencesAndCrosswalks1795451600000 implements MigrationInterface {
  name = 'CreateCorrespondencesAndCrosswalks1795451600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE framework_correspondence (
        framework_id uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        element_id uuid NOT NULL REFERENCES framework_element (id) ON DELETE CASCADE,
        previous_element_id uuid NOT NULL REFERENCES framework_element (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('exactMatchOf', 'replacedBy')),
        PRIMARY KEY (previous_element_id, element_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX framework_correspondence_framework_idx ON framework_correspondence (framework_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE framework_crosswalk (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        title text NOT NULL,
        description text NOT NULL,
        from_framework_id uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        to_framework_id uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        content_hash char(64) NOT NULL,
        document jsonb NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_framework_id <> to_framework_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE framework_crosswalk_mapping (
        crosswalk_id uuid NOT NULL REFERENCES framework_crosswalk (id) ON DELETE CASCADE,
        from_element_id uuid NOT NULL REFERENCES framework_element (id) ON DELETE CASCADE,
        to_element_id uuid NOT NULL REFERENCES framework_element (id) ON DELETE CASCADE,
        relation text NOT NULL CHECK (relation IN ('exactMatchOf', 'isRelatedTo')),
        note text,
        PRIMARY KEY (crosswalk_id, from_element_id, to_element_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX framework_crosswalk_mapping_from_idx ON framework_crosswalk_mapping (from_element_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX framework_crosswalk_mapping_to_idx ON framework_crosswalk_mapping (to_element_id)`,
    );
    // Adding a column is no UPDATE of a row, so the immutability trigger is not involved.
    await queryRunner.query(
      `ALTER TABLE element_sign_off ADD COLUMN carried_from uuid REFERENCES element_sign_off (id)`,
    );
    await queryRunner.query(
      `CREATE INDEX element_sign_off_carried_from_idx ON element_sign_off (carried_from) WHERE carried_from IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE element_sign_off DROP COLUMN carried_from`);
    await queryRunner.query(`DROP TABLE framework_crosswalk_mapping`);
    await queryRunner.query(`DROP TABLE framework_crosswalk`);
    await queryRunner.query(`DROP TABLE framework_correspondence`);
  }
}
