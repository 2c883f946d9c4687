// Writes a run's results: the whole record as JSON under bench/results/, and the table of the
// latest run into bench/README.md between its markers (a labelled run, such as `reports`, has
// its own file and markers, so it leaves the full run's table alone).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';

export async function writeResults(benchDir, results, toMarkdown = resultsMarkdown) {
  const startMarker = `<!-- bench:${results.label ?? 'results'}:start -->`;
  const endMarker = `<!-- bench:${results.label ?? 'results'}:end -->`;
  const resultsDir = join(benchDir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${results.date}-${results.commit}${results.label ? `-${results.label}` : ''}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const readmeFile = join(benchDir, 'README.md');
  const readme = readFileSync(readmeFile, 'utf8');
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`${readmeFile} has lost its ${startMarker} / ${endMarker} markers`);
  const table = toMarkdown(results, file.slice(benchDir.length + 1));
  const updated = `${readme.slice(0, start + startMarker.length)}\n\n${table}\n\n${readme.slice(end)}`;
  // Formatted as `npm run format:check` expects, so a run leaves the checks green.
  const config = (await prettier.resolveConfig(readmeFile)) ?? {};
  writeFileSync(readmeFile, await prettier.format(updated, { ...config, filepath: readmeFile }));
  return file;
}

const number = (value, digits = 0) =>
  value === null || value === undefined ? '–' : value.toLocaleString('en-GB', { maximumFractionDigits: digits });
const ratio = (value) => (value === null || value === undefined ? '–' : `${Math.round(value * 100)}%`);
const verdict = (met) => (met === null ? '–' : met ? 'met' : '**missed**');
// Account keys as words: deaneryAdmin → deanery admin.
const accountName = (as) => (as ? as.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`) : '–');

function targetText(targets) {
  const parts = [];
  if (targets.p50Ms !== undefined) parts.push(`p50 ≤ ${targets.p50Ms} ms`);
  if (targets.p95Ms !== undefined) parts.push(`p95 ≤ ${targets.p95Ms} ms`);
  if (targets.maxMs !== undefined) parts.push(`≤ ${targets.maxMs} ms`);
  if (targets.ofRawSql !== undefined) parts.push(`≥ ${Math.round(targets.ofRawSql * 100)}% of SQL`);
  if (targets.minRequestsPerSecond !== undefined) parts.push(`≥ ${targets.minRequestsPerSecond}/s`);
  parts.push('no errors');
  return parts.join(', ');
}

/** The same SQL's throughput, or that it failed: a ratio to SQL that did not run would mean nothing. */
function rawSqlCell(rawSql) {
  if (rawSql?.errors) return `failed (${number(rawSql.errors)} errors)`;
  return number(rawSql?.requestsPerSecond, 1);
}

export function resultsMarkdown(results, relativeFile) {
  const { machine, settings } = results;
  const lines = [
    `Latest run: ${results.date}, commit \`${results.commit}\`${results.dirty ? ' (with uncommitted changes)' : ''}, ` +
      `on ${machine.cores} cores (${machine.cpuModel}) with ${number(machine.memoryGiB, 1)} GiB of memory; ` +
      `load average ${machine.loadAverageBefore.join(' / ')} before the run` +
      (machine.loadAverageAfter ? ` and ${machine.loadAverageAfter.join(' / ')} after it. ` : '. ') +
      `${settings.connections} connections for ${settings.seconds} s per measurement` +
      ((settings.rounds ?? 1) > 1
        ? `; each request measured in ${settings.rounds} rounds, each followed by its same SQL and the signed-in floor, and the round with ` +
          `the median throughput shown (errors count over all rounds; every round is in the record)`
        : '') +
      `. Full record: \`${relativeFile}\`.`,
    '',
    `Data: ${number(results.dataset.trainees)} trainees${deaneriesText(results.dataset.deaneries)}, ` +
      `${number(results.dataset.evidenceItems)} evidence items, ` +
      `${number(results.dataset.assessments)} assessments, ${number(results.dataset.auditEvents)} audit events. ` +
      `A bare Node \`http\` server answering constant JSON: ${number(results.runtime.requestsPerSecond)} requests/s ` +
      `(p95 ${number(results.runtime.latencyMs.p95, 1)} ms).`,
    '',
    '| Endpoint | As | Conns | Req/s | p50 ms | p95 ms | p99 ms | Errors | Same SQL via pg, req/s | Signed-in floor, req/s (p95) | API ÷ SQL | API ÷ bare Node | API ÷ floor | Target | Result |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- |',
  ];
  for (const entry of results.entries) {
    const api = entry.api ?? {};
    lines.push(
      `| ${entry.title} | ${accountName(entry.as)} | ${entry.connections} | ${number(api.requestsPerSecond, 1)} | ` +
        `${number(api.latencyMs?.p50, 1)} | ${number(api.latencyMs?.p95, 1)} | ${number(api.latencyMs?.p99, 1)} | ` +
        `${number(api.errors)} | ${rawSqlCell(entry.rawSql)} | ` +
        `${floorCell(entry.signedInFloor)} | ${ratio(entry.ratios.ofRawSql)} | ` +
        `${ratio(entry.ratios.ofBareNode)} | ${ratio(entry.ratios.ofSignedInFloor)} | ${targetText(entry.targets)} | ${verdict(entry.met)} |`,
    );
  }
  const notes = results.entries.map(entryNote).filter(Boolean);
  if (notes.length > 0) lines.push('', ...notes.map((note) => `- ${note}`));
  if (!results.web) return lines.join('\n');
  const bundle = results.web.bundle;
  const lighthouse = results.web.lighthouse;
  lines.push(
    '',
    '| Web app | Measured | Target | Result |',
    '| --- | --: | --- | --- |',
    bundle.error
      ? `| Initial JavaScript (gzip) | ${bundle.error} | ≤ 250 kB | – |`
      : `| Initial JavaScript (gzip) | ${number(bundle.gzipBytes / 1000, 1)} kB (${number(bundle.bytes / 1000, 1)} kB raw, ${bundle.files.length} files) | ≤ 250 kB | ${verdict(bundle.met)} |`,
  );
  if (lighthouse.error) {
    lines.push(`| Lighthouse performance, trainee dashboard | ${lighthouse.error} | ≥ 95 | – |`);
  } else {
    const measured = (run) =>
      `${run.score} (LCP ${number(run.largestContentfulPaintMs)} ms, TBT ${number(run.totalBlockingTimeMs)} ms)`;
    const row = (label, run, judged) =>
      `| Lighthouse performance, trainee dashboard (${label}) | ${measured(run)} | ${judged ? `≥ 95 | ${verdict(lighthouse.met)}` : '– | –'} |`;
    const calibrated = lighthouse.mobileCalibrated;
    if (calibrated) {
      const index = number(lighthouse.mobile.benchmarkIndex);
      lines.push(
        row(
          `mobile, CPU 4x: Lighthouse's default, which it warns is too much for this host, benchmarkIndex ${index}`,
          lighthouse.mobile,
          false,
        ),
        row(`mobile, CPU ${calibrated.cpuSlowdownMultiplier}x: calibrated to this host`, calibrated, true),
      );
    } else {
      lines.push(row('mobile', lighthouse.mobile, true));
    }
    lines.push(row('desktop', lighthouse.desktop, false));
  }
  return lines.join('\n');
}

/** The API's own limit beside a read endpoint: its throughput, and the p95 even a request doing no work sees. */
function floorCell(floor) {
  if (!floor) return '–';
  const errors = floor.errors > 0 ? `, ${number(floor.errors)} errors` : '';
  return `${number(floor.requestsPerSecond, 1)} (p95 ${number(floor.latencyMs.p95, 1)} ms${errors})`;
}

function deaneriesText(deaneries) {
  if (!deaneries || deaneries.length < 2) return '';
  return ` (${deaneries.map((deanery) => `${number(deanery.trainees)} in ${deanery.name}`).join(', ')})`;
}

/** What a row's figures leave out: the rendering's share of a report, a batch's totals. */
function entryNote(entry) {
  const api = entry.api ?? {};
  if (api.firstError) return `${entry.title}: failed (${api.firstError}).`;
  if (api.renderOnly) {
    const render = api.renderOnly.latencyMs;
    return (
      `${entry.title}: ${api.requests} reports of ${api.report?.pages ?? '?'} pages one after another. Rendering ` +
      `alone (the same report data through the API's report worker, in one thread): p50 ${number(render.p50, 1)} ms, ` +
      `p95 ${number(render.p95, 1)} ms, ${number(api.renderOnly.pdfBytes / 1000, 1)} kB; the rest of a request ` +
      `is assembling the data, storing the PDF and the audit event.`
    );
  }
  if (api.batch) {
    const batch = api.batch;
    return (
      `${entry.title}: ${number(batch.done)} of ${number(batch.total)} reports done, ${number(batch.failed)} failed, ` +
      `${number(api.seconds, 1)} s from starting to finishing (ZIP and cohort summary included), ` +
      `${number(batch.wallSeconds, 1)} s from the request (${number(batch.queuedSeconds, 1)} s waiting for the job queue). ` +
      `Req/s is reports a second.`
    );
  }
  return null;
}
