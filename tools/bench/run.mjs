// `npm run bench -- [--duration 10] [--rounds 3] [--connections 50] [--sign-in-connections 10]
//                   [--warmup 3] [--only key,key] [--label name] [--skip-build] [--skip-lighthouse] [--skip-web]
//                   [--dist dist/apps]`
// Starts the production build against DATABASE_URL (filled by `npm run bench:data`) and measures
// each endpoint in lib/entries.mjs with autocannon, beside three limits measured in the same run:
// the same SQL straight through pg (the database's), a bare Node http server (the runtime's) and a
// signed-in request that does no work (the API's own).
// Writes bench/results/<date>-<commit>.json and the table in bench/README.md; with `--label`,
// <date>-<commit>-<label>.json and the README's table for that label (`npm run bench:reports`).
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

import { workspaceRoot } from '../scripts/nx.mjs';
import { benchAccounts } from './lib/bench-accounts.mjs';
import { entries, signedInFloor } from './lib/entries.mjs';
import { measureHttp, measureLoop, medianRound } from './lib/measure.mjs';
import { resultsMarkdown, writeResults } from './lib/report.mjs';
import { freePort, gitState, machine, signIn, startApi, stop, waitFor } from './lib/server.mjs';
import { initialBundle, lighthousePerformance } from './lib/web.mjs';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'sign-in-connections': { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
    label: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
    'skip-web': { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist/apps' },
  },
});

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error('Set DATABASE_URL to the database `npm run bench:data` filled, e.g.');
  console.error('  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench');
  process.exit(2);
}
const positive = (name) => {
  const value = Number(options[name]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number.`);
    process.exit(2);
  }
  return value;
};
const settings = {
  seconds: positive('duration'),
  rounds: Math.round(positive('rounds')),
  connections: Math.round(positive('connections')),
  signInConnections: Math.round(positive('sign-in-connections')),
  warmupSeconds: Number(options.warmup) || 0,
};
const distDir = resolve(workspaceRoot, options.dist);
const selected = options.only ? options.only.split(',').map((key) => key.trim()) : null;
const label = options.label?.trim() || null;
if (label !== null && !/^[a-z0-9-]+$/.test(label)) {
  console.error('--label must be lower-case letters, digits and hyphens.');
  process.exit(2);
}
const log = (message) => console.log(message);

/** A run of `seconds` of an entry's request under load, signed in as the entry says. */
function httpRun(entry, context, sessions, base, connections) {
  const request = entry.request(context);
  const session = entry.as ? sessions[entry.as] : null;
  return (seconds) =>
    measureHttp({
      url: `${base}${request.path}`,
      method: request.method,
      headers: { ...(request.headers ?? {}), ...(session ? { cookie: session.cookie } : {}) },
      body: request.body,
      setupRequest: request.setupRequest,
      connections,
      seconds,
    });
}

/** The round standing for `runs`: the median one of several, the only one, or none. */
const standingRound = (runs) => (runs.length === 0 ? null : runs.length > 1 ? medianRound(runs) : runs[0]);

/** Work that is not one request under load (reports, a batch) measures itself; a failure counts as an error. */
async function measureItself(entry, context) {
  try {
    return await entry.measure(context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  failed: ${message}`);
    return {
      requests: 0,
      seconds: 0,
      requestsPerSecond: 0,
      latencyMs: { p50: null, p95: null, p99: null, max: null },
      errors: 1,
      firstError: message,
    };
  }
}

function build() {
  const projects = options['skip-web'] ? ['api'] : ['api', 'web'];
  log(`Building ${projects.join(' and ')} (cached by Nx when unchanged)...`);
  for (const project of projects) {
    const result = spawnSync(
      process.execPath,
      [join(workspaceRoot, 'tools/scripts/nx.mjs'), 'build', project, '--outputStyle=static'],
      { cwd: workspaceRoot, stdio: 'inherit' },
    );
    if (result.status !== 0) {
      if (project === 'api') process.exit(result.status ?? 1);
      log('The web app did not build: its bundle and Lighthouse figures will be missing.');
    }
  }
}

/** A process of its own, so the runtime's limit is measured on the same terms as the API. */
async function startBareServer() {
  const port = await freePort();
  const script = `
    const body = JSON.stringify({ status: 'ok', service: 'bare node http', checkedAt: '2026-01-01T00:00:00.000Z' });
    require('node:http').createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    }).listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${port}/`, child, 10_000, 'its output');
  return { child, url: `http://127.0.0.1:${port}/` };
}

async function readDataset(client) {
  const { rows } = await client.query(
    `
    SELECT (SELECT count(*) FROM app_user WHERE 'trainee' = ANY (roles))::int AS trainees,
           (SELECT count(*) FROM evidence_item)::int AS evidence_items,
           (SELECT count(*) FROM assessment)::int AS assessments,
           (SELECT count(*) FROM audit_event)::int AS audit_events,
           (SELECT id FROM app_user WHERE email = $1) AS trainee_id,
           (SELECT id FROM app_user WHERE email = $2) AS report_trainee_id,
           (SELECT max(period) FROM progression_review) AS review_period,
           (SELECT array_agg(email) FROM app_user WHERE email = ANY ($3)) AS accounts,
           current_setting('server_version') AS server_version,
           current_setting('shared_buffers') AS shared_buffers`,
    [benchAccounts.trainee, benchAccounts.reportTrainee, Object.values(benchAccounts)],
  );
  const [dataset] = rows;
  if (!dataset.trainee_id) {
    throw new Error('This database has no bench accounts: fill it first with `npm run bench:data`.');
  }
  const { rows: deaneries } = await client.query(
    `SELECT deanery.name, count(DISTINCT record.trainee_id)::int AS trainees
       FROM deanery JOIN programme ON programme.deanery_id = deanery.id
       JOIN training_record record ON record.programme_id = programme.id
      GROUP BY deanery.name ORDER BY trainees DESC`,
  );
  // The API's "current version": the newest published one (numeric-aware), as the trainee's programme uses.
  const { rows: frameworks } = await client.query(
    `SELECT framework.id, framework.version, framework.status
       FROM framework JOIN programme ON programme.framework_key = framework.key
       JOIN training_record record ON record.programme_id = programme.id
      WHERE record.trainee_id = $1`,
    [dataset.trainee_id],
  );
  const byVersion = (a, b) => a.version.localeCompare(b.version, undefined, { numeric: true });
  const published = frameworks.filter((framework) => framework.status === 'published').sort(byVersion);
  const framework = published.at(-1) ?? frameworks.sort(byVersion).at(-1);
  return {
    trainees: dataset.trainees,
    evidenceItems: dataset.evidence_items,
    assessments: dataset.assessments,
    auditEvents: dataset.audit_events,
    deaneries,
    accounts: dataset.accounts ?? [],
    postgres: { version: dataset.server_version, sharedBuffers: dataset.shared_buffers },
    ids: {
      trainee: dataset.trainee_id,
      reportTrainee: dataset.report_trainee_id,
      reviewPeriod: dataset.review_period,
      framework: framework.id,
    },
  };
}

function evaluate(targets, api, ratios) {
  if (!api) return null;
  const checks = [api.errors === 0];
  if (targets.p50Ms !== undefined) checks.push(api.latencyMs.p50 !== null && api.latencyMs.p50 <= targets.p50Ms);
  if (targets.p95Ms !== undefined) checks.push(api.latencyMs.p95 !== null && api.latencyMs.p95 <= targets.p95Ms);
  if (targets.maxMs !== undefined) checks.push(api.latencyMs.max !== null && api.latencyMs.max <= targets.maxMs);
  if (targets.ofRawSql !== undefined) checks.push(ratios.ofRawSql !== null && ratios.ofRawSql >= targets.ofRawSql);
  if (targets.minRequestsPerSecond !== undefined) checks.push(api.requestsPerSecond >= targets.minRequestsPerSecond);
  return checks.every(Boolean);
}

async function main() {
  if (!options['skip-build']) build();
  const loadAverageBefore = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const control = new pg.Client({ connectionString });
  await control.connect();
  const dataset = await readDataset(control);
  await control.end();
  log(`Data: ${dataset.trainees} trainees, ${dataset.evidenceItems} evidence items; starting the servers...`);
  // Entries whose account an older load lacks are left out rather than failing the run.
  const wanted = entries.filter((entry) => !selected || selected.includes(entry.key));
  const runnable = wanted.filter((entry) => !entry.as || dataset.accounts.includes(benchAccounts[entry.as]));
  for (const entry of wanted.filter((candidate) => !runnable.includes(candidate))) {
    log(`Leaving out ${entry.title}: ${benchAccounts[entry.as]} is not in this database (reload it with bench:data).`);
  }

  const bare = await startBareServer();
  const api = await startApi(distDir, connectionString);
  // JIT off, as the API's own connections have it (apps/api/src/database/typeorm-options.ts).
  const pool = new pg.Pool({ connectionString, max: settings.connections, options: '-c jit=off' });
  const results = { entries: [] };
  try {
    const sessions = {};
    for (const account of new Set(['trainee', ...runnable.map((entry) => entry.as).filter(Boolean)])) {
      sessions[account] = await signIn(api.base, benchAccounts[account]);
    }
    const context = { sessions, ids: dataset.ids, dataset, options: settings };
    const warmUp = (run) => (settings.warmupSeconds > 0 ? run(settings.warmupSeconds) : null);

    log(`Bare Node http server (${settings.connections} connections, ${settings.seconds} s)...`);
    const bareRun = (seconds) => measureHttp({ url: bare.url, connections: settings.connections, seconds });
    await warmUp(bareRun);
    results.runtime = await bareRun(settings.seconds);

    for (const entry of runnable) {
      const connections = entry.connections?.(context) ?? settings.connections;
      // Requests under load are measured in rounds, each followed by its SQL's, so that both see the
      // machine as it was; the median round stands for them. Other work measures itself once.
      const rounds = entry.measure ? 1 : settings.rounds;
      const each = rounds > 1 ? ` × ${rounds} rounds` : '';
      log(
        entry.measure
          ? `${entry.title}...`
          : `${entry.title} (${connections} connections, ${settings.seconds} s${each})...`,
      );
      const measureApi = entry.measure
        ? () =>
            measureItself(entry, { ...context, base: api.base, pool, distDir, connections, seconds: settings.seconds })
        : httpRun(entry, context, sessions, api.base, connections);
      const measureSql = entry.sql
        ? (seconds) => measureLoop({ task: () => entry.sql(pool, context), connections, seconds })
        : null;
      // A read endpoint's rounds also measure the API's own limit at the same connections.
      const measureFloor = entry.sql ? httpRun(signedInFloor, context, sessions, api.base, connections) : null;
      if (!entry.measure) await warmUp(measureApi);
      if (measureSql) await warmUp(measureSql);
      const apiRounds = [];
      const sqlRounds = [];
      const floorRounds = [];
      for (let round = 0; round < rounds; round++) {
        apiRounds.push(await measureApi(settings.seconds));
        if (measureSql) sqlRounds.push(await measureSql(settings.seconds));
        if (measureFloor) floorRounds.push(await measureFloor(settings.seconds));
      }
      const apiResult = standingRound(apiRounds);
      const rawSql = standingRound(sqlRounds);
      const floor = standingRound(floorRounds);
      const ratios = {
        ofRawSql:
          rawSql?.requestsPerSecond && !rawSql.errors ? apiResult.requestsPerSecond / rawSql.requestsPerSecond : null,
        // Work that is not requests under load has nothing to compare with a bare server.
        ofBareNode: entry.measure ? null : apiResult.requestsPerSecond / results.runtime.requestsPerSecond,
        ofSignedInFloor: floor?.requestsPerSecond ? apiResult.requestsPerSecond / floor.requestsPerSecond : null,
      };
      results.entries.push({
        key: entry.key,
        title: entry.title,
        description: entry.description,
        as: entry.as,
        connections,
        api: apiResult,
        rawSql,
        signedInFloor: floor,
        ratios,
        targets: entry.targets,
        met: evaluate(entry.targets, apiResult, ratios),
      });
      const p = apiResult.latencyMs;
      const roundsMeasured = apiResult.rounds
        ? ` (rounds ${apiResult.rounds.map((each) => each.requestsPerSecond).join(' / ')})`
        : '';
      log(
        `  ${apiResult.requestsPerSecond} req/s${roundsMeasured}, p50 ${p.p50} / p95 ${p.p95} / p99 ${p.p99} ms, ` +
          `${apiResult.errors} errors` +
          (rawSql ? `; same SQL via pg ${rawSql.requestsPerSecond} req/s, p95 ${rawSql.latencyMs.p95} ms` : '') +
          (rawSql?.errors ? ` (${rawSql.errors} failed: ${rawSql.firstError})` : '') +
          (floor ? `; signed-in floor ${floor.requestsPerSecond} req/s, p95 ${floor.latencyMs.p95} ms` : ''),
      );
    }

    if (!options['skip-web']) {
      const bundle = initialBundle(join(distDir, 'web/browser'));
      if (!bundle.error) bundle.met = bundle.gzipBytes <= 250_000;
      let lighthouse;
      if (options['skip-lighthouse']) {
        lighthouse = { error: 'not run (--skip-lighthouse)' };
      } else if (bundle.error) {
        lighthouse = { error: 'not run: the web app is not built' };
      } else {
        log('Lighthouse, trainee dashboard (mobile and desktop)...');
        try {
          lighthouse = await lighthousePerformance(`${api.base}/dashboard`, sessions.trainee.cookie);
          // On a host Lighthouse calls too slow for its default, the calibrated run is the phone meant.
          lighthouse.met = (lighthouse.mobileCalibrated ?? lighthouse.mobile).score >= 95;
        } catch (error) {
          lighthouse = { error: `Lighthouse failed: ${error instanceof Error ? error.message : String(error)}` };
        }
      }
      results.web = { bundle, lighthouse };
    }
  } finally {
    await pool.end();
    await stop(api.child);
    await stop(bare.child);
  }

  const record = {
    date: new Date().toISOString().slice(0, 10),
    ...gitState(),
    label,
    machine: {
      ...machine(),
      loadAverageBefore,
      loadAverageAfter: os.loadavg().map((value) => Math.round(value * 100) / 100),
      node: process.version,
      postgres: dataset.postgres,
    },
    settings,
    dataset: {
      trainees: dataset.trainees,
      evidenceItems: dataset.evidenceItems,
      assessments: dataset.assessments,
      auditEvents: dataset.auditEvents,
      deaneries: dataset.deaneries,
    },
    runtime: results.runtime,
    entries: results.entries,
    web: results.web,
  };
  const file = await writeResults(join(workspaceRoot, 'bench'), record);
  console.log(`\n${resultsMarkdown(record, file.slice(workspaceRoot.length + 1))}\n`);
  console.log(`Written ${file} and its table in bench/README.md.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
