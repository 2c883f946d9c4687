// The progression reports' measurements, which are not one request under load: one report issued
// at a time (with the rendering alone timed beside it), and a whole cohort's batch run to the end.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { summarise } from './measure.mjs';

const csrfHeader = 'x-xsrf-token';

function writeHeaders(session) {
  return { 'content-type': 'application/json', cookie: session.cookie, [csrfHeader]: session.csrfToken };
}

/**
 * POST /api/trainees/:id/reports `runs` times, one after another, after `warmups` untimed ones
 * (the first reports start the worker threads and load the fonts). Then renders the data of the
 * last report issued `runs` times through the API's own report worker, in this process, so the
 * rendering's share of a request is known.
 */
export async function measureSingleReport({ base, sessions, ids, pool, distDir, runs = 30, warmups = 3 }) {
  const session = sessions.deaneryAdmin;
  const issue = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/api/trainees/${ids.reportTrainee}/reports`, {
      method: 'POST',
      headers: writeHeaders(session),
      body: JSON.stringify({ period: ids.reviewPeriod }),
    });
    const body = await response.json().catch(() => null);
    return { ms: performance.now() - started, status: response.status, body };
  };
  for (let i = 0; i < warmups; i++) await issue();
  const latencies = [];
  const statusCounts = {};
  let lastReport = null;
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const outcome = await issue();
    statusCounts[outcome.status] = (statusCounts[outcome.status] ?? 0) + 1;
    if (outcome.status === 201) {
      latencies.push(outcome.ms);
      lastReport = outcome.body;
    }
  }
  const result = summarise(latencies, (performance.now() - started) / 1000, {
    errors: runs - latencies.length,
    statusCounts,
  });
  if (lastReport) {
    result.report = { pages: lastReport.pages, outcomeCode: lastReport.outcomeCode };
    result.renderOnly = await measureRendering(pool, distDir, lastReport.id, runs, warmups);
  }
  return result;
}

async function measureRendering(pool, distDir, reportId, runs, warmups) {
  const { rows } = await pool.query(`SELECT content FROM progression_report WHERE id = $1`, [reportId]);
  const render = createRequire(import.meta.url)(join(distDir, 'api/report-worker.js')).default;
  for (let i = 0; i < warmups; i++) await render({ kind: 'report', data: rows[0].content });
  const latencies = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const rendered = await render({ kind: 'report', data: rows[0].content });
    latencies.push(performance.now() - started);
    bytes = rendered.pdf.length;
  }
  const { latencyMs } = summarise(latencies, 1, {});
  return { latencyMs, pdfBytes: bytes };
}

/**
 * POST /api/report-batches for the small deanery's whole cohort, then GET it every half second
 * until it has finished. Its pace is the batch's own: total ÷ (finishedAt − startedAt), which
 * counts every report and the ZIP with the cohort summary, but not the wait for the job queue.
 */
export async function measureReportBatch({ base, sessions, ids, timeoutSeconds = 1800 }) {
  const session = sessions.smallDeaneryAdmin;
  const requested = performance.now();
  const response = await fetch(`${base}/api/report-batches`, {
    method: 'POST',
    headers: writeHeaders(session),
    body: JSON.stringify({ period: ids.reviewPeriod }),
  });
  if (response.status !== 202) {
    throw new Error(`starting the batch answered ${response.status}: ${await response.text()}`);
  }
  let batch = await response.json();
  const deadline = requested + timeoutSeconds * 1000;
  while (batch.status !== 'finished' && batch.status !== 'failed') {
    if (performance.now() > deadline) throw new Error(`the batch had not finished after ${timeoutSeconds} s`);
    await delay(500);
    const poll = await fetch(`${base}/api/report-batches/${batch.id}`, { headers: { cookie: session.cookie } });
    if (!poll.ok) throw new Error(`polling the batch answered ${poll.status}: ${await poll.text()}`);
    batch = await poll.json();
  }
  const wallSeconds = (performance.now() - requested) / 1000;
  const seconds =
    batch.startedAt && batch.finishedAt ? (Date.parse(batch.finishedAt) - Date.parse(batch.startedAt)) / 1000 : null;
  const round = (value) => Math.round(value * 100) / 100;
  return {
    requests: batch.total,
    seconds: seconds === null ? null : round(seconds),
    requestsPerSecond: seconds ? round(batch.total / seconds) : 0,
    latencyMs: { p50: null, p95: null, p99: null, max: null },
    errors: batch.failed + (batch.status === 'finished' ? 0 : batch.total - batch.done - batch.failed),
    batch: {
      id: batch.id,
      status: batch.status,
      total: batch.total,
      done: batch.done,
      failed: batch.failed,
      failures: batch.failures.slice(0, 5),
      queuedSeconds: batch.startedAt ? round((Date.parse(batch.startedAt) - Date.parse(batch.createdAt)) / 1000) : null,
      wallSeconds: round(wallSeconds),
    },
  };
}
