import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events are written unchained inside the change they record, and chained after commit, in
 * id order, by one chainer at a time (AuditChainer). Writers no longer queue behind one lock for
 * the rest of their transaction. The table stays append-only: the one change allowed is filling
 * an unchained event's two hashes, once, with nothing else about it changed.
 */
export class ChainAuditEventsAfterCommit1795452800000 implements MigrationInterface {
  name = 'ChainAuditEventsAfterCommit1795452800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE audit_event ALTER COLUMN previous_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL,
         ADD CONSTRAINT audit_event_chained_whole CHECK ((previous_hash IS NULL) = (hash IS NULL))`,
    );
    await queryRunner.query(`CREATE INDEX audit_event_unchained_idx ON audit_event (id) WHERE hash IS NULL`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.details,
                NEW.ip_address)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.details,
                OLD.ip_address) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`DROP INDEX audit_event_unchained_idx`);
    await queryRunner.query(
      `ALTER TABLE audit_event DROP CONSTRAINT audit_event_chained_whole,
         ALTER COLUMN previous_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`,
    );
  }
}
