import type { Browser } from 'playwright-core';

import { demoAccounts, signInAs } from './support/accounts';
import { appUrl, launchBrowser, openPage, visibleTexts } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';

describe('Trainees', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows a supervisor their trainee, with training and supervisors', async () => {
    const { page, problems } = await openPage(browser);

    await signInAs(page, 'supervisor', '/trainees');
    await page.getByRole('heading', { level: 1, name: 'Trainees' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: demoAccounts.trainee.name });
    await row.waitFor();
    // Each cell also carries its column heading for phones; the visible text starts with it.
    expect(await visibleTexts(row.getByRole('cell'))).toEqual([
      expect.stringContaining(demoAccounts.trainee.name),
      expect.stringContaining('7654321'),
      expect.stringContaining('Foundation Programme'),
      expect.stringContaining('Postgraduate'),
      expect.stringContaining('FY2'),
    ]);
    await checkPage(page, 'trainees');

    await row.getByRole('link', { name: demoAccounts.trainee.name }).click();
    await page.getByRole('heading', { level: 1, name: demoAccounts.trainee.name }).waitFor();
    expect(await page.title()).toBe(`${demoAccounts.trainee.name} – Leadership portfolio`);
    await page.getByRole('heading', { level: 2, name: 'Training' }).waitFor();
    await page.getByText('Foundation Programme').waitFor();
    await page.getByRole('cell', { name: new RegExp(demoAccounts.supervisor.name) }).waitFor();
    await checkPage(page, 'trainee');

    expect(problems()).toEqual([]);
  });

  it('shows a trainee their own record', async () => {
    const { page, problems } = await openPage(browser);

    await signInAs(page, 'trainee', '/trainees');
    await page.getByRole('link', { name: demoAccounts.trainee.name }).click();
    await page.getByRole('heading', { level: 1, name: demoAccounts.trainee.name }).waitFor();
    await page.getByText(demoAccounts.trainee.email).waitFor();

    expect(problems()).toEqual([]);
  });

  it('fits a phone screen, header navigation included', async () => {
    const { page, problems } = await openPage(browser, { viewport: phone });

    await signInAs(page, 'admin', '/trainees');
    await page.getByRole('link', { name: demoAccounts.trainee.name }).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'trainees-phone');

    await page.getByRole('link', { name: demoAccounts.trainee.name }).click();
    await page.getByRole('heading', { level: 2, name: 'Educational supervisors' }).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'trainee-phone');

    await page.goto(appUrl('/'));
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    await page.getByRole('link', { name: 'Medical Leadership Competency Framework' }).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'home-admin-phone');

    expect(problems()).toEqual([]);
  });
});
