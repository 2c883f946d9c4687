import type { Browser } from 'playwright-core';

import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';

describe('Addresses that lead nowhere', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the page-not-found page for an unknown route', async () => {
    const { page, problems } = await openPage(browser);

    await page.goto(appUrl('/no-such/page'));
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found – Leadership portfolio');
    await page.getByRole('link', { name: 'Go to the home page' }).waitFor();
    await checkPage(page, 'page-not-found');

    expect(problems()).toEqual([]);
  });

  it('says so when no framework has the key, rather than showing a blank page', async () => {
    const { page, problems } = await openPage(browser, { expectedNotFound: [/\/api\/frameworks\/no-such-framework$/] });

    await page.goto(appUrl('/frameworks/no-such-framework'));
    await page.getByRole('heading', { level: 1, name: 'Framework not found' }).waitFor();
    await page.getByText('There is no framework with the key “no-such-framework”.').waitFor();
    await checkPage(page, 'framework-not-found');

    expect(problems()).toEqual([]);
  });
});
