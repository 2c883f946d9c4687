import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trainee's client may send an Idempotency-Key with a new item: a retried or double-submitted
 * request with the same key finds the item the first one made instead of making another.
 */
export class AddEvidenceIdempotencyKey1795451900000 implements MigrationInterface {
  name = 'AddEvidenceIdempotencyKey1795451900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evidence_item ADD COLUMN idempotency_key text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX evidence_item_idempotency_key ON evidence_item (trainee_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX evidence_item_idempotency_key`);
    await queryRunner.query(`ALTER TABLE evidence_item DROP COLUMN idempotency_key`);
  }
}
