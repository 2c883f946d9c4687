import { join, resolve } from 'node:path';

/** The repository root: the server is started from here, as it reads framework-data/ relative to it. */
export const workspaceRoot = resolve(__dirname, '../../../..');

/** Screenshots of every page visited, and the server's output, for reviewers. */
export const outputDir = join(workspaceRoot, 'test-output/e2e');

export const serverLogFile = join(outputDir, 'server.log');

/** A throwaway home for the embedded PostgreSQL, emptied before every run. */
export const serverDataDir = join(workspaceRoot, '.data/e2e');
