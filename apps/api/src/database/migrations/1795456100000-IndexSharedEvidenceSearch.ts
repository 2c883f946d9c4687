import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The text index kept to the items a deanery administrator searches across the deanery: submitted items
 * shared with the panel. For a word too rare to fill a page from the newest shared items, the search
 * asks a text index for every match. The one keyed by trainee (IndexEvidenceSearchByTrainee) gave every
 * item with the word, and PostgreSQL intersected them with all 186,565 shared items of the partial list
 * index: 17-29 ms for a word in 1,894 of the benchmark's 600,050 items, against 4.5 ms now. The index
 * takes 28 MB there.
 */
export class IndexSharedEvidenceSearch1795456100000 implements MigrationInterface {
  name = 'IndexSharedEvidenceSearch1795456100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX evidence_item_shared_search_idx ON evidence_item USING gin (search)
        WHERE visibility = 'panel' AND status <> 'draft'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX evidence_item_shared_search_idx`);
  }
}
