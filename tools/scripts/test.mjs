// `npm test`: every unit and API test, run afresh (never from Nx's cache, since the database
// under test may differ between runs). API tests use DATABASE_URL's server when it is set,
// otherwise an embedded PostgreSQL of their own.
import { runNx } from './nx.mjs';

runNx(['run-many', '-t', 'test', '--skip-nx-cache', '--outputStyle=static', ...process.argv.slice(2)]);
