import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trainee's evidence log: items, their links to framework elements, and addenda to locked items. */
export class CreateEvidenceTables1795450200000 implements MigrationInterface {
  name = 'CreateEvidenceTables1795450200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE evidence_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trainee_id uuid NOT NULL REFERENCES app_user (id),
        type text NOT NULL CHECK (type IN ('reflection', 'leadership-activity', 'service-improvement-project',
          'course-or-event', 'teaching', 'shadowing-or-paired-learning', 'feedback-received',
          'presentation-or-publication', 'other')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        occurred_on date NOT NULL,
        body text NOT NULL DEFAULT '' CHECK (char_length(body) <= 100000),
        visibility text NOT NULL CHECK (visibility IN ('private', 'supervisor', 'panel')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'locked')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        locked_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED
      )`);
    await queryRunner.query(`CREATE INDEX evidence_item_search_idx ON evidence_item USING gin (search)`);
    await queryRunner.query(
      `CREATE INDEX evidence_item_trainee_occurred_idx ON evidence_item (trainee_id, occurred_on DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX evidence_item_trainee_updated_idx ON evidence_item (trainee_id, updated_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE evidence_element_link (
        evidence_id uuid NOT NULL REFERENCES evidence_item (id) ON DELETE CASCADE,
        element_id uuid NOT NULL REFERENCES framework_element (id),
        stage_id uuid NOT NULL REFERENCES framework_stage (id),
        note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
        PRIMARY KEY (evidence_id, element_id, stage_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX evidence_element_link_element_idx ON evidence_element_link (element_id, stage_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE evidence_addendum (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evidence_id uuid NOT NULL REFERENCES evidence_item (id),
        author_id uuid NOT NULL REFERENCES app_user (id),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX evidence_addendum_evidence_idx ON evidence_addendum (evidence_id)`);
    // A locked item is part of a signed record: the database itself refuses to change or delete it.
    await queryRunner.query(`
      CREATE FUNCTION refuse_locked_evidence_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'locked' THEN
          RAISE EXCEPTION 'evidence item % is locked: add an addendum instead', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER evidence_item_locked BEFORE UPDATE OR DELETE ON evidence_item
      FOR EACH ROW EXECUTE FUNCTION refuse_locked_evidence_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE evidence_addendum`);
    await queryRunner.query(`DROP TABLE evidence_element_link`);
    await queryRunner.query(`DROP TABLE evidence_item`);
    await queryRunner.query(`DROP FUNCTION refuse_locked_evidence_change()`);
  }
}
