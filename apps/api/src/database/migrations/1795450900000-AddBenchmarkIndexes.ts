import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that queries found slow at deanery scale (npm run bench) need. The supervisor
 * dashboard's recent sign-offs read a supervisor's own sign-offs newest first: without this
 * index PostgreSQL scans every sign-off in the deanery for each dashboard.
 */
export class AddBenchmarkIndexes1795450900000 implements MigrationInterface {
  name = 'AddBenchmarkIndexes1795450900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX element_sign_off_recorder_idx ON element_sign_off (recorded_by, recorded_at DESC)
      WHERE kind = 'sign-off'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX element_sign_off_recorder_idx`);
  }
}
