import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const names = new Map<string, string>();

/** One name per distinct statement text: pg refuses a name reused for another text. */
function nameOf(label: string, text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `${label}-${createHash('sha256').update(text).digest('base64url').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a read that every request makes as a named prepared statement: each pool connection
 * parses and plans it once, where a plain query is planned afresh every time (for the session
 * lookup and a trainee's placement, planning costs several times the execution). Only for
 * statements outside a transaction; `label` names it in pg_prepared_statements.
 */
export async function preparedQuery<T>(
  dataSource: DataSource,
  label: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name: nameOf(label, text), text, values });
  return result.rows as T[];
}
