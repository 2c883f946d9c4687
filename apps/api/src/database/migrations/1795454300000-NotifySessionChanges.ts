import type { MigrationInterface, QueryRunner } from 'typeorm';

const sessionTables = ['app_user', 'user_session', 'user_authenticator'];

/**
 * Tells every API process, on the `session_changes` channel, whose sessions to read again: the
 * user's id whenever their account, one of their sessions or their authenticator app changes, and
 * '*' when one of those tables is emptied, so a process may keep a resolved session between
 * changes (`auth/session-cache.ts`). Notifications leave at commit, in commit order, and none for a
 * rolled-back change.
 */
export class NotifySessionChanges1795454300000 implements MigrationInterface {
  name = 'NotifySessionChanges1795454300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed_user uuid;
      BEGIN
        IF TG_TABLE_NAME = 'app_user' THEN
          changed_user := OLD.id;
        ELSIF TG_OP = 'INSERT' THEN
          changed_user := NEW.user_id;
        ELSE
          changed_user := OLD.user_id;
        END IF;
        PERFORM pg_notify('session_changes', changed_user::text);
        RETURN NULL;
      END
      $$`);
    // Emptying a table changes everyone's sign-in state: '*' drops every kept session.
    await queryRunner.query(`
      CREATE FUNCTION notify_sessions_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('session_changes', '*');
        RETURN NULL;
      END
      $$`);
    for (const table of sessionTables) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_emptied AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_emptied()`,
      );
    }
    await queryRunner.query(`
      CREATE TRIGGER app_user_session_change AFTER UPDATE OR DELETE ON app_user
        FOR EACH ROW EXECUTE FUNCTION notify_session_change()`);
    await queryRunner.query(`
      CREATE TRIGGER user_session_change AFTER UPDATE OR DELETE ON user_session
        FOR EACH ROW EXECUTE FUNCTION notify_session_change()`);
    await queryRunner.query(`
      CREATE TRIGGER user_authenticator_session_change AFTER INSERT OR UPDATE OR DELETE ON user_authenticator
        FOR EACH ROW EXECUTE FUNCTION notify_session_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of sessionTables) {
      await queryRunner.query(`DROP TRIGGER ${table}_emptied ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION notify_sessions_emptied()`);
    await queryRunner.query(`DROP TRIGGER user_authenticator_session_change ON user_authenticator`);
    await queryRunner.query(`DROP TRIGGER user_session_change ON user_session`);
    await queryRunner.query(`DROP TRIGGER app_user_session_change ON app_user`);
    await queryRunner.query(`DROP FUNCTION notify_session_change()`);
  }
}
