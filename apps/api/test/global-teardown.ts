import type { RunningPostgres } from '../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { embeddedTestPostgres?: RunningPostgres }).embeddedTestPostgres?.stop();
}
