// `npm run audit`: fails on a high or critical advisory for a production dependency. A registry
// that offers no advisory service (some mirrors answer 405) is reported loudly but does not fail
// the run, since nothing was checked; `AUDIT_REQUIRED=true` makes that a failure too.
import { spawnSync } from 'node:child_process';

import { workspaceRoot } from './nx.mjs';

const result = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
  cwd: workspaceRoot,
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(`npm audit gave no report:\n${result.stderr}`);
  process.exit(1);
}

if (report.metadata?.vulnerabilities) {
  const { high = 0, critical = 0 } = report.metadata.vulnerabilities;
  for (const [name, finding] of Object.entries(report.vulnerabilities ?? {})) {
    if (finding.severity === 'high' || finding.severity === 'critical') {
      const fix = finding.fixAvailable ? 'a fix is available' : 'no fix yet';
      console.error(`  ${finding.severity}: ${name} ${finding.range} (${fix})`);
    }
  }
  console.log(`npm audit (production dependencies): ${critical} critical, ${high} high.`);
  process.exit(high + critical > 0 ? 1 : 0);
}

const reason = report.message ?? report.error?.summary ?? 'unknown error';
console.warn(`WARNING: npm audit could not check any advisory: ${reason}`);
process.exit(process.env.AUDIT_REQUIRED === 'true' ? 1 : 0);
