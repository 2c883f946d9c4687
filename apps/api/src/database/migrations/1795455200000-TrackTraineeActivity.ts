import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 1 for an assessment row `alias` that waits for its assessor, else 0. */
const waiting = (alias: string) => `(${alias}.status IN ('requested', 'in-progress'))::int`;

/**
 * What each trigger adds to `trainee_activity`, as rows of (trainee_id, at, pending) read from the
 * statement's transition tables: `changed` holds the rows as they are now (or as they were, for a
 * deletion), `before_change` an update's rows as they were. A deletion is activity when it happens.
 */
const changesByTrigger = [
  { table: 'evidence_item', event: 'INSERT', changes: `SELECT trainee_id, updated_at, 0 FROM changed` },
  { table: 'evidence_item', event: 'UPDATE', changes: `SELECT trainee_id, updated_at, 0 FROM changed` },
  { table: 'evidence_item', event: 'DELETE', changes: `SELECT trainee_id, now(), 0 FROM changed` },
  {
    table: 'assessment',
    event: 'INSERT',
    changes: `SELECT trainee_id, updated_at, ${waiting('changed')} FROM changed`,
  },
  {
    table: 'assessment',
    event: 'UPDATE',
    changes: `SELECT trainee_id, updated_at, ${waiting('changed')} FROM changed
              UNION ALL
              SELECT trainee_id, NULL, -${waiting('before_change')} FROM before_change`,
  },
  {
    table: 'assessment',
    event: 'DELETE',
    changes: `SELECT trainee_id, now(), -${waiting('changed')} FROM changed`,
  },
] as const;

const triggerName = ({ table, event }: { table: string; event: string }) =>
  `${table}_trainee_activity_${event.toLowerCase()}`;

/**
 * Each trainee's last activity (the latest change to their evidence or assessments) and how many of
 * their assessments wait for an assessor, kept on every write: the supervisor's page and to-do list
 * read one row per trainee instead of searching and counting the trainee's items on every visit.
 *
 * Statement triggers keep it. The waiting count moves by differences, not by counting again: two
 * transactions changing one trainee's assessments at once each add their own difference (the second
 * waits for the first's row lock, then adds to what it committed), where a recount made in each
 * would miss the other's. Rows are locked in trainee order, so two statements cannot deadlock here.
 * No foreign key, as with trainee_coverage_version: rows deleted with their trainee reach here too.
 */
export class TrackTraineeActivity1795455200000 implements MigrationInterface {
  name = 'TrackTraineeActivity1795455200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE trainee_activity (
         trainee_id uuid PRIMARY KEY,
         last_activity_at timestamptz,
         pending_assessments integer NOT NULL
       )`,
    );
    for (const trigger of changesByTrigger) {
      const name = triggerName(trigger);
      await queryRunner.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO trainee_activity AS activity (trainee_id, last_activity_at, pending_assessments)
           SELECT trainee_id, max(at), sum(pending) FROM (${trigger.changes}) AS change (trainee_id, at, pending)
            GROUP BY trainee_id ORDER BY trainee_id
           ON CONFLICT (trainee_id) DO UPDATE
             SET last_activity_at = GREATEST(activity.last_activity_at, excluded.last_activity_at),
                 pending_assessments = activity.pending_assessments + excluded.pending_assessments
           WHERE excluded.pending_assessments <> 0
              OR excluded.last_activity_at > activity.last_activity_at
              OR (activity.last_activity_at IS NULL AND excluded.last_activity_at IS NOT NULL);
           RETURN NULL;
         END $$`,
      );
      const transitions =
        trigger.event === 'UPDATE'
          ? 'NEW TABLE AS changed OLD TABLE AS before_change'
          : `${trigger.event === 'DELETE' ? 'OLD' : 'NEW'} TABLE AS changed`;
      await queryRunner.query(
        `CREATE TRIGGER ${name} AFTER ${trigger.event} ON ${trigger.table}
           REFERENCING ${transitions} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    await queryRunner.query(
      `INSERT INTO trainee_activity (trainee_id, last_activity_at, pending_assessments)
       SELECT trainee_id, max(at), sum(pending)
         FROM (SELECT trainee_id, max(updated_at) AS at, 0 AS pending FROM evidence_item GROUP BY trainee_id
               UNION ALL
               SELECT trainee_id, max(updated_at), sum(${waiting('assessment')}) FROM assessment GROUP BY trainee_id
              ) AS latest
        GROUP BY trainee_id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of changesByTrigger) {
      const name = triggerName(trigger);
      await queryRunner.query(`DROP TRIGGER ${name} ON ${trigger.table}`);
      await queryRunner.query(`DROP FUNCTION ${name}()`);
    }
    await queryRunner.query(`DROP TABLE trainee_activity`);
  }
}
