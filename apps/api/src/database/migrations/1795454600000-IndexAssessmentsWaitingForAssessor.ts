import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assessments waiting for an assessor, in the order the supervisor's page and to-do list show
 * them (longest wait first): read straight from the index, where every assessment the assessor was
 * ever asked for was read and most thrown away. The supervisor's page asks on every visit.
 */
export class IndexAssessmentsWaitingForAssessor1795454600000 implements MigrationInterface {
  name = 'IndexAssessmentsWaitingForAssessor1795454600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX assessment_waiting_for_assessor_idx ON assessment (assessor_id, requested_at, id)
         WHERE status IN ('requested', 'in-progress')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX assessment_waiting_for_assessor_idx`);
  }
}
