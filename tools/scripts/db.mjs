// `npm run db:migrate`, `npm run db:seed`, `npm run db:migration:generate -- <Name>`,
// `npm run db:backup -- [--file path]` and `npm run db:restore -- --file path [--into url] [--force]`.
// migrate and seed run the built server's own commands, against DATABASE_URL or the embedded
// database under .data/ (the server must not be running on the same data folder); backup and
// restore use pg_dump and pg_restore (see db-backup.mjs).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { runBackupCommand } from './db-backup.mjs';
import { runNx, workspaceRoot } from './nx.mjs';

const [command, ...rest] = process.argv.slice(2);
const require = createRequire(import.meta.url);

function run(file, args) {
  try {
    execFileSync(process.execPath, [file, ...args], { cwd: workspaceRoot, stdio: 'inherit' });
  } catch (error) {
    process.exit(typeof error.status === 'number' ? error.status : 1);
  }
}

switch (command) {
  case 'migrate':
  case 'seed':
    runNx(['build', 'api', '--outputStyle=static']);
    run(join(workspaceRoot, 'dist/apps/api/main.js'), [command, ...rest]);
    break;
  case 'generate': {
    const [name] = rest;
    if (!name || !/^[A-Z][A-Za-z]+$/.test(name)) {
      console.error('Name the migration as VerbNoun, e.g. npm run db:migration:generate -- AddEvidenceTables');
      process.exit(2);
    }
    const typeormCli = join(require.resolve('typeorm/package.json'), '../cli-ts-node-commonjs.js');
    process.env.TS_NODE_PROJECT = join(workspaceRoot, 'apps/api/tsconfig.app.json');
    process.env.TS_NODE_TRANSPILE_ONLY = 'true';
    run(typeormCli, [
      'migration:generate',
      '--pretty',
      '--dataSource',
      'apps/api/src/database/data-source.ts',
      `apps/api/src/database/migrations/${name}`,
    ]);
    console.log('Now list the new migration in apps/api/src/database/migrations/index.ts.');
    break;
  }
  case 'backup':
  case 'restore':
    await runBackupCommand(command, rest);
    break;
  default:
    console.error('Usage: node tools/scripts/db.mjs migrate | seed | generate <Name> | backup | restore');
    process.exit(2);
}
