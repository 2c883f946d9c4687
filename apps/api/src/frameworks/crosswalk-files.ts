import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { type CrosswalkFile, formatProblems, validateCrosswalkFile } from '@portfolio/competency';

import { InvalidFrameworkFileError } from './framework-files';

/** Reads and validates every `crosswalks/<key>.json` file; any invalid file stops the load. */
export async function loadCrosswalkFiles(frameworkDataDir: string): Promise<CrosswalkFile[]> {
  const folder = join(frameworkDataDir, 'crosswalks');
  const schema = JSON.parse(await readFile(join(frameworkDataDir, 'schema/crosswalk.schema.json'), 'utf8')) as object;
  const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  const loaded: CrosswalkFile[] = [];
  for (const file of files) {
    const path = join(folder, file);
    const shownPath = relative(process.cwd(), path);
    let document: unknown;
    try {
      document = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new InvalidFrameworkFileError(`${shownPath} is not valid JSON: ${(error as Error).message}`);
    }
    const result = validateCrosswalkFile(document, schema);
    if (!result.valid) {
      throw new InvalidFrameworkFileError(`${shownPath} is not a valid crosswalk:\n${formatProblems(result.problems)}`);
    }
    if (`${result.crosswalk.key}.json` !== file) {
      throw new InvalidFrameworkFileError(
        `${shownPath} holds crosswalk ${result.crosswalk.key}; store it as ${result.crosswalk.key}.json`,
      );
    }
    loaded.push(result.crosswalk);
  }
  return loaded;
}
