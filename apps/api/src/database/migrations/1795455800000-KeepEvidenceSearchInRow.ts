import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An item's full-text vector kept in its row (storage MAIN), its body moved out to TOAST first when
 * the row is too long. As EXTENDED, PostgreSQL moved the vector out instead (it hardly compresses) for
 * about a third of the items: a deanery's search, which tests each shared item in the list's order
 * against the words until it has a page, fetched those vectors from TOAST, and its execution took
 * 0.52-0.59 ms where it takes 0.35-0.37 ms now. The list never reads the body.
 *
 * Only rows written from now on are laid out so; `VACUUM FULL evidence_item` in a quiet hour moves
 * the vectors of existing items into their rows.
 */
export class KeepEvidenceSearchInRow1795455800000 implements MigrationInterface {
  name = 'KeepEvidenceSearchInRow1795455800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evidence_item ALTER COLUMN search SET STORAGE MAIN`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evidence_item ALTER COLUMN search SET STORAGE EXTENDED`);
  }
}
