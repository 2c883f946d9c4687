import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A trainee's deaneries are those of the programmes of their training records. */
const deaneriesOfTrainees = (traineeColumn: string) => (relation: string) =>
  `SELECT programme.deanery_id FROM ${relation} changed_row
     JOIN training_record record ON record.trainee_id = changed_row.${traineeColumn}
     JOIN programme ON programme.id = record.programme_id`;

interface CohortSource {
  table: string;
  /** The deaneries whose cohort the rows of `relation` are part of. */
  deaneries: (relation: string) => string;
  /**
   * What the cohort reads of a row (columns, or expressions of them with `$row` for the row): an
   * update that changes none of them moves nothing.
   */
  columns: string[];
  /** Whether the cohort reads the row `alias` at all; rows it never reads move nothing. */
  counted?: (alias: string) => string;
  /** Whether inserted and deleted rows can change the cohort (a new user has no training record yet). */
  insertsAndDeletes: boolean;
}

const sources: CohortSource[] = [
  {
    table: 'training_record',
    deaneries: (relation) =>
      `SELECT programme.deanery_id FROM ${relation} changed_row JOIN programme ON programme.id = changed_row.programme_id`,
    columns: ['trainee_id', 'programme_id', 'stage_key', 'grade', 'starts_on'],
    insertsAndDeletes: true,
  },
  {
    // Inserted and deleted programmes change the deanery's list of programmes to filter by.
    table: 'programme',
    deaneries: (relation) => `SELECT changed_row.deanery_id FROM ${relation} changed_row`,
    columns: ['name', 'deanery_id'],
    insertsAndDeletes: true,
  },
  {
    table: 'app_user',
    deaneries: deaneriesOfTrainees('id'),
    columns: ['display_name', 'gmc_number', 'disabled_at', 'roles'],
    insertsAndDeletes: false,
  },
  {
    table: 'element_sign_off',
    deaneries: deaneriesOfTrainees('trainee_id'),
    columns: ['trainee_id', 'element_id', 'stage_id', 'kind', 'supersedes'],
    insertsAndDeletes: true,
  },
  {
    // Judgements and answers are saved as they are typed, and the first judgement moves a request
    // from requested to in-progress (pending either way); only these change the counts,
    // and a trainee's drafts are not counted until they are sent.
    table: 'assessment',
    deaneries: deaneriesOfTrainees('trainee_id'),
    columns: ['trainee_id', `$row.status IN ('requested', 'in-progress')`, `$row.status = 'signed-off'`, 'amends'],
    counted: (alias) =>
      `(${alias}.status IN ('requested', 'in-progress', 'signed-off') OR ${alias}.amends IS NOT NULL)`,
    insertsAndDeletes: true,
  },
  {
    // The cohort reads final reviews only (a final review never changes), so drafts being
    // written by a panel move nothing until they are finalised.
    table: 'progression_review',
    deaneries: deaneriesOfTrainees('trainee_id'),
    columns: ['trainee_id', 'period', 'review_date', 'outcome_code', 'status', 'finalised_at', 'amends'],
    counted: (alias) => `${alias}.status = 'final'`,
    insertsAndDeletes: true,
  },
];

/**
 * A version per deanery that moves whenever a row of its cohort overview could change (a
 * trainee's latest training record, name, GMC number or account state, their element sign-offs,
 * assessments and final reviews, and the deanery's programmes), so an API process may keep the
 * whole cohort and know, with one indexed read, whether it is still current. Evidence does not
 * move it: the cohort's coverage columns come from the per-trainee coverage counts, which have
 * their own version. A deanery with no row is at version 0; no foreign key, as with coverage.
 *
 * Statement triggers bump each deanery once per statement, in id order. They are named to fire
 * after the coverage triggers of the same table (triggers fire in name order), so every statement
 * locks trainees' coverage versions before deaneries': the order a transaction follows anyway when
 * it changes evidence (coverage only) before an assessment of the same trainee.
 */
export class TrackCohortVersions1795452500000 implements MigrationInterface {
  name = 'TrackCohortVersions1795452500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE deanery_cohort_version (
         deanery_id uuid PRIMARY KEY,
         version bigint NOT NULL
       )`,
    );
    await queryRunner.query(
      `CREATE FUNCTION bump_cohort_versions(deanery_ids uuid[]) RETURNS void LANGUAGE sql AS $$
         INSERT INTO deanery_cohort_version (deanery_id, version)
         SELECT DISTINCT id, 1 FROM unnest(deanery_ids) id WHERE id IS NOT NULL ORDER BY id
         ON CONFLICT (deanery_id) DO UPDATE SET version = deanery_cohort_version.version + 1
       $$`,
    );
    for (const source of sources) {
      const { table, deaneries, columns, counted } = source;
      const onlyCounted = counted ? `WHERE ${counted('inserted_or_deleted')}` : '';
      if (source.insertsAndDeletes) {
        await queryRunner.query(
          `CREATE FUNCTION cohort_changed_by_${table}_rows() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             PERFORM bump_cohort_versions(array(${deaneries(`(SELECT * FROM changed inserted_or_deleted ${onlyCounted})`)}));
             RETURN NULL;
           END $$`,
        );
        for (const [event, transition] of [
          ['INSERT', 'NEW'],
          ['DELETE', 'OLD'],
        ] as const) {
          await queryRunner.query(
            `CREATE TRIGGER ${table}_deanery_cohort_${event.toLowerCase()} AFTER ${event} ON ${table}
               REFERENCING ${transition} TABLE AS changed
               FOR EACH STATEMENT EXECUTE FUNCTION cohort_changed_by_${table}_rows()`,
          );
        }
      }
      // A row that moved counts where it was and where it is now.
      const of = (alias: string) =>
        columns.map((column) => (column.includes('$row') ? column.replaceAll('$row', alias) : `${alias}.${column}`));
      const differs = `(${of('after').join(', ')}) IS DISTINCT FROM (${of('before').join(', ')})`;
      const eitherCounted = counted ? `AND (${counted('after')} OR ${counted('before')})` : '';
      await queryRunner.query(
        `CREATE FUNCTION cohort_changed_by_${table}_update() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM bump_cohort_versions(array(
             WITH moved AS (
               SELECT after.id FROM changed after JOIN before_change before ON before.id = after.id
                WHERE ${differs} ${eitherCounted}
             )
             ${deaneries(`(SELECT changed.* FROM changed JOIN moved ON moved.id = changed.id
                           UNION ALL
                           SELECT before_change.* FROM before_change JOIN moved ON moved.id = before_change.id)`)}));
           RETURN NULL;
         END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_deanery_cohort_update AFTER UPDATE ON ${table}
           REFERENCING NEW TABLE AS changed OLD TABLE AS before_change
           FOR EACH STATEMENT EXECUTE FUNCTION cohort_changed_by_${table}_update()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, insertsAndDeletes } of sources) {
      await queryRunner.query(`DROP TRIGGER ${table}_deanery_cohort_update ON ${table}`);
      await queryRunner.query(`DROP FUNCTION cohort_changed_by_${table}_update()`);
      if (insertsAndDeletes) {
        await queryRunner.query(`DROP TRIGGER ${table}_deanery_cohort_insert ON ${table}`);
        await queryRunner.query(`DROP TRIGGER ${table}_deanery_cohort_delete ON ${table}`);
        await queryRunner.query(`DROP FUNCTION cohort_changed_by_${table}_rows()`);
      }
    }
    await queryRunner.query(`DROP FUNCTION bump_cohort_versions(uuid[])`);
    await queryRunner.query(`DROP TABLE deanery_cohort_version`);
  }
}
