// PostgreSQL loads fastest into bare tables: foreign keys checked row by row and indexes grown
// one insert at a time cost several times the COPY itself. So, as pg_restore does, the keys and
// indexes of the loaded tables are set aside and rebuilt afterwards from their exact definitions,
// read from the catalogue (so they always match what the migrations made). Rebuilding them checks
// the generated data too: a dangling id or a duplicate fails the load.

/** Reads what will be set aside: foreign keys touching `tables`, and keys and indexes on `indexedTables`. */
export async function readConstraints(client, tables, indexedTables) {
  const { rows: foreignKeys } = await client.query(
    `SELECT conrelid::regclass::text AS table_name, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype = 'f' AND connamespace = 'public'::regnamespace
        AND (conrelid::regclass::text = ANY ($1) OR confrelid::regclass::text = ANY ($1))
      ORDER BY conrelid::regclass::text, conname`,
    [tables],
  );
  // Primary keys and unique constraints come back as a unique index first, then the constraint
  // adopts it: CREATE INDEX lets other indexes of the table build beside it, ADD CONSTRAINT does not.
  const { rows: keys } = await client.query(
    `SELECT conrelid::regclass::text AS table_name, conname AS name, contype AS kind,
            pg_get_indexdef(conindid) AS index_definition
       FROM pg_constraint
      WHERE contype IN ('p', 'u') AND connamespace = 'public'::regnamespace AND conrelid::regclass::text = ANY ($1)
      ORDER BY conrelid::regclass::text, conname`,
    [indexedTables],
  );
  const { rows: indexes } = await client.query(
    `SELECT index.indrelid::regclass::text AS table_name, class.relname AS name, pg_get_indexdef(index.indexrelid) AS definition
       FROM pg_index index JOIN pg_class class ON class.oid = index.indexrelid
      WHERE index.indrelid::regclass::text = ANY ($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint
                         WHERE conindid = index.indexrelid AND conrelid = index.indrelid AND contype IN ('p', 'u', 'x'))
      ORDER BY index.indrelid::regclass::text, class.relname`,
    [indexedTables],
  );
  return { foreignKeys, keys, indexes };
}

export async function dropConstraints(client, { foreignKeys, keys, indexes }) {
  await client.query('BEGIN');
  for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table_name} DROP CONSTRAINT ${key.name}`);
  for (const key of keys) await client.query(`ALTER TABLE ${key.table_name} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await client.query('COMMIT');
}

/**
 * Rebuilds everything `dropConstraints` set aside. Each table's indexes start as soon as
 * `loaded(table)` resolves, spread over `clients`; then the foreign keys are added NOT VALID and
 * validated table by table in parallel (validation takes a lock that lets other tables' run beside it).
 */
export async function restoreConstraints(clients, { foreignKeys, keys, indexes }, loaded, log) {
  const builds = [
    ...keys.map((key) => ({
      label: `${key.table_name}.${key.name}`,
      sql: key.index_definition,
      table: key.table_name,
    })),
    ...indexes.map((index) => ({
      label: `${index.table_name}.${index.name}`,
      sql: index.definition,
      table: index.table_name,
    })),
  ];
  // The full-text index is the longest build: start it first so the others fit around it.
  builds.sort((a, b) => Number(/USING gin/i.test(b.sql)) - Number(/USING gin/i.test(a.sql)));
  await runQueue(clients, builds, loaded, log);

  await clients[0].query('BEGIN');
  for (const key of keys) {
    const kind = key.kind === 'p' ? 'PRIMARY KEY' : 'UNIQUE';
    await clients[0].query(`ALTER TABLE ${key.table_name} ADD CONSTRAINT ${key.name} ${kind} USING INDEX ${key.name}`);
  }
  for (const key of foreignKeys) {
    await clients[0].query(`ALTER TABLE ${key.table_name} ADD CONSTRAINT ${key.name} ${key.definition} NOT VALID`);
  }
  await clients[0].query('COMMIT');
  const byTable = new Map();
  for (const key of foreignKeys) byTable.set(key.table_name, [...(byTable.get(key.table_name) ?? []), key]);
  const validations = [...byTable.entries()].map(([table, tableKeys]) => ({
    label: `foreign keys of ${table}`,
    sql: tableKeys.map((key) => `ALTER TABLE ${table} VALIDATE CONSTRAINT ${key.name}`),
    table,
  }));
  await runQueue(clients, validations, loaded, log);
}

/** Runs the jobs over the clients, each taking the first job whose table has finished loading. */
async function runQueue(clients, jobs, loaded, log) {
  const waiting = jobs.map((job) => ({ job, ready: false }));
  for (const entry of waiting) {
    void Promise.resolve(loaded(entry.job.table)).then(
      () => (entry.ready = true),
      () => undefined,
    );
  }
  const takeReady = async () => {
    for (;;) {
      if (waiting.length === 0) return null;
      const index = waiting.findIndex((entry) => entry.ready);
      if (index >= 0) return waiting.splice(index, 1)[0].job;
      await Promise.race(waiting.map((entry) => loaded(entry.job.table)));
    }
  };
  await Promise.all(
    clients.map(async (client) => {
      for (let job = await takeReady(); job; job = await takeReady()) {
        const started = performance.now();
        for (const sql of [job.sql].flat()) await client.query(sql);
        const seconds = (performance.now() - started) / 1000;
        if (seconds >= 2) log(`  ${job.label}: ${seconds.toFixed(1)} s`);
      }
    }),
  );
}
