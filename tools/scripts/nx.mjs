// Runs the workspace's own Nx without npx, with the daemon and Nx Cloud off unless asked for.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const require = createRequire(import.meta.url);
const nxPackage = require.resolve('nx/package.json');
const nxBin = join(dirname(nxPackage), require(nxPackage).bin.nx);

/** Runs `nx ...args`; on failure exits this process with Nx's exit code. */
export function runNx(args, env = {}) {
  try {
    execFileSync(process.execPath, [nxBin, ...args], {
      cwd: workspaceRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_NO_CLOUD: 'true', ...env },
    });
  } catch (error) {
    process.exit(typeof error.status === 'number' ? error.status : 1);
  }
}

// Used as a command: `node tools/scripts/nx.mjs run-many -t lint`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runNx(process.argv.slice(2));
}
