import type { Browser } from 'playwright-core';

import { demoAccounts, demoPassword, signInAs, submitSignIn } from './support/accounts';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';

const sessionCookie = 'portfolio_session';

describe('When the session expires', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('asks to sign in again at the next request and comes back to the same page', async () => {
    const { page, problems } = await openPage(browser, { expectedErrors: [{ status: 401, url: /\/api\/trainees\// }] });

    await signInAs(page, 'supervisor', '/trainees');
    await page.waitForURL(appUrl('/trainees'));
    const traineeLink = page.getByRole('link', { name: demoAccounts.trainee.name });
    await traineeLink.waitFor();
    const traineePath = new URL(await traineeLink.evaluate((link) => (link as HTMLAnchorElement).href)).pathname;

    // As if the session had timed out on the server: the browser no longer has it.
    await page.context().clearCookies({ name: sessionCookie });
    await traineeLink.click();

    await page.waitForURL(/\/sign-in\?/);
    const signInUrl = new URL(page.url());
    expect(signInUrl.searchParams.get('returnUrl')).toBe(traineePath);
    expect(signInUrl.searchParams.get('expired')).toBe('1');
    await page.getByText('Your session has expired').waitFor();
    expect(await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).count()).toBe(
      0,
    );
    await checkPage(page, 'session-expired');

    await submitSignIn(page, demoAccounts.supervisor.email, demoPassword);
    await page.waitForURL(appUrl(traineePath));
    await page.getByRole('heading', { level: 1, name: demoAccounts.trainee.name }).waitFor();

    expect(problems()).toEqual([]);
  });

  it('asks to sign in again on opening a protected page, then opens it', async () => {
    const { page, problems } = await openPage(browser);

    await signInAs(page, 'admin', '/admin');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.context().clearCookies({ name: sessionCookie });
    await page.goto(appUrl('/admin/users?search=demo'));

    await page.waitForURL(/\/sign-in\?/);
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/admin/users?search=demo');
    await submitSignIn(page, demoAccounts.admin.email, demoPassword);
    await page.waitForURL(appUrl('/admin/users?search=demo'));
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

    expect(problems()).toEqual([]);
  });
});
