import type { Browser } from 'playwright-core';

import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';

describe('On a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the framework page 390 px wide without scrolling sideways', async () => {
    const { page, problems } = await openPage(browser, { viewport: { width: 390, height: 844 } });

    // The senior-leadership stage shows every domain, so the most content.
    await page.goto(appUrl('/frameworks/mlcf?stage=senior-leadership'));
    await page.getByRole('heading', { level: 2, name: /Creating the Vision/ }).waitFor();

    const widths = await page.evaluate(() => ({
      content: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }));
    expect(widths.window).toBe(390);
    expect(widths.content).toBeLessThanOrEqual(widths.window);
    await checkPage(page, 'framework-phone');

    expect(problems()).toEqual([]);
  });
});
