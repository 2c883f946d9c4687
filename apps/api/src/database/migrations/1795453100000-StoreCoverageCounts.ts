import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each trainee's counted coverage as of a coverage version (see TrackCoverageVersions), stored
 * by whichever API process counted it: a process that starts, or another beside it, reads the
 * counts rather than counting again. Derived data: a row whose version is not the trainee's
 * current one is ignored, and any row may be deleted.
 */
export class StoreCoverageCounts1795453100000 implements MigrationInterface {
  name = 'StoreCoverageCounts1795453100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE trainee_coverage_counts (
         trainee_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
         version bigint NOT NULL,
         counts json NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE trainee_coverage_counts`);
  }
}
