// `npm run bench:data -- [--seed 1] [--trainees 5000] [--small-deanery-trainees 1000] [--items-per-trainee 100]
//                        [--assessments-per-trainee 10] [--as-of 2026-11-01] [--skip-build]`
// Fills the (new, empty) database in DATABASE_URL with a generated large deanery and a small one:
// trainees across programmes and stages with their evidence, assessments, sign-offs and last
// year's progression reviews, their supervisors, and a year of hash-chained audit events. The
// same seed and sizes give the same data.
import argon2 from 'argon2';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

import { runNx, workspaceRoot } from '../scripts/nx.mjs';
import { GENESIS_HASH, chainHash } from './lib/audit-chain.mjs';
import { benchAccounts, benchPassword, reportTraineeItemsFactor } from './lib/bench-accounts.mjs';
import { dropConstraints, readConstraints, restoreConstraints } from './lib/bulk-load-schema.mjs';
import { openCopy } from './lib/copy.mjs';
import { buildOrganisation, dayMs, organisationTables } from './lib/organisation.mjs';
import { buildPortfolio, columns } from './lib/portfolio.mjs';
import { createRandom } from './lib/random.mjs';
import { createProse } from './lib/text.mjs';

const { values: options } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    trainees: { type: 'string', default: '5000' },
    // A second, small deanery: the whole of it is the benchmark's batch of reports.
    'small-deanery-trainees': { type: 'string', default: '1000' },
    'items-per-trainee': { type: 'string', default: '100' },
    'assessments-per-trainee': { type: 'string', default: '10' },
    // A fixed date rather than today, so the same seed gives the same rows on any day.
    'as-of': { type: 'string', default: '2026-11-01' },
    'skip-build': { type: 'boolean', default: false },
  },
});

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error(
    'Set DATABASE_URL to a new, empty database, e.g.\n' +
      '  createdb -h 127.0.0.1 -U postgres bench\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:data',
  );
  process.exit(2);
}
const count = (name, minimum) => {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < minimum) {
    console.error(`--${name} must be a whole number of at least ${minimum}.`);
    process.exit(2);
  }
  return value;
};
const sizes = {
  seed: count('seed', 0),
  trainees: count('trainees', 1),
  smallDeaneryTrainees: count('small-deanery-trainees', 0),
  itemsPerTrainee: count('items-per-trainee', 0),
  assessmentsPerTrainee: count('assessments-per-trainee', 0),
};
const asOfMs = Date.parse(`${options['as-of']}T17:00:00Z`);
if (Number.isNaN(asOfMs) || asOfMs > Date.now()) {
  console.error('--as-of must be a date (YYYY-MM-DD) no later than today.');
  process.exit(2);
}
const yearStartMs = asOfMs - 365 * dayMs;

const started = performance.now();
const seconds = (since = started) => ((performance.now() - since) / 1000).toFixed(1);
const log = (message) => console.log(`[${seconds().padStart(6)} s] ${message}`);

// The tables this script fills; the big ones load without their indexes, which are rebuilt after.
const words = (text) => text.split(' ');
const organisationTableNames = words(
  'deanery programme app_user training_record supervisor_assignment progression_review',
);
const reindexedTables = words(
  'evidence_item evidence_element_link assessment assessment_round assessment_element element_sign_off ' +
    'trainee_activity audit_event sign_in_attempt',
);
const loadedTables = [...organisationTableNames, ...reindexedTables];

async function prepareSchema() {
  if (!options['skip-build']) {
    log('Building the API (cached by Nx when unchanged)...');
    runNx(['build', 'api', '--outputStyle=static']);
  }
  log('Migrating and importing frameworks and assessment templates (main.js seed)...');
  try {
    // `seed` runs the migrations as it connects, then imports framework-data/.
    execFileSync(process.execPath, [join(workspaceRoot, 'dist/apps/api/main.js'), 'seed'], {
      cwd: workspaceRoot,
      env: { ...process.env, DATABASE_URL: connectionString },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    console.error('The API could not migrate or seed this database.');
    process.exit(1);
  }
}

function pickCurrent(versions) {
  const byVersion = (a, b) => a.version.localeCompare(b.version, undefined, { numeric: true });
  const published = versions.filter((version) => version.status === 'published').sort(byVersion);
  return published.at(-1) ?? versions.slice().sort(byVersion).at(-1);
}

async function readReferenceData(client) {
  const framework = pickCurrent(
    (await client.query(`SELECT id, version, status FROM framework WHERE key = 'mlcf'`)).rows,
  );
  if (!framework) throw new Error('The MLCF is not loaded: did the seed step run?');
  const { rows: stages } = await client.query(
    `SELECT id, key, sequence FROM framework_stage WHERE framework_id = $1 ORDER BY sequence`,
    [framework.id],
  );
  // Only elements with an outcome at a stage may be linked at that stage.
  const { rows: applicable } = await client.query(
    `SELECT element.id, element.key, element.code, element.sequence, stage.key AS stage_key
       FROM framework_element element
       JOIN framework_outcome outcome ON outcome.element_id = element.id
       JOIN framework_stage stage ON stage.id = outcome.stage_id
      WHERE element.framework_id = $1
      GROUP BY element.id, element.key, element.code, element.sequence, stage.key
      ORDER BY element.sequence`,
    [framework.id],
  );
  const elementsAtStage = new Map(stages.map((stage) => [stage.key, []]));
  const elementById = new Map();
  for (const row of applicable) {
    const element = elementById.get(row.id) ?? { id: row.id, key: row.key, code: row.code, sequence: row.sequence };
    elementById.set(row.id, element);
    elementsAtStage.get(row.stage_key).push(element);
  }
  const template = pickCurrent(
    (
      await client.query(
        `SELECT id, version, status, definition FROM assessment_template WHERE key = 'service-improvement-business-plan'`,
      )
    ).rows,
  );
  if (!template) throw new Error('The business-plan assessment template is not loaded.');
  return {
    framework: { id: framework.id, stageByKey: new Map(stages.map((stage) => [stage.key, stage])), elementsAtStage },
    stageKeys: stages.map((stage) => stage.key),
    template,
  };
}

async function connectForMaintenance() {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(`SET maintenance_work_mem = '1GB'`);
  return client;
}

/** Loads the organisation: small tables, each in one COPY. */
async function loadOrganisation(organisation, loaded) {
  await Promise.all(
    organisationTables(organisation, yearStartMs - 30 * dayMs).map(async ({ table, columns: tableColumns, rows }) => {
      const copy = await openCopy(connectionString, table, tableColumns);
      for (const row of rows) await copy.write(row);
      loaded[table] = await copy.end();
    }),
  );
}

/**
 * Generates and streams every trainee's portfolio and a year of sign-ins. Answers, per table, a
 * promise that settles when its rows are all in.
 */
async function loadPortfolios(random, organisation, reference, audit, loaded) {
  // Two streams for evidence: computing each item's tsvector is most of the load's work, and
  // this way both cores do it.
  const evidenceCopies = await Promise.all(
    [0, 1].map(() => openCopy(connectionString, 'evidence_item', columns.evidence_item)),
  );
  const otherTables = words(
    'evidence_element_link assessment assessment_round assessment_element element_sign_off trainee_activity',
  );
  const copies = Object.fromEntries(
    await Promise.all(
      otherTables.map(async (table) => [table, await openCopy(connectionString, table, columns[table])]),
    ),
  );
  const signInCopy = await openCopy(
    connectionString,
    'sign_in_attempt',
    words('email ip_address succeeded attempted_at'),
  );
  const signIns = async (user, count) => {
    for (let i = 0; i < count; i++) {
      const ms = yearStartMs + Math.floor(random.float() * (asOfMs - yearStartMs));
      const ip = `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
      await signInCopy.write([user.email, ip, true, new Date(ms).toISOString()]);
      audit({
        ms,
        actorId: user.id,
        action: 'auth.sign-in.succeeded',
        entityType: 'account',
        entityId: user.id,
        details: {},
        ipAddress: ip,
      });
    }
  };

  const context = {
    framework: reference.framework,
    template: reference.template,
    prose: createProse(random),
    asOfMs,
    yearStartMs,
    itemsPerTrainee: sizes.itemsPerTrainee,
    assessmentsPerTrainee: sizes.assessmentsPerTrainee,
    assessors: organisation.assessors,
    audit,
  };
  const reportTraineeContext = {
    ...context,
    itemsPerTrainee: Math.round(sizes.itemsPerTrainee * reportTraineeItemsFactor),
  };
  const progressEvery = Math.max(1, Math.round(organisation.trainees.length / 10));
  for (const trainee of organisation.trainees) {
    const rows = buildPortfolio(random, trainee, trainee.isReportTrainee ? reportTraineeContext : context);
    const evidenceCopy = evidenceCopies[trainee.index % evidenceCopies.length];
    for (const row of rows.evidence_item) await evidenceCopy.write(row);
    for (const table of otherTables) {
      for (const row of rows[table]) await copies[table].write(row);
    }
    await signIns(trainee.user, random.int(8, 30));
    if ((trainee.index + 1) % progressEvery === 0) log(`  ${trainee.index + 1} trainees generated`);
  }
  for (const supervisor of organisation.supervisors) await signIns(supervisor, random.int(30, 90));
  for (const user of organisation.users) {
    if (!user.roles.includes('trainee') && !user.roles.includes('supervisor')) await signIns(user, random.int(20, 120));
  }

  const finished = (copy) => copy.end().then((rows) => (loaded[copy.table] = (loaded[copy.table] ?? 0) + rows));
  return new Map([
    ['evidence_item', Promise.all(evidenceCopies.map(finished))],
    ...[...Object.values(copies), signInCopy].map((copy) => [copy.table, finished(copy)]),
  ]);
}

/** The audit log in time order, each event linked to the one before it as the API links them. */
async function loadAuditLog(auditEvents, loaded) {
  auditEvents.sort((a, b) => a.ms - b.ms);
  const copy = await openCopy(
    connectionString,
    'audit_event',
    words('occurred_at actor_id action entity_type entity_id details ip_address previous_hash hash'),
  );
  let previousHash = GENESIS_HASH;
  for (const event of auditEvents) {
    const fields = {
      occurredAt: new Date(event.ms).toISOString(),
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      details: event.details ?? {},
      ipAddress: event.ipAddress ?? null,
    };
    const hash = chainHash(previousHash, fields);
    await copy.write([
      fields.occurredAt,
      fields.actorId,
      fields.action,
      fields.entityType,
      fields.entityId,
      fields.details,
      fields.ipAddress,
      previousHash,
      hash,
    ]);
    previousHash = hash;
  }
  loaded.audit_event = await copy.end();
}

async function main() {
  await prepareSchema();
  const control = new pg.Client({ connectionString });
  await control.connect();
  const { rows: existing } = await control.query(`SELECT count(*)::int AS accounts FROM app_user`);
  if (existing[0].accounts > 0) {
    console.error(
      `This database already holds ${existing[0].accounts} accounts. Load into a new, empty database:\n` +
        '  dropdb -h 127.0.0.1 -U postgres bench && createdb -h 127.0.0.1 -U postgres bench',
    );
    process.exit(1);
  }
  const reference = await readReferenceData(control);
  log(
    `Generating ${sizes.trainees} + ${sizes.smallDeaneryTrainees} trainees (seed ${sizes.seed}, as of ${options['as-of']})...`,
  );

  const random = createRandom(sizes.seed);
  // Hashed once with the API's parameters; every account shares it.
  const passwordHash = await argon2.hash(benchPassword, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const auditEvents = [];
  const audit = (event) => auditEvents.push(event);
  const organisation = buildOrganisation(random, {
    trainees: sizes.trainees,
    smallDeaneryTrainees: sizes.smallDeaneryTrainees,
    stageKeys: reference.stageKeys,
    passwordHash,
    yearStartMs,
    asOfMs,
    audit,
  });

  const constraints = await readConstraints(control, loadedTables, reindexedTables);
  await dropConstraints(control, constraints);
  const loadStarted = performance.now();
  const loaded = {};
  await loadOrganisation(organisation, loaded);
  log(
    `Loaded ${organisation.users.length} accounts, ${organisation.assignments.length} supervisor assignments ` +
      `and ${organisation.reviews.length} progression reviews`,
  );
  const tableLoaded = await loadPortfolios(random, organisation, reference, audit, loaded);
  for (const table of organisationTableNames) tableLoaded.set(table, Promise.resolve());
  const auditLoaded = loadAuditLog(auditEvents, loaded);
  tableLoaded.set('audit_event', auditLoaded);
  for (const promise of tableLoaded.values()) promise.catch(() => undefined);

  // Each table's indexes are rebuilt as soon as its rows are in, and it has been vacuumed
  // (which sets the visibility map and hint bits now, so neither autovacuum nor the first reads
  // do it during a benchmark), while other tables are still loading.
  const workers = await Promise.all([0, 1, 2, 3].map(() => connectForMaintenance()));
  const vacuumClient = workers.pop();
  let vacuums = Promise.resolve();
  const vacuumed = new Map(
    loadedTables.map((table) => [
      table,
      tableLoaded.get(table).then(() => (vacuums = vacuums.then(() => vacuumClient.query(`VACUUM ${table}`)))),
    ]),
  );
  for (const promise of vacuumed.values()) promise.catch(() => undefined);
  const rebuilt = restoreConstraints(workers, constraints, (table) => vacuumed.get(table), log);
  rebuilt.catch(() => undefined);
  await Promise.all(tableLoaded.values());
  log(`All rows loaded in ${seconds(loadStarted)} s; finishing keys and indexes...`);
  await rebuilt;
  log('Keys and indexes rebuilt; analysing...');
  workers.push(vacuumClient);
  const analyseQueue = [...loadedTables];
  await Promise.all(
    workers.map(async (client) => {
      for (let table = analyseQueue.shift(); table; table = analyseQueue.shift())
        await client.query(`ANALYZE ${table}`);
    }),
  );
  await Promise.all(workers.map((client) => client.end()));
  await control.end();

  console.log(`\nLoaded in ${seconds()} s (seed ${sizes.seed}, as of ${options['as-of']}):`);
  for (const table of loadedTables) console.log(`  ${table.padEnd(24)} ${String(loaded[table] ?? 0).padStart(10)}`);
  console.log(`\nBench accounts (password ${benchPassword}):`);
  for (const [role, email] of Object.entries(benchAccounts)) console.log(`  ${role.padEnd(18)} ${email}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.error('The load stopped part-way, so this database may lack its keys and indexes: drop it and start again.');
  process.exit(1);
});
