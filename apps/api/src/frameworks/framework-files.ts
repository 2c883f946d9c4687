import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { type FrameworkFile, formatProblems, validateFrameworkFile } from '@portfolio/competency';

/** Folders of `framework-data/` that hold something other than frameworks. */
const notFrameworkFolders = new Set(['schema', 'invalid', 'assessments', 'crosswalks']);

export class InvalidFrameworkFileError extends Error {}

export interface LoadedFrameworkFile {
  path: string;
  framework: FrameworkFile;
}

/** Reads and validates every `<key>/<version>.json` file; any invalid file stops the load. */
export async function loadFrameworkFiles(frameworkDataDir: string): Promise<LoadedFrameworkFile[]> {
  const schema = JSON.parse(await readFile(join(frameworkDataDir, 'schema/framework.schema.json'), 'utf8')) as object;
  const folders = (await readdir(frameworkDataDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !notFrameworkFolders.has(entry.name))
    .map((entry) => entry.name)
    .sort();
  const loaded: LoadedFrameworkFile[] = [];
  for (const folder of folders) {
    const files = (await readdir(join(frameworkDataDir, folder))).filter((name) => name.endsWith('.json')).sort();
    for (const file of files) {
      const path = join(frameworkDataDir, folder, file);
      const shownPath = relative(process.cwd(), path);
      let document: unknown;
      try {
        document = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        throw new InvalidFrameworkFileError(`${shownPath} is not valid JSON: ${(error as Error).message}`);
      }
      const result = validateFrameworkFile(document, schema);
      if (!result.valid) {
        throw new InvalidFrameworkFileError(
          `${shownPath} is not a valid framework file:\n${formatProblems(result.problems)}`,
        );
      }
      if (result.framework.key !== folder || `${result.framework.version}.json` !== file) {
        throw new InvalidFrameworkFileError(
          `${shownPath} holds ${result.framework.key} version ${result.framework.version}; ` +
            `store it as ${result.framework.key}/${result.framework.version}.json`,
        );
      }
      loaded.push({ path: shownPath, framework: result.framework });
    }
  }
  return loaded;
}
