import type { MigrationInterface, QueryRunner } from 'typeorm';

const listOrders = [
  ['occurred', '(occurred_on DESC, id DESC)'],
  ['updated', '(updated_at DESC, id DESC)'],
  ['title', '(lower(title), id)'],
] as const;

/**
 * The list orders' indexes (IndexEvidenceInListOrders) kept to the items a deanery administrator
 * reads across the deanery: submitted items shared with the panel. Over every item, their list walked
 * past all those not shared with them, and recent items are mostly drafts and private reflections
 * (reflections are private by default): after 5,000 new drafts, a search for a common word read 6,600
 * rows for a page of 26 and took 17-33 ms, against under 1 ms now. No other list reads them in order
 * across trainees; a person's own or their supervisees' items are read by trainee.
 */
export class IndexSharedEvidenceInListOrders1795454900000 implements MigrationInterface {
  name = 'IndexSharedEvidenceInListOrders1795454900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [order, columns] of listOrders) {
      await queryRunner.query(`DROP INDEX evidence_item_${order}_idx`);
      await queryRunner.query(
        `CREATE INDEX evidence_item_shared_${order}_idx ON evidence_item ${columns}
          WHERE visibility = 'panel' AND status <> 'draft'`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [order, columns] of listOrders) {
      await queryRunner.query(`DROP INDEX evidence_item_shared_${order}_idx`);
      await queryRunner.query(`CREATE INDEX evidence_item_${order}_idx ON evidence_item ${columns}`);
    }
  }
}
