import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the supervisor's page, read on every visit: what an assessor signed most recently
 * (ten rows read in order instead of every assessment they were ever asked for, sorted), and each
 * trainee's assessments still waiting (counted without visiting the rest).
 */
export class IndexSupervisorDashboard1795453400000 implements MigrationInterface {
  name = 'IndexSupervisorDashboard1795453400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX assessment_signed_by_idx ON assessment (assessor_id, signed_at DESC) WHERE status = 'signed-off'`,
    );
    await queryRunner.query(
      `CREATE INDEX assessment_pending_idx ON assessment (trainee_id) WHERE status IN ('requested', 'in-progress')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX assessment_pending_idx`);
    await queryRunner.query(`DROP INDEX assessment_signed_by_idx`);
  }
}
