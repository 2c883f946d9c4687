import type { Page } from 'playwright-core';

import { expectNoAxeViolations } from './accessibility';
import { outputDir } from './paths';

/** Every page a journey visits is kept as a screenshot for reviewers and checked with axe. */
export async function checkPage(page: Page, screenshotName: string): Promise<void> {
  await page.screenshot({ path: `${outputDir}/${screenshotName}.png`, fullPage: true });
  await expectNoAxeViolations(page);
}
