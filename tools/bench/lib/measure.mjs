// Load generation and its statistics: autocannon against HTTP endpoints, and an equivalent
// closed loop of `connections` workers for anything else (raw SQL through a pg pool).
import autocannon from 'autocannon';

/** Nearest-rank percentile of sorted latencies, in milliseconds. */
function percentile(sorted, fraction) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

const round = (value) => (value === null ? null : Math.round(value * 100) / 100);

export function summarise(latencies, seconds, failures) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    seconds: round(seconds),
    requestsPerSecond: round(latencies.length / seconds),
    latencyMs: {
      p50: round(percentile(sorted, 0.5)),
      p95: round(percentile(sorted, 0.95)),
      p99: round(percentile(sorted, 0.99)),
      max: round(sorted.length > 0 ? sorted[sorted.length - 1] : null),
    },
    ...failures,
  };
}

/**
 * Runs autocannon for `seconds` and measures every response itself: autocannon's own summary has
 * no 95th percentile. A response that is not 2xx counts as an error, as do timeouts and socket errors.
 */
export async function measureHttp({ url, method = 'GET', headers = {}, body, setupRequest, connections, seconds }) {
  const latencies = [];
  const statusCounts = {};
  const instance = autocannon({
    url,
    method,
    headers,
    body,
    connections,
    duration: seconds,
    timeout: 10,
    ...(setupRequest ? { requests: [{ method, setupRequest }] } : {}),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  return summarise(latencies, result.duration, {
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    socketErrors: result.errors,
    statusCounts,
  });
}

/** `connections` workers each running `task` back to back until `seconds` have passed. */
export async function measureLoop({ task, connections, seconds }) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const requestStarted = performance.now();
        try {
          await task();
          latencies.push(performance.now() - requestStarted);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return summarise(latencies, (performance.now() - started) / 1000, { errors, ...(firstError ? { firstError } : {}) });
}

/**
 * The round with the median throughput, standing for all of a measurement's rounds: the machine is
 * shared, and one round can be slowed by something else on it. Failures are counted over every
 * round, so that none is hidden; `rounds` keeps what each one measured.
 */
export function medianRound(runs) {
  const ordered = [...runs].sort((first, second) => first.requestsPerSecond - second.requestsPerSecond);
  const median = ordered[Math.floor((ordered.length - 1) / 2)];
  const total = (field) =>
    runs.some((run) => typeof run[field] === 'number')
      ? runs.reduce((sum, run) => sum + (run[field] ?? 0), 0)
      : undefined;
  const statusCounts = runs.some((run) => run.statusCounts) ? {} : undefined;
  for (const run of runs) {
    for (const [status, count] of Object.entries(run.statusCounts ?? {})) {
      statusCounts[status] = (statusCounts[status] ?? 0) + count;
    }
  }
  const failures = Object.fromEntries(
    ['errors', 'non2xx', 'timeouts', 'socketErrors']
      .map((field) => [field, total(field)])
      .filter(([, value]) => value !== undefined),
  );
  const firstError = runs.find((run) => run.firstError)?.firstError;
  return {
    ...median,
    ...failures,
    ...(statusCounts ? { statusCounts } : {}),
    ...(firstError ? { firstError } : {}),
    rounds: runs.map((run) => ({
      requestsPerSecond: run.requestsPerSecond,
      p95: run.latencyMs.p95,
      errors: run.errors,
    })),
  };
}
