// `npm run bench:web -- [--base http://localhost:3300] [--email trainee@demo.test] [--runs 3]
//                       [--path /dashboard] [--desktop] [--dist dist/apps]`
// Lighthouse's mobile performance run of a page of a server that is already running (the
// production build, `node dist/apps/api/main.js`), signed in as a demo account. The machine is
// shared, so blocking time is noisy: the page is measured `runs` times and the median reported,
// beside the initial JavaScript of the built web app.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { workspaceRoot } from '../scripts/nx.mjs';
import { initialBundle, lighthousePerformance } from './lib/web.mjs';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://localhost:3300' },
    email: { type: 'string', default: 'trainee@demo.test' },
    password: { type: 'string', default: process.env.DEMO_PASSWORD ?? 'demo-portfolio-2026' },
    path: { type: 'string', default: '/dashboard' },
    runs: { type: 'string', default: '3' },
    desktop: { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist/apps' },
  },
});
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a whole number of at least 1.');
  process.exit(2);
}

/** The session cookies of a sign-in, as one Cookie header. */
async function signIn(base, email, password) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`signing in as ${email} answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
}

const median = (values) => {
  const sorted = values.filter((value) => value !== null).sort((first, second) => first - second);
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)];
};

const describe = (run) =>
  `score ${run.score}: FCP ${run.firstContentfulPaintMs} ms, LCP ${run.largestContentfulPaintMs} ms, ` +
  `TBT ${run.totalBlockingTimeMs} ms, CLS ${run.cumulativeLayoutShift?.toFixed(3)}, SI ${run.speedIndexMs} ms` +
  (run.benchmarkIndex ? `, machine benchmark ${run.benchmarkIndex}` : '') +
  (run.runtimeError ? ` (${run.runtimeError})` : '');

const bundle = initialBundle(join(resolve(workspaceRoot, options.dist), 'web/browser'));
console.log(
  bundle.error ??
    `Initial JavaScript: ${(bundle.bytes / 1000).toFixed(1)} kB, ${(bundle.gzipBytes / 1000).toFixed(1)} kB gzipped ` +
      `(${bundle.files.length} files)`,
);

const url = `${options.base}${options.path}`;
const results = [];
for (let run = 1; run <= runs; run++) {
  // A fresh session each run: a run must not find the page in a cache another left behind.
  const cookie = await signIn(options.base, options.email, options.password);
  const result = await lighthousePerformance(url, cookie, { desktop: options.desktop });
  if (result.error) {
    console.error(result.error);
    process.exit(1);
  }
  results.push(result);
  console.log(`Run ${run}, mobile ${describe(result.mobile)}`);
  const calibrated = result.mobileCalibrated;
  if (calibrated)
    console.log(`Run ${run}, mobile, CPU ${calibrated.cpuSlowdownMultiplier}x for this host, ${describe(calibrated)}`);
  if (result.desktop) console.log(`Run ${run}, desktop ${describe(result.desktop)}`);
}

// Where Lighthouse found this host too slow for its default CPU slowdown, the runs calibrated to it.
const mobileRuns = results.map((result) => result.mobileCalibrated ?? result.mobile);
const calibratedRuns = results.filter((result) => result.mobileCalibrated).length;
const medianRun = {
  score: median(mobileRuns.map((run) => run.score)),
  firstContentfulPaintMs: median(mobileRuns.map((run) => run.firstContentfulPaintMs)),
  largestContentfulPaintMs: median(mobileRuns.map((run) => run.largestContentfulPaintMs)),
  totalBlockingTimeMs: median(mobileRuns.map((run) => run.totalBlockingTimeMs)),
  cumulativeLayoutShift: median(mobileRuns.map((run) => run.cumulativeLayoutShift)),
  speedIndexMs: median(mobileRuns.map((run) => run.speedIndexMs)),
  benchmarkIndex: median(mobileRuns.map((run) => run.benchmarkIndex)),
};
const which = calibratedRuns > 0 ? ` (${calibratedRuns} with the CPU slowdown calibrated to this host)` : '';
console.log(`\n${url}, median of ${runs} mobile runs${which}, ${describe(medianRun)}`);
const scored = [...mobileRuns].sort((first, second) => first.score - second.score);
const typical = scored[Math.floor((scored.length - 1) / 2)];
if (typical.opportunities.length > 0) {
  console.log('Opportunities (the median run):');
  for (const opportunity of typical.opportunities) {
    const bytes = opportunity.savingsBytes > 0 ? `, ${Math.round(opportunity.savingsBytes / 1000)} kB` : '';
    console.log(`  ${opportunity.title}: ~${opportunity.savingsMs} ms${bytes}`);
  }
}
process.exit(medianRun.score >= 95 ? 0 : 1);
