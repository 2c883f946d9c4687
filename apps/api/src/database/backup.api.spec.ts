import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { CSRF_HEADER } from '@portfolio/contracts';

import { type DumpableServer, dumpableServer } from '../../test/dumpable-postgres';
import { addTrainingRecord, createDeanery, createProgramme, createUser, signIn } from '../../test/factories';
import { createTestApp, workspaceRoot } from '../../test/test-app';
import { AuditChainer } from '../audit/audit-chainer';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';

const dbScript = resolve(workspaceRoot, 'tools/scripts/db.mjs');

function runDbScript(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, [dbScript, ...args], {
    cwd: workspaceRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run db:backup and db:restore', () => {
  let server: DumpableServer;
  let folder: string;
  const suffix = randomBytes(4).toString('hex');
  const sourceName = `backup_source_${suffix}`;
  const copyName = `backup_copy_${suffix}`;

  const onServer = async <T>(database: string, work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: server.urlFor(database) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    server = await dumpableServer();
    folder = await mkdtemp(join(tmpdir(), 'portfolio-backup-'));
    await onServer('postgres', (client) => client.query(`CREATE DATABASE ${sourceName}`));
  });

  afterAll(async () => {
    await onServer('postgres', async (client) => {
      for (const name of [sourceName, copyName]) {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    });
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('backs up a database, restores it into a fresh one, and the copy has every row and an intact audit chain', async () => {
    const source = await createTestApp({
      seedFrameworks: true,
      databaseUrl: server.urlFor(sourceName),
      schema: 'public',
    });
    try {
      const { dataSource } = source;
      const programme = await createProgramme(dataSource, await createDeanery(dataSource));
      const trainee = await createUser(dataSource, ['trainee']);
      await addTrainingRecord(dataSource, trainee.id, programme);
      const client = await signIn(source.app, trainee.email);
      for (const title of ['Chaired the rota meeting', 'Led the audit', 'Taught the FY1s']) {
        await client.agent
          .post('/api/evidence')
          .set(CSRF_HEADER, client.csrfToken)
          .send({ type: 'leadership-activity', title, occurredOn: '2026-11-02', links: [{ elementKey: '2.4' }] })
          .expect(201);
      }
    } finally {
      await source.stop();
    }

    const archive = join(folder, 'portfolio.dump');
    const backup = runDbScript(['backup', '--file', archive], server.urlFor(sourceName));
    expect(backup).toMatchObject({ status: 0, output: expect.stringContaining('Backed up') });
    expect((await readFile(archive)).subarray(0, 5).toString()).toBe('PGDMP');

    const restore = runDbScript(['restore', '--file', archive, '--into', server.urlFor(copyName)], '');
    expect(restore).toMatchObject({ status: 0, output: expect.stringContaining('Restored') });

    const sourceCounts = await rowCounts(sourceName);
    expect(sourceCounts).toMatchObject({ 'public.evidence_item': 3, 'public.evidence_element_link': 3 });
    expect(await rowCounts(copyName)).toEqual(sourceCounts);
    const copy = new DataSource({ type: 'postgres', url: server.urlFor(copyName) });
    await copy.initialize();
    try {
      const verification = await new AuditService(
        copy,
        new AuditChainer(copy, { nodeEnv: 'test' } as AppConfig),
      ).verify();
      expect(verification).toMatchObject({ valid: true, firstBrokenEventId: null });
      expect(verification.eventsChecked).toBeGreaterThanOrEqual(4); // a sign-in and three items
    } finally {
      await copy.destroy();
    }
  });

  it('refuses to restore over a database that holds data, unless told to replace it', async () => {
    const archive = join(folder, 'portfolio.dump');
    const refused = runDbScript(['restore', '--file', archive, '--into', server.urlFor(copyName)], '');
    expect(refused.status).toBe(2);
    expect(refused.output).toMatch(/is not empty .* add --force/);

    await onServer(copyName, (client) => client.query(`INSERT INTO deanery (code, name) VALUES ('Extra', 'Extra')`));
    const replaced = runDbScript(['restore', '--file', archive, '--into', server.urlFor(copyName), '--force'], '');
    expect(replaced.status).toBe(0);
    expect(await rowCounts(copyName)).toEqual(await rowCounts(sourceName));
  });

  it('names what is wrong when the backup is missing or the arguments are not understood', () => {
    expect(runDbScript(['restore'], server.urlFor(copyName))).toMatchObject({
      status: 2,
      output: expect.stringContaining('Name the backup to restore'),
    });
    expect(runDbScript(['restore', '--file', join(folder, 'none.dump')], server.urlFor(copyName))).toMatchObject({
      status: 2,
      output: expect.stringContaining('There is no backup at'),
    });
    expect(runDbScript(['backup', '--into', 'x'], server.urlFor(sourceName))).toMatchObject({
      status: 2,
      output: expect.stringContaining("Unknown option '--into'"),
    });
  });

  /** Rows in every table outside PostgreSQL's own schemas, by qualified name. */
  async function rowCounts(database: string): Promise<Record<string, number>> {
    return onServer(database, async (client) => {
      const { rows: tables } = await client.query<{ name: string }>(
        `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
          ORDER BY 1`,
      );
      const counts: Record<string, number> = {};
      for (const { name } of tables) {
        const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${name}`);
        counts[name] = rows[0]?.count ?? 0;
      }
      return counts;
    });
  }
});
