import type { Browser } from 'playwright-core';

import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';

describe('The skip link', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('is the first Tab stop and moves focus to the main content without leaving the page', async () => {
    const { page, problems } = await openPage(browser);
    const address = appUrl('/frameworks/mlcf?stage=postgraduate');

    await page.goto(address);
    await page.getByRole('heading', { level: 1, name: 'Medical Leadership Competency Framework' }).waitFor();

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await checkPage(page, 'skip-link-focused');

    await page.keyboard.press('Enter');
    const main = page.getByRole('main');
    expect(await main.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(page.url()).toBe(address);

    expect(problems()).toEqual([]);
  });
});
