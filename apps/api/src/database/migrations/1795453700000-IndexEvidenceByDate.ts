import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every item by date, newest first, as the evidence list orders by default: a deanery
 * administrator's list or search reads its newest items first and stops at a page, where
 * gathering the deanery's items (or every match of a common word) first took seconds.
 */
export class IndexEvidenceByDate1795453700000 implements MigrationInterface {
  name = 'IndexEvidenceByDate1795453700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX evidence_item_occurred_idx ON evidence_item (occurred_on DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX evidence_item_occurred_idx`);
  }
}
