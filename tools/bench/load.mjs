// `npm run bench:load -- [--users 200] [--duration 60] [--warmup 20] [--think-ms 1000] [--skip-build]
//                        [--dist dist/apps]`
// A deadline day: `users` people at once for `duration` seconds against the production build on
// DATABASE_URL (filled by `npm run bench:data`). Trainees log, autosave and search evidence and
// look at their progress; supervisors open their dashboard and assess; deanery administrators
// page and filter the cohort. Each person waits a while between actions, as people do (a uniform
// 0.5–1.5 × `think-ms`). Every answer that is not 2xx is an error. Target: no errors, p99 ≤ 250 ms.
// The same people play `warmup` seconds first, as a server on a deadline day has been running: its
// latencies are reported apart (a fresh process counts every trainee's coverage once), its errors count.
// Writes bench/results/<date>-<commit>-load.json and the table between the load markers in bench/README.md.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';

import { workspaceRoot } from '../scripts/nx.mjs';
import { summarise } from './lib/measure.mjs';
import { createRandom } from './lib/random.mjs';
import { writeResults } from './lib/report.mjs';
import { gitState, machine, signIn, startApi, stop } from './lib/server.mjs';
import { commonSearchWord } from './lib/text.mjs';

const { values: options } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '20' },
    'think-ms': { type: 'string', default: '1000' },
    'skip-build': { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist/apps' },
  },
});

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error('Set DATABASE_URL to the database `npm run bench:data` filled, e.g.');
  console.error('  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:load');
  process.exit(2);
}
const settings = {
  users: Number(options.users),
  seconds: Number(options.duration),
  warmupSeconds: Number(options.warmup),
  thinkMs: Number(options['think-ms']),
};
for (const [name, value] of Object.entries(settings)) {
  if (!Number.isFinite(value) || value < 0 || (value === 0 && name !== 'warmupSeconds')) {
    console.error(`--${name} must be a positive number.`);
    process.exit(2);
  }
}
const targets = { p99Ms: 250, errors: 0 };
// Of every hundred people on the system at once: trainees most, then supervisors, then deanery staff.
const share = { trainee: 0.75, supervisor: 0.175, deaneryAdmin: 0.075 };
const searchWords = [commonSearchWord, 'sepsis', 'rota', 'budget', 'discharge', 'audit', 'teaching'];
const distDir = resolve(workspaceRoot, options.dist);
const log = (message) => console.log(message);

/** People to play, from the large deanery, with what each needs: their trainees, their pending assessments. */
async function readCast(client, counts) {
  const {
    rows: [deanery],
  } = await client.query(
    `SELECT deanery.id FROM deanery JOIN programme ON programme.deanery_id = deanery.id
       JOIN training_record record ON record.programme_id = programme.id
      GROUP BY deanery.id ORDER BY count(*) DESC LIMIT 1`,
  );
  const { rows: trainees } = await client.query(
    `SELECT DISTINCT ON (trainee.email) trainee.id, trainee.email
       FROM app_user trainee JOIN training_record record ON record.trainee_id = trainee.id
       JOIN programme ON programme.id = record.programme_id
      WHERE programme.deanery_id = $1 AND trainee.email LIKE 'trainee.%' AND trainee.disabled_at IS NULL
      ORDER BY trainee.email LIMIT $2`,
    [deanery.id, counts.trainee],
  );
  const { rows: supervisors } = await client.query(
    `SELECT supervisor.id, supervisor.email,
            array_agg(DISTINCT assignment.trainee_id) AS trainee_ids,
            coalesce(array_agg(DISTINCT assessment.id) FILTER (WHERE assessment.id IS NOT NULL), '{}') AS assessment_ids
       FROM app_user supervisor
       JOIN supervisor_assignment assignment ON assignment.supervisor_id = supervisor.id
        AND assignment.starts_on <= current_date AND (assignment.ends_on IS NULL OR assignment.ends_on >= current_date)
       LEFT JOIN assessment ON assessment.assessor_id = supervisor.id AND assessment.status IN ('requested', 'in-progress')
      WHERE supervisor.deanery_id = $1 AND 'supervisor' = ANY (supervisor.roles)
      GROUP BY supervisor.id, supervisor.email ORDER BY supervisor.email LIMIT $2`,
    [deanery.id, counts.supervisor],
  );
  const { rows: admins } = await client.query(
    `SELECT id, email FROM app_user WHERE deanery_id = $1 AND 'deanery_admin' = ANY (roles) ORDER BY email LIMIT $2`,
    [deanery.id, counts.deaneryAdmin],
  );
  const { rows: programmes } = await client.query(`SELECT id FROM programme WHERE deanery_id = $1`, [deanery.id]);
  const {
    rows: [period],
  } = await client.query(`SELECT max(period) AS period FROM progression_review`);
  return { trainees, supervisors, admins, programmes: programmes.map((row) => row.id), period: period.period };
}

/** Plays one person until the deadline, recording each action's latency under its name. */
async function play(person, base, deadline, random, record) {
  const json = { 'content-type': 'application/json' };
  const call = async (action, method, path, body) => {
    const started = performance.now();
    let status = 0;
    let answer = null;
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie: person.session.cookie,
          ...(method === 'GET' ? {} : { ...json, 'X-XSRF-TOKEN': person.session.csrfToken }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = response.status;
      answer = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
    } catch (error) {
      answer = error instanceof Error ? error.message : String(error);
    }
    record(action, performance.now() - started, status, answer);
    return status >= 200 && status < 300 ? answer : null;
  };
  const pick = (list) => list[random.int(0, list.length - 1)];
  const actions = person.actions(call, pick);
  const totalWeight = actions.reduce((sum, [weight]) => sum + weight, 0);
  // People arrive over the first few seconds rather than all in the same millisecond.
  await delay(random.int(0, settings.thinkMs * 2));
  while (Date.now() < deadline) {
    let draw = random.int(0, totalWeight - 1);
    const [, act] = actions.find(([weight]) => (draw -= weight) < 0);
    await act();
    await delay(settings.thinkMs * (0.5 + random.int(0, 1000) / 1000));
  }
}

function traineeActions(trainee) {
  let draft = null;
  return (call, pick) => [
    [25, () => call('evidence list', 'GET', '/api/evidence')],
    [20, () => call('evidence search', 'GET', `/api/evidence?q=${encodeURIComponent(pick(searchWords))}`)],
    [20, () => call('progress', 'GET', `/api/trainees/${trainee.id}/progress`)],
    [10, () => call('to-do list', 'GET', '/api/todo')],
    [
      15,
      async () => {
        draft = await call('evidence create', 'POST', '/api/evidence', {
          type: 'reflection',
          title: `Deadline-day reflection ${Date.now()}`,
          occurredOn: '2026-11-20',
          body: 'What happened on the ward and what I learned about leading the handover.',
        });
      },
    ],
    [
      10,
      async () => {
        if (!draft) return;
        draft =
          (await call('evidence autosave', 'PATCH', `/api/evidence/${draft.id}`, {
            version: draft.version,
            body: `${draft.body ?? ''} I would do it differently next time.`.slice(0, 5000),
          })) ?? null;
      },
    ],
  ];
}

function supervisorActions(supervisor) {
  const versions = new Map();
  return (call, pick) => [
    [40, () => call('supervision dashboard', 'GET', '/api/supervision')],
    [25, () => call('trainee progress', 'GET', `/api/trainees/${pick(supervisor.trainee_ids)}/progress`)],
    [15, () => call('assessments to assess', 'GET', '/api/assessments?scope=to-assess')],
    [
      20,
      async () => {
        if (supervisor.assessment_ids.length === 0) return;
        const id = pick(supervisor.assessment_ids);
        const assessment = versions.get(id) ?? (await call('assessment open', 'GET', `/api/assessments/${id}`));
        if (!assessment) return;
        const saved = await call('assessment judgement', 'PUT', `/api/assessments/${id}/judgement`, {
          ratings: {},
          overallJudgement: null,
          feedback: 'Clear plan; the stakeholder analysis needs the ward manager’s view.',
          version: assessment.version,
        });
        if (saved) versions.set(id, saved);
        else versions.delete(id);
      },
    ],
  ];
}

function deaneryActions(admin, cast) {
  const sorts = ['name', 'programme', 'stage', 'signed-off', 'assessments', 'outcome'];
  return (call, pick) => [
    [
      55,
      () =>
        call(
          'cohort page',
          'GET',
          `/api/cohort?period=${cast.period}&sort=${pick(sorts)}&page=${pick([1, 2, 3, 10, 40])}&pageSize=50`,
        ),
    ],
    [
      30,
      () => call('cohort filtered', 'GET', `/api/cohort?period=${cast.period}&programmeId=${pick(cast.programmes)}`),
    ],
    [15, () => call('trainee progress', 'GET', `/api/trainees/${pick(cast.trainees).id}/progress`)],
  ];
}

/** One sign-in per account (four at a time); people sharing an account share its session. */
async function signInAll(base, people) {
  const emails = [...new Set(people.map((person) => person.email))];
  const sessions = new Map();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let email = emails.shift(); email; email = emails.shift()) sessions.set(email, await signIn(base, email));
    }),
  );
  for (const person of people) person.session = sessions.get(person.email);
}

function loadMarkdown(results, relativeFile) {
  const number = (value, digits = 0) =>
    value === null || value === undefined ? '–' : value.toLocaleString('en-GB', { maximumFractionDigits: digits });
  const { overall } = results;
  const lines = [
    `Latest run: ${results.date}, commit \`${results.commit}\`${results.dirty ? ' (with uncommitted changes)' : ''}, ` +
      `on ${results.machine.cores} cores with ${number(results.machine.memoryGiB, 1)} GiB; load average ` +
      `${results.machine.loadAverageBefore.join(' / ')} before. ${results.settings.users} people ` +
      `(${results.cast.trainees} trainees, ${results.cast.supervisors} supervisors, ${results.cast.deaneryAdmins} ` +
      `deanery administrators) for ${results.settings.seconds} s, each waiting 0.5–1.5 × ${results.settings.thinkMs} ms ` +
      `between actions. Full record: \`${relativeFile}\`.`,
    '',
    `All requests: ${number(overall.requests)} (${number(overall.requestsPerSecond, 1)}/s), p50 ` +
      `${number(overall.latencyMs.p50, 1)} ms, p95 ${number(overall.latencyMs.p95, 1)} ms, p99 ` +
      `${number(overall.latencyMs.p99, 1)} ms, ${overall.errors} errors. Target: no errors and p99 ≤ ${targets.p99Ms} ms: ` +
      `${results.met ? 'met' : '**missed**'}.`,
    '',
    ...(results.warmup
      ? [
          `Warm-up (${results.settings.warmupSeconds} s before, the same people on a freshly started server, not in ` +
            `the figures above; its errors count against the target): ${number(results.warmup.requests)} requests, ` +
            `p50 ${number(results.warmup.latencyMs.p50, 1)} ms, p95 ${number(results.warmup.latencyMs.p95, 1)} ms, ` +
            `p99 ${number(results.warmup.latencyMs.p99, 1)} ms, ${results.warmup.errors} errors.`,
        ]
      : []),
    '',
    '| Action | Requests | p50 ms | p95 ms | p99 ms | max ms | Errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.actions.map(
      (action) =>
        `| ${action.name} | ${number(action.requests)} | ${number(action.latencyMs.p50, 1)} | ${number(action.latencyMs.p95, 1)} | ` +
        `${number(action.latencyMs.p99, 1)} | ${number(action.latencyMs.max, 1)} | ${action.errors} |`,
    ),
  ];
  return lines.join('\n');
}

async function main() {
  if (!options['skip-build']) {
    log('Building the API (cached by Nx when unchanged)...');
    const built = spawnSync(process.execPath, [join(workspaceRoot, 'tools/scripts/nx.mjs'), 'build', 'api'], {
      cwd: workspaceRoot,
      stdio: 'inherit',
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const counts = {
    trainee: Math.round(settings.users * share.trainee),
    supervisor: Math.round(settings.users * share.supervisor),
  };
  counts.deaneryAdmin = Math.max(1, settings.users - counts.trainee - counts.supervisor);
  const control = new pg.Client({ connectionString });
  await control.connect();
  const cast = await readCast(control, counts);
  await control.end();
  if (cast.trainees.length === 0)
    throw new Error('This database has no generated deanery: fill it with `npm run bench:data`.');
  // A deanery has few administrators: the same account may be open in several browsers.
  const people = [
    ...cast.trainees.map((trainee) => ({ ...trainee, actions: traineeActions(trainee) })),
    ...cast.supervisors.map((supervisor) => ({ ...supervisor, actions: supervisorActions(supervisor) })),
    ...Array.from({ length: counts.deaneryAdmin }, (_, index) => {
      const admin = cast.admins[index % cast.admins.length];
      return { ...admin, actions: deaneryActions(admin, cast) };
    }),
  ];
  const loadAverageBefore = os.loadavg().map((value) => Math.round(value * 100) / 100);
  log(`Starting the API; signing in ${people.length} people...`);
  const api = await startApi(distDir, connectionString);
  const samples = new Map();
  const firstErrors = [];
  try {
    await signInAll(api.base, people);
    log(`${people.length} people for ${settings.warmupSeconds} s of warm-up, then ${settings.seconds} s measured...`);
    const measuredFrom = performance.now() + settings.warmupSeconds * 1000;
    const deadline = Date.now() + (settings.warmupSeconds + settings.seconds) * 1000;
    const warmupFrom = performance.now();
    // Where a cold server's time goes: by action, and by 5-second slice of the warm-up.
    const warmup = { errors: 0, byAction: new Map(), bySlice: [] };
    const record = (action, latency, status, answer) => {
      const failed = status < 200 || status >= 300;
      const startedAt = performance.now() - latency;
      if (startedAt < measuredFrom) {
        if (!warmup.byAction.has(action)) warmup.byAction.set(action, []);
        warmup.byAction.get(action).push(latency);
        const slice = Math.floor((startedAt - warmupFrom) / 5000);
        (warmup.bySlice[slice] ??= []).push(latency);
        if (failed) warmup.errors += 1;
        if (failed && firstErrors.length < 10) firstErrors.push({ action, status, warmup: true });
        return;
      }
      const entry = samples.get(action) ?? { latencies: [], errors: 0, statusCounts: {} };
      samples.set(action, entry);
      entry.latencies.push(latency);
      entry.statusCounts[status] = (entry.statusCounts[status] ?? 0) + 1;
      if (status < 200 || status >= 300) {
        entry.errors += 1;
        if (firstErrors.length < 10) firstErrors.push({ action, status, answer: JSON.stringify(answer).slice(0, 300) });
      }
    };
    await Promise.all(people.map((person, index) => play(person, api.base, deadline, createRandom(index + 1), record)));
    const seconds = (performance.now() - measuredFrom) / 1000;
    const actions = [...samples.entries()]
      .map(([name, entry]) => ({
        name,
        ...summarise(entry.latencies, seconds, { errors: entry.errors, statusCounts: entry.statusCounts }),
      }))
      .sort((a, b) => b.requests - a.requests);
    const overall = summarise(
      [...samples.values()].flatMap((entry) => entry.latencies),
      seconds,
      { errors: actions.reduce((sum, action) => sum + action.errors, 0) },
    );
    const warmupSummary = {
      ...summarise([...warmup.byAction.values()].flat(), settings.warmupSeconds, { errors: warmup.errors }),
      actions: [...warmup.byAction.entries()]
        .map(([name, latencies]) => ({ name, ...summarise(latencies, settings.warmupSeconds) }))
        .sort((a, b) => b.requests - a.requests),
      slices: [...warmup.bySlice].map((latencies = [], index) => ({
        fromSecond: index * 5,
        ...summarise(latencies, 5),
      })),
    };
    const met =
      overall.errors + warmup.errors === targets.errors &&
      overall.latencyMs.p99 !== null &&
      overall.latencyMs.p99 <= targets.p99Ms;
    const results = {
      date: new Date().toISOString().slice(0, 10),
      ...gitState(),
      label: 'load',
      machine: {
        ...machine(),
        loadAverageBefore,
        loadAverageAfter: os.loadavg().map((value) => Math.round(value * 100) / 100),
        node: process.version,
      },
      settings,
      targets,
      cast: {
        trainees: cast.trainees.length,
        supervisors: cast.supervisors.length,
        deaneryAdmins: counts.deaneryAdmin,
      },
      overall,
      warmup: warmupSummary,
      met,
      actions,
      firstErrors,
    };
    const file = await writeResults(join(workspaceRoot, 'bench'), results, loadMarkdown);
    log(loadMarkdown(results, file));
    log(
      `Warm-up by action (p50 / p99 ms): ${warmupSummary.actions
        .map((action) => `${action.name} ${action.latencyMs.p50} / ${action.latencyMs.p99}`)
        .join('; ')}`,
    );
    log(
      `Warm-up by 5 s (p99 ms): ${warmupSummary.slices.map((slice) => `${slice.fromSecond} s ${slice.latencyMs.p99}`).join('; ')}`,
    );
    if (firstErrors.length > 0) log(`First errors: ${JSON.stringify(firstErrors, null, 2)}`);
    process.exitCode = met ? 0 : 1;
  } finally {
    await stop(api.child);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
