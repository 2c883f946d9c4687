import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Frameworks as versioned reference data: a version, once published, never changes. */
export class CreateFrameworkTables1795450000000 implements MigrationInterface {
  name = 'CreateFrameworkTables1795450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE framework (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        edition text,
        publisher text,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        content_hash char(64) NOT NULL,
        document jsonb NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT framework_key_version_unique UNIQUE (key, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE framework_stage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        key text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        sequence integer NOT NULL,
        CONSTRAINT framework_stage_key_unique UNIQUE (framework_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE framework_rating_level (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        key text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        sequence integer NOT NULL,
        CONSTRAINT framework_rating_level_key_unique UNIQUE (framework_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE framework_domain (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        key text NOT NULL,
        code text NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        sequence integer NOT NULL,
        CONSTRAINT framework_domain_key_unique UNIQUE (framework_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE framework_element (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        domain_id uuid REFERENCES framework_domain (id) ON DELETE CASCADE,
        key text NOT NULL,
        code text NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        sequence integer NOT NULL,
        CONSTRAINT framework_element_key_unique UNIQUE (framework_id, key)
      )`);
    await queryRunner.query(`CREATE INDEX framework_element_domain_idx ON framework_element (domain_id)`);
    await queryRunner.query(`
      CREATE TABLE framework_outcome (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        element_id uuid NOT NULL REFERENCES framework_element (id) ON DELETE CASCADE,
        stage_id uuid NOT NULL REFERENCES framework_stage (id) ON DELETE CASCADE,
        sequence integer NOT NULL,
        statement text NOT NULL,
        CONSTRAINT framework_outcome_position_unique UNIQUE (element_id, stage_id, sequence)
      )`);
    await queryRunner.query(`CREATE INDEX framework_outcome_stage_idx ON framework_outcome (stage_id)`);
    await queryRunner.query(`
      CREATE TABLE framework_level_descriptor (
        element_id uuid NOT NULL REFERENCES framework_element (id) ON DELETE CASCADE,
        rating_level_id uuid NOT NULL REFERENCES framework_rating_level (id) ON DELETE CASCADE,
        descriptor text NOT NULL,
        PRIMARY KEY (element_id, rating_level_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE framework_level_descriptor`);
    await queryRunner.query(`DROP TABLE framework_outcome`);
    await queryRunner.query(`DROP TABLE framework_element`);
    await queryRunner.query(`DROP TABLE framework_domain`);
    await queryRunner.query(`DROP TABLE framework_rating_level`);
    await queryRunner.query(`DROP TABLE framework_stage`);
    await queryRunner.query(`DROP TABLE framework`);
  }
}
