import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows carry the trainee and whose changes can change coverage. */
const traineeTables = ['evidence_item', 'assessment', 'element_sign_off', 'training_record'];

/**
 * Of tables updated often (autosaves, judgements), what coverage is counted from: columns, or
 * expressions of them with `$row` for the row. An assessment counts only once signed off.
 */
const countedColumns: Record<string, string[]> = {
  evidence_item: ['trainee_id', 'status', 'visibility'],
  assessment: ['trainee_id', `$row.status = 'signed-off'`, 'amends'],
};

/** Tables that reach the trainee through a parent row. */
const linkTables = [
  { table: 'evidence_element_link', parent: 'evidence_item', key: 'evidence_id' },
  { table: 'assessment_element', parent: 'assessment', key: 'assessment_id' },
];

/**
 * A version per trainee that moves whenever anything their coverage is counted from changes, so
 * an API process may keep counted coverage and know, with one indexed read, whether it is still
 * current. Statement triggers (one bump per trainee per statement) keep it; a trainee with no row
 * is at version 0. No foreign key: a bump may come from rows deleted with their trainee.
 */
export class TrackCoverageVersions1795452200000 implements MigrationInterface {
  name = 'TrackCoverageVersions1795452200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE trainee_coverage_version (
         trainee_id uuid PRIMARY KEY,
         version bigint NOT NULL
       )`,
    );
    // In trainee order, so two statements bumping the same trainees lock them in the same order.
    await queryRunner.query(
      `CREATE FUNCTION bump_coverage_versions(trainee_ids uuid[]) RETURNS void LANGUAGE sql AS $$
         INSERT INTO trainee_coverage_version (trainee_id, version)
         SELECT DISTINCT id, 1 FROM unnest(trainee_ids) id WHERE id IS NOT NULL ORDER BY id
         ON CONFLICT (trainee_id) DO UPDATE SET version = trainee_coverage_version.version + 1
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION coverage_changed_by_trainee_rows() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM bump_coverage_versions(array(SELECT trainee_id FROM changed));
         RETURN NULL;
       END $$`,
    );
    for (const [table, columns] of Object.entries(countedColumns)) {
      const of = (alias: string) =>
        columns.map((column) => (column.includes('$row') ? column.replaceAll('$row', alias) : `${alias}.${column}`));
      const differs = `(${of('after').join(', ')}) IS DISTINCT FROM (${of('before').join(', ')})`;
      await queryRunner.query(
        `CREATE FUNCTION coverage_changed_by_${table}_update() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM bump_coverage_versions(array(
             SELECT unnest(ARRAY[after.trainee_id, before.trainee_id])
               FROM changed after JOIN before_change before ON before.id = after.id
              WHERE ${differs}));
           RETURN NULL;
         END $$`,
      );
    }
    for (const table of traineeTables) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_coverage_insert AFTER INSERT ON ${table}
           REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coverage_changed_by_trainee_rows()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_coverage_delete AFTER DELETE ON ${table}
           REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coverage_changed_by_trainee_rows()`,
      );
      await queryRunner.query(
        table in countedColumns
          ? `CREATE TRIGGER ${table}_coverage_update AFTER UPDATE ON ${table}
               REFERENCING NEW TABLE AS changed OLD TABLE AS before_change
               FOR EACH STATEMENT EXECUTE FUNCTION coverage_changed_by_${table}_update()`
          : `CREATE TRIGGER ${table}_coverage_update AFTER UPDATE ON ${table}
               REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coverage_changed_by_trainee_rows()`,
      );
    }
    for (const { table, parent, key } of linkTables) {
      // A link deleted with its parent finds no parent here; the parent's own trigger bumped.
      await queryRunner.query(
        `CREATE FUNCTION coverage_changed_by_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM bump_coverage_versions(array(
             SELECT parent.trainee_id FROM changed JOIN ${parent} parent ON parent.id = changed.${key}));
           RETURN NULL;
         END $$`,
      );
      for (const [event, transition] of [
        ['INSERT', 'NEW'],
        ['UPDATE', 'NEW'],
        ['DELETE', 'OLD'],
      ] as const) {
        await queryRunner.query(
          `CREATE TRIGGER ${table}_coverage_${event.toLowerCase()} AFTER ${event} ON ${table}
             REFERENCING ${transition} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coverage_changed_by_${table}()`,
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...traineeTables, ...linkTables.map((link) => link.table)]) {
      for (const event of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER ${table}_coverage_${event} ON ${table}`);
      }
    }
    for (const { table } of linkTables) await queryRunner.query(`DROP FUNCTION coverage_changed_by_${table}()`);
    for (const table of Object.keys(countedColumns)) {
      await queryRunner.query(`DROP FUNCTION coverage_changed_by_${table}_update()`);
    }
    await queryRunner.query(`DROP FUNCTION coverage_changed_by_trainee_rows()`);
    await queryRunner.query(`DROP FUNCTION bump_coverage_versions(uuid[])`);
    await queryRunner.query(`DROP TABLE trainee_coverage_version`);
  }
}
