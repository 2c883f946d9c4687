import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every item in each order the evidence list offers (by date either way, by last change, by
 * title): a deanery administrator's list or search reads items in that order and stops at a
 * page, where gathering the deanery's items (or every match of a common word) first took seconds.
 */
export class IndexEvidenceInListOrders1795453700000 implements MigrationInterface {
  name = 'IndexEvidenceInListOrders1795453700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX evidence_item_occurred_idx ON evidence_item (occurred_on DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX evidence_item_updated_idx ON evidence_item (updated_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX evidence_item_title_idx ON evidence_item (lower(title), id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX evidence_item_title_idx`);
    await queryRunner.query(`DROP INDEX evidence_item_updated_idx`);
    await queryRunner.query(`DROP INDEX evidence_item_occurred_idx`);
  }
}
