// The web app's side of the benchmark: the size of what the browser must download before the
// first page can run, and a Lighthouse performance run of the trainee's dashboard.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The chunks a module imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImports(source) {
  return [...source.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)].map((match) => match[1]);
}

/**
 * The JavaScript the first page needs before it can run, raw and gzipped: what index.html loads
 * (scripts and module preloads) and everything those modules import statically.
 */
export function initialBundle(browserDir) {
  const indexFile = join(browserDir, 'index.html');
  if (!existsSync(indexFile)) return { error: `${indexFile} does not exist: the web app is not built` };
  const html = readFileSync(indexFile, 'utf8');
  const pending = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g),
  ].map((match) => match[1].replace(/^\.?\//, ''));
  const files = [];
  const seen = new Set();
  while (pending.length > 0) {
    const file = pending.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const content = readFileSync(join(browserDir, file));
    files.push({ file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
    pending.push(...staticImports(content.toString('utf8')).map((imported) => imported.replace(/^\.\//, '')));
  }
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

const chromiumPath = '/usr/bin/chromium';

/** The audits that say what to fix, largest estimated saving first. */
function opportunities(audits) {
  return Object.values(audits)
    .filter((audit) => audit.details?.type === 'opportunity' && (audit.score ?? 1) < 1)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      savingsMs: Math.round(audit.details.overallSavingsMs ?? 0),
      savingsBytes: Math.round(audit.details.overallSavingsBytes ?? 0),
    }))
    .sort((first, second) => second.savingsMs - first.savingsMs || second.savingsBytes - first.savingsBytes);
}

// Lighthouse warns that its default CPU slowdown over-throttles a host whose benchmarkIndex is at
// or under this (SLOW_CPU_BENCHMARK_INDEX_THRESHOLD in lighthouse/core/gather/driver/environment.js).
const slowHostBenchmarkIndex = 1000;

/**
 * The CPU slowdown that makes a host of this `benchmarkIndex` run like Lighthouse's mid-tier
 * phone, as Lighthouse's throttling guide calibrates it (docs/throttling.md, "Calibrating the CPU
 * slowdown", and its calculator): 2x at 800, 3x at 1,300, one more for every 233 above that.
 * Null when the host is too slow to emulate that phone at all.
 */
export function calibratedCpuSlowdown(benchmarkIndex) {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  if (benchmarkIndex >= 150) return 1 + (benchmarkIndex - 150) / 650;
  return null;
}

/**
 * Lighthouse's performance category for `url`, signed in through the Cookie header on every
 * request. Runs Lighthouse's default (mobile, simulated slow 4G and a 4x slower CPU) and, unless
 * `desktop` is false, its desktop preset. On a host slower than Lighthouse's default assumes
 * (the default run warns so), the mobile run is repeated with the CPU slowdown calibrated to the
 * host (`mobileCalibrated`), so that the phone emulated is the same as on a faster host.
 */
export async function lighthousePerformance(url, cookie, { desktop = true } = {}) {
  if (!existsSync(chromiumPath)) return { error: `${chromiumPath} is not installed` };
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const { throttling } = await import('lighthouse/core/config/constants.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const run = async (config) => {
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: { Cookie: cookie },
        },
        config,
      );
      const audits = result.lhr.audits;
      const metric = (id) => (audits[id]?.numericValue === undefined ? null : Math.round(audits[id].numericValue));
      return {
        score: Math.round((result.lhr.categories.performance.score ?? 0) * 100),
        finalUrl: result.lhr.finalDisplayedUrl,
        firstContentfulPaintMs: metric('first-contentful-paint'),
        largestContentfulPaintMs: metric('largest-contentful-paint'),
        totalBlockingTimeMs: metric('total-blocking-time'),
        cumulativeLayoutShift: audits['cumulative-layout-shift']?.numericValue ?? null,
        speedIndexMs: metric('speed-index'),
        runtimeError: result.lhr.runtimeError?.message ?? null,
        // Lighthouse's measure of this machine's speed at the time: a busy machine scores lower.
        benchmarkIndex: Math.round(result.lhr.environment.benchmarkIndex ?? 0),
        opportunities: opportunities(audits),
      };
    };
    // Headless Chromium now and then loses a trace (NO_NAVSTART): such a run is repeated.
    const runWithRetries = async (config) => {
      let outcome = await run(config);
      for (let attempt = 1; attempt < 3 && outcome.runtimeError; attempt++) outcome = await run(config);
      return outcome;
    };
    const mobile = await runWithRetries(undefined);
    const slowdown =
      mobile.benchmarkIndex <= slowHostBenchmarkIndex ? calibratedCpuSlowdown(mobile.benchmarkIndex) : null;
    const mobileCalibrated = slowdown
      ? {
          ...(await runWithRetries({
            extends: 'lighthouse:default',
            settings: { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: slowdown } },
          })),
          cpuSlowdownMultiplier: Math.round(slowdown * 10) / 10,
        }
      : null;
    return {
      mobile,
      ...(mobileCalibrated ? { mobileCalibrated } : {}),
      ...(desktop ? { desktop: await runWithRetries(desktopConfig) } : {}),
    };
  } finally {
    await chrome.kill();
  }
}
