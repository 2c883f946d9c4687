import type { Browser } from 'playwright-core';

import { type DemoRole, demoAccounts, navigationLinks, signInAs, submitSignIn } from './support/accounts';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';

/** What each role's header offers: the API refuses the rest, so the links are not shown. */
const navigationByRole: Record<DemoRole, string[]> = {
  trainee: ['Frameworks', 'My progress', 'My evidence', 'Trainees', 'Assessments'],
  supervisor: ['Frameworks', 'Trainees', 'Supervision', 'Assessments'],
  assessor: ['Frameworks', 'Assessments'],
  deanery: ['Frameworks', 'Trainees', 'Cohort'],
  admin: ['Frameworks', 'Trainees', 'Administration'],
};

describe('Signing in and out', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('offers a sign-in page that explains what is missing or wrong', async () => {
    const { page, problems } = await openPage(browser, {
      expectedErrors: [{ status: 401, url: /\/api\/auth\/login$/ }],
    });

    await page.goto(appUrl('/'));
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in – Leadership portfolio');
    expect(await page.getByLabel('Email address').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('autocomplete')).toBe('current-password');
    await checkPage(page, 'sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'Enter your email address' }).waitFor();
    await summary.getByRole('link', { name: 'Enter your password' }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    expect(
      await page.getByLabel('Password', { exact: true }).evaluate((input) => input === document.activeElement),
    ).toBe(true);
    await checkPage(page, 'sign-in-empty');

    await submitSignIn(page, demoAccounts.trainee.email, 'not-the-password');
    await summary.getByText('The email address or password is not right.').waitFor();
    expect(page.url()).toContain('/sign-in');
    await checkPage(page, 'sign-in-wrong-password');

    expect(problems()).toEqual([]);
  });

  for (const role of Object.keys(navigationByRole) as DemoRole[]) {
    it(`shows ${role} the navigation their role allows`, async () => {
      const { page, problems } = await openPage(browser);

      await signInAs(page, role);
      await page.waitForURL(appUrl('/'));
      await page.getByRole('heading', { level: 1, name: `Welcome, ${demoAccounts[role].name}` }).waitFor();
      expect(await navigationLinks(page)).toEqual(navigationByRole[role]);
      await checkPage(page, `home-${role}`);

      expect(problems()).toEqual([]);
    });
  }

  it('signs out, and the header then offers to sign in', async () => {
    const { page, problems } = await openPage(browser);

    await signInAs(page, 'supervisor');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(appUrl('/sign-in?signedOut=1'));
    await page.getByText('You have signed out').waitFor();
    await checkPage(page, 'signed-out');

    // The session is gone on the server too: a protected page asks to sign in again.
    await page.goto(appUrl('/trainees'));
    await page.waitForURL(appUrl('/sign-in?returnUrl=%2Ftrainees'));
    await page.goto(appUrl('/'));
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await navigationLinks(page)).toEqual(['Frameworks']);

    expect(problems()).toEqual([]);
  });

  it('hides pages a role may not use behind page not found', async () => {
    const { page, problems } = await openPage(browser);

    await signInAs(page, 'assessor');
    await page.goto(appUrl('/admin/users'));
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(page.url()).toBe(appUrl('/admin/users'));
    await page.goto(appUrl('/trainees'));
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();

    expect(problems()).toEqual([]);
  });
});
