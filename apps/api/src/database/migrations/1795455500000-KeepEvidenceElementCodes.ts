import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The codes of the elements the item `itemId` is linked to, as lists show them: distinct, in order. */
const codesOf = (itemId: string) => `coalesce(
  (SELECT array_agg(DISTINCT element.code ORDER BY element.code)
     FROM evidence_element_link link JOIN framework_element element ON element.id = link.element_id
    WHERE link.evidence_id = ${itemId}), '{}')`;

/** The items whose links each trigger's statement changed, read from its transition tables. */
const itemsByTrigger = [
  { event: 'INSERT', transitions: 'NEW TABLE AS changed', items: 'SELECT evidence_id FROM changed' },
  { event: 'DELETE', transitions: 'OLD TABLE AS changed', items: 'SELECT evidence_id FROM changed' },
  {
    event: 'UPDATE',
    transitions: 'NEW TABLE AS changed OLD TABLE AS before_change',
    items: 'SELECT evidence_id FROM changed UNION SELECT evidence_id FROM before_change',
  },
] as const;

const triggerName = (event: string) => `evidence_element_link_codes_${event.toLowerCase()}`;

/** A body for refuse_locked_evidence_change that refuses a change to a locked item when `refused` holds. */
const refuseLockedWhen = (refused: string) => `
  BEGIN
    IF OLD.status = 'locked' AND (${refused}) THEN
      RAISE EXCEPTION 'evidence item % is locked: add an addendum instead', OLD.id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END`;

/** As CreateEvidenceTables made it: any change. */
const refuseAnyChange = refuseLockedWhen('true');

/**
 * A locked item may change only in its kept element codes: a framework's carry-over links locked
 * evidence to the new version's elements. (A generated column is not set yet in a BEFORE trigger.)
 */
const refuseChangeButCodes = refuseLockedWhen(
  `TG_OP = 'DELETE'
   OR (to_jsonb(NEW) - 'element_codes' - 'search') IS DISTINCT FROM (to_jsonb(OLD) - 'element_codes' - 'search')`,
);

/**
 * Each item keeps the codes of the elements it is linked to, which every evidence list shows: a page
 * read them from its items' links, about a sixth of the database's work for a deanery's search.
 * Statement triggers on the links keep them, whoever writes the links (an item's save, a framework's
 * carry-over), and leave alone an item whose codes are unchanged.
 */
export class KeepEvidenceElementCodes1795455500000 implements MigrationInterface {
  name = 'KeepEvidenceElementCodes1795455500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION refuse_locked_evidence_change() RETURNS trigger
                               LANGUAGE plpgsql AS $$${refuseChangeButCodes}$$`);
    await queryRunner.query(`ALTER TABLE evidence_item ADD COLUMN element_codes text[] NOT NULL DEFAULT '{}'`);
    for (const trigger of itemsByTrigger) {
      const name = triggerName(trigger.event);
      await queryRunner.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           UPDATE evidence_item item SET element_codes = kept.codes
             FROM (SELECT changed_item.id, ${codesOf('changed_item.id')} AS codes
                     FROM (${trigger.items}) AS changed_item (id)) AS kept
            WHERE item.id = kept.id AND item.element_codes IS DISTINCT FROM kept.codes;
           RETURN NULL;
         END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${name} AFTER ${trigger.event} ON evidence_element_link
           REFERENCING ${trigger.transitions} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    await queryRunner.query(
      `UPDATE evidence_item item SET element_codes = ${codesOf('item.id')}
        WHERE EXISTS (SELECT 1 FROM evidence_element_link link WHERE link.evidence_id = item.id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of itemsByTrigger) {
      const name = triggerName(trigger.event);
      await queryRunner.query(`DROP TRIGGER ${name} ON evidence_element_link`);
      await queryRunner.query(`DROP FUNCTION ${name}()`);
    }
    await queryRunner.query(`ALTER TABLE evidence_item DROP COLUMN element_codes`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION refuse_locked_evidence_change() RETURNS trigger
                               LANGUAGE plpgsql AS $$${refuseAnyChange}$$`);
  }
}
