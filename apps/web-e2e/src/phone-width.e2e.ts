import type { Browser } from 'playwright-core';

import { signInAs } from './support/accounts';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';

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

  it('shows signing in and the administration pages without scrolling sideways', async () => {
    const { page, problems } = await openPage(browser, { viewport: phone });

    await page.goto(appUrl('/sign-in'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'sign-in-phone');

    await signInAs(page, 'admin', '/admin');
    const pages: [string, string, string][] = [
      ['/admin', 'Administration', 'admin-phone'],
      ['/admin/users?search=demo.test', 'Users', 'admin-users-phone'],
      ['/admin/users/new', 'Add a user', 'admin-user-new-phone'],
      ['/admin/deaneries', 'Deaneries and programmes', 'admin-deaneries-phone'],
      ['/admin/assignments/new', 'Assign an educational supervisor', 'admin-assign-phone'],
      ['/admin/import', 'Import a cohort of trainees', 'admin-import-phone'],
      ['/account/password', 'Change your password', 'change-password-phone'],
    ];
    for (const [path, heading, screenshot] of pages) {
      await page.goto(appUrl(path));
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      // Lists fetched by the page have arrived when their loading message has gone.
      await page.getByText(/^(Loading|Finding) /).waitFor({ state: 'detached' });
      await expectNoSidewaysScrolling(page);
      await checkPage(page, screenshot);
    }

    expect(problems()).toEqual([]);
  });
});
