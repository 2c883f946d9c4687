// `npm start`: build what has changed (Nx caches the rest), then serve the API and the web
// app on one port. With no DATABASE_URL the server runs an embedded PostgreSQL under .data/.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

import { runNx, workspaceRoot } from './nx.mjs';

process.chdir(workspaceRoot);
console.log('Building the API and the web app (cached when nothing has changed)...');
runNx(['run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);

// The server handles its own signals and stops the embedded database on exit.
createRequire(import.meta.url)(resolve(workspaceRoot, 'dist/apps/api/main.js'));
