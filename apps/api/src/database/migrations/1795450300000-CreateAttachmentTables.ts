import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence attachments: metadata beside the evidence, content behind the storage interface (PostgreSQL first). */
export class CreateAttachmentTables1795450300000 implements MigrationInterface {
  name = 'CreateAttachmentTables1795450300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stored_file (
        key uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE evidence_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evidence_id uuid NOT NULL REFERENCES evidence_item (id) ON DELETE CASCADE,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX evidence_attachment_evidence_idx ON evidence_attachment (evidence_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE evidence_attachment`);
    await queryRunner.query(`DROP TABLE stored_file`);
  }
}
