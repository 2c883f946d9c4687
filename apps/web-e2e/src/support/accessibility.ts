import type { AxeResults } from 'axe-core';
import { source as axeSource } from 'axe-core';
import type { Page } from 'playwright-core';

const standards = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type WindowWithAxe = Window & { axe?: { run: (context: Document, options: object) => Promise<AxeResults> } };

/**
 * Fails with every axe-core violation on the page as it is now: id, impact, help and the nodes.
 *
 * axe is loaded with page.evaluate, not page.addScriptTag: the server's Content-Security-Policy
 * (script-src 'self') blocks an inline <script>, and the page should be checked with its real
 * policy in force rather than with bypassCSP.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as WindowWithAxe).axe;
    if (!axe) {
      throw new Error('axe-core did not load');
    }
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, standards);

  const described = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help} at ${violation.nodes.join(', ')}`,
  );
  expect(described).toEqual([]);
}
