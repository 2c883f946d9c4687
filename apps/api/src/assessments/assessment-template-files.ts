import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { type AssessmentTemplateFile, formatProblems, validateAssessmentTemplate } from '@portfolio/competency';

import { InvalidFrameworkFileError } from '../frameworks/framework-files';

/**
 * Reads and validates every `assessments/<key>/<version>.json` file; any invalid file stops the
 * load. `elementKeysOf` gives the element keys of a framework, so criteria cannot name elements
 * the framework lacks.
 */
export async function loadAssessmentTemplateFiles(
  frameworkDataDir: string,
  elementKeysOf: (frameworkKey: string) => ReadonlySet<string> | null,
): Promise<AssessmentTemplateFile[]> {
  const folder = join(frameworkDataDir, 'assessments');
  const schema = JSON.parse(
    await readFile(join(frameworkDataDir, 'schema/assessment-template.schema.json'), 'utf8'),
  ) as object;
  const keys = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name !== 'invalid')
    .map((entry) => entry.name)
    .sort();
  const templates: AssessmentTemplateFile[] = [];
  for (const key of keys) {
    for (const file of (await readdir(join(folder, key))).filter((name) => name.endsWith('.json')).sort()) {
      const path = join(folder, key, file);
      const shownPath = relative(process.cwd(), path);
      let document: unknown;
      try {
        document = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        throw new InvalidFrameworkFileError(`${shownPath} is not valid JSON: ${(error as Error).message}`);
      }
      const frameworkKey = (document as { frameworkKey?: unknown } | null)?.frameworkKey;
      const result = validateAssessmentTemplate(
        document,
        schema,
        typeof frameworkKey === 'string' ? elementKeysOf(frameworkKey) : null,
      );
      if (!result.valid) {
        throw new InvalidFrameworkFileError(
          `${shownPath} is not a valid assessment template:\n${formatProblems(result.problems)}`,
        );
      }
      if (result.template.key !== key || `${result.template.version}.json` !== file) {
        throw new InvalidFrameworkFileError(
          `${shownPath} holds ${result.template.key} version ${result.template.version}; ` +
            `store it as assessments/${result.template.key}/${result.template.version}.json`,
        );
      }
      templates.push(result.template);
    }
  }
  return templates;
}
