// What `npm run bench` measures. An entry either names an HTTP request (measured with autocannon,
// and, when it has `sql`, compared with the same SQL run straight through pg) or brings its own
// `measure(context)` answering the same shape as measureHttp (for work that is not one request,
// such as a batch of reports). `as` names the bench account it signs in as; an entry
// whose account the database lacks is left out. Add entries here; run.mjs and the README table
// pick them up.
import { benchPassword, traineeEmail } from './bench-accounts.mjs';
import { cohortOverview, evidenceList, supervisorDashboard, traineeProgress } from './endpoint-sql.mjs';
import { measureReportBatch, measureSingleReport } from './progression-reports.mjs';
import { commonSearchWord } from './text.mjs';

/** The cohort overview's first page, as the deanery administrator opens it, sorted by `sort`. */
function cohortEntry(key, title, sort, direction) {
  const query = `pageSize=25&sort=${sort}&direction=${direction}`;
  return {
    key,
    title,
    description: `GET /api/cohort?${query}&period= last year: the large deanery's whole cohort aggregated, sorted, paged`,
    as: 'deaneryAdmin',
    // One administrator at a time: the target is how long the page takes to answer.
    connections: () => 1,
    request: ({ ids }) => ({ path: `/api/cohort?${query}&period=${ids.reviewPeriod}` }),
    sql: (pool, { sessions, ids }) =>
      cohortOverview(pool, {
        viewer: sessions.deaneryAdmin.user,
        period: ids.reviewPeriod,
        sort,
        direction,
        pageSize: 25,
        frameworkId: ids.framework,
      }),
    targets: { p95Ms: 300 },
  };
}

/**
 * The API's own limit: a signed-in request that does no work (`GET /api/auth/me`: every middleware,
 * the router, the session guard answered from its cache, and a small JSON answer; no SQL between
 * changes). Each read entry (one with `sql`) measures it in its rounds, at its connections, and shows
 * its own throughput as a share of it.
 */
export const signedInFloor = {
  as: 'trainee',
  request: () => ({ path: '/api/auth/me' }),
};

export const entries = [
  {
    key: 'trainee-progress',
    title: 'Trainee progress',
    description: 'GET /api/trainees/:id/progress: coverage of the stage, counted from what the caller may see',
    as: 'trainee',
    request: ({ ids }) => ({ path: `/api/trainees/${ids.trainee}/progress` }),
    sql: (pool, { sessions, ids }) =>
      traineeProgress(pool, {
        viewer: sessions.trainee.user,
        traineeId: ids.trainee,
        frameworkId: ids.framework,
      }),
    targets: { p95Ms: 25, ofRawSql: 0.5 },
  },
  {
    key: 'evidence-list',
    title: 'Evidence list',
    description: 'GET /api/evidence: the first page of the trainee’s own log (of 100 items), newest first',
    as: 'trainee',
    request: () => ({ path: '/api/evidence' }),
    sql: (pool, { sessions }) => evidenceList(pool, { viewer: sessions.trainee.user }),
    targets: {},
  },
  {
    key: 'evidence-search-trainee',
    title: 'Evidence search (trainee)',
    description: `GET /api/evidence?q=${commonSearchWord}: full-text search of the trainee’s own log`,
    as: 'trainee',
    request: () => ({ path: `/api/evidence?q=${commonSearchWord}` }),
    sql: (pool, { sessions }) => evidenceList(pool, { viewer: sessions.trainee.user, search: commonSearchWord }),
    targets: { p95Ms: 50 },
  },
  {
    key: 'evidence-search-supervisor',
    title: 'Evidence search (supervisor)',
    description: `GET /api/evidence?q=${commonSearchWord}: full-text search of everything a supervisor may read`,
    as: 'supervisor',
    request: () => ({ path: `/api/evidence?q=${commonSearchWord}` }),
    sql: (pool, { sessions }) =>
      evidenceList(pool, {
        viewer: sessions.supervisor.user,
        search: commonSearchWord,
      }),
    targets: { p95Ms: 50 },
  },
  {
    key: 'evidence-search-deanery',
    title: 'Evidence search (deanery)',
    description: `GET /api/evidence?q=${commonSearchWord}: full-text search of what a deanery administrator may read in a deanery of 5,000 trainees`,
    as: 'deaneryAdmin',
    request: () => ({ path: `/api/evidence?q=${commonSearchWord}` }),
    sql: (pool, { sessions }) =>
      evidenceList(pool, {
        viewer: sessions.deaneryAdmin.user,
        search: commonSearchWord,
      }),
    // The search target, over the 500,000 items this search ranges across.
    targets: { p95Ms: 50 },
  },
  {
    key: 'supervisor-dashboard',
    title: 'Supervisor dashboard',
    description: 'GET /api/supervision: ten trainees with their coverage, requests waiting, recent sign-offs',
    as: 'supervisor',
    request: () => ({ path: '/api/supervision' }),
    sql: (pool, { sessions, ids }) =>
      supervisorDashboard(pool, {
        viewer: sessions.supervisor.user,
        frameworkId: ids.framework,
      }),
    targets: { p95Ms: 50 },
  },
  {
    key: 'sign-in',
    title: 'Sign-in',
    description: 'POST /api/auth/login: argon2id verification, throttle check, session and audit event',
    as: null,
    connections: ({ options }) => options.signInConnections,
    request: ({ dataset }) => {
      let next = 0;
      return {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        // A morning's sign-ins: each request a different trainee.
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ email: traineeEmail(next++ % dataset.trainees), password: benchPassword }),
        }),
      };
    },
    targets: {},
  },
  cohortEntry('cohort-by-name', 'Cohort overview (5,000 trainees), by name', 'name', 'asc'),
  cohortEntry('cohort-by-signed-off', 'Cohort overview (5,000 trainees), by signed-off', 'signed-off', 'desc'),
  {
    key: 'single-report',
    title: 'Single report',
    description:
      'POST /api/trainees/:id/reports: one verifiable PDF report (150 items, last year’s review), 30 in turn after 3 warm-ups',
    as: 'deaneryAdmin',
    connections: () => 1,
    measure: (context) => measureSingleReport(context),
    targets: { p50Ms: 150 },
  },
  {
    key: 'report-batch',
    title: 'Batch of 1,000 reports',
    description:
      'POST /api/report-batches for the small deanery’s 1,000 trainees, polled until finished: reports a second',
    as: 'smallDeaneryAdmin',
    connections: () => 1,
    measure: (context) => measureReportBatch(context),
    targets: { minRequestsPerSecond: 20 },
  },
];
