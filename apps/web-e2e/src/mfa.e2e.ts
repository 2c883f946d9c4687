import type { Browser, Page } from 'playwright-core';

import {
  demoAccounts,
  demoPassword,
  signInAs,
  submitAuthenticatorCode,
  submitPassword,
  submitSignIn,
} from './support/accounts';
import { currentAuthenticatorCode, unusedAuthenticatorCode, whileSigningIn } from './support/authenticator-codes';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';

/** A number unique to this run, so that the journeys also pass against a database kept between runs. */
const run = Date.now().toString(36);

const newSupervisor = {
  email: `mfa.supervisor.${run}@demo.test`,
  name: 'Dr Omar Haddad',
  password: `journey-password-${run}`,
};
const newTrainee = {
  email: `mfa.trainee.${run}@demo.test`,
  name: 'Dr Lucy Grant',
  password: `journey-password-${run}`,
};

/** As the administrator, through the API the admin pages use. */
async function createAccounts(browser: Browser): Promise<void> {
  const { page } = await openPage(browser);
  await signInAs(page, 'admin', '/admin');
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  for (const [account, roles] of [
    [newSupervisor, ['supervisor']],
    [newTrainee, ['trainee']],
  ] as const) {
    const response = await page.request.post(appUrl('/api/admin/users'), {
      data: { email: account.email, displayName: account.name, roles, gmcNumber: null, password: account.password },
      headers: { 'X-XSRF-TOKEN': token },
    });
    if (!response.ok()) {
      throw new Error(`Creating ${account.email} answered ${response.status()}: ${await response.text()}`);
    }
  }
  await page.context().close();
}

function errorSummary(page: Page) {
  return page.locator('.nhsuk-error-summary');
}

/** Scans nothing: reads the key shown for typing in, as a person without a camera would. */
async function readSetupKey(page: Page): Promise<string> {
  await page.getByText('I cannot scan the QR code').click();
  const key = await page.locator('#authenticator-secret').innerText();
  return key.replace(/\s/g, '');
}

/** The recovery codes page: refuses to go on until the codes are said to be saved. */
async function saveRecoveryCodes(page: Page, screenshot: string): Promise<string[]> {
  await page.getByRole('heading', { level: 1, name: 'Save your recovery codes' }).waitFor();
  const codes = (
    await page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem').allInnerTexts()
  ).map((code) => code.trim());
  expect(codes).toHaveLength(10);
  await checkPage(page, screenshot);
  await page.getByRole('button', { name: 'Continue' }).click();
  await errorSummary(page).getByRole('link', { name: 'Confirm that you have saved your recovery codes' }).waitFor();
  await page.getByLabel('I have saved my recovery codes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return codes;
}

describe('Multi-factor sign-in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await createAccounts(browser);
  }, 120_000);
  afterAll(async () => {
    await browser.close();
  });

  it('asks the demo supervisor for the code from their authenticator app, explaining a wrong one', async () => {
    const { page, problems } = await openPage(browser, {
      expectedErrors: [{ status: 400, url: /\/api\/auth\/login\/second-factor$/ }],
    });
    const supervisor = demoAccounts.supervisor;

    // No other journey signs in as the demo supervisor meanwhile (one half-way sign-in per account).
    await whileSigningIn(supervisor.email, async () => {
      await page.goto(appUrl('/sign-in?returnUrl=%2Fsupervision'));
      await submitPassword(page, supervisor.email, demoPassword);
      await page.getByRole('heading', { level: 1, name: 'Enter the code from your authenticator app' }).waitFor();
      expect(await page.title()).toBe('Enter the code from your authenticator app – Leadership portfolio');
      const codeField = page.getByLabel('Code', { exact: true });
      expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
      expect(await codeField.getAttribute('inputmode')).toBe('numeric');
      // Half-way is not signed in: the header still offers to sign in.
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).waitFor();
      await checkPage(page, 'mfa-code');

      await page.getByRole('button', { name: 'Continue' }).click();
      await errorSummary(page).getByRole('link', { name: 'Enter the code from your authenticator app' }).waitFor();
      const fresh = await unusedAuthenticatorCode(supervisor.email, supervisor.authenticatorSecret);
      await submitAuthenticatorCode(page, fresh === '000000' ? '111111' : '000000');
      await errorSummary(page)
        .getByRole('link', { name: /The code is not right/ })
        .waitFor();
      await checkPage(page, 'mfa-code-wrong');

      await submitAuthenticatorCode(page, fresh);
      await page.waitForURL(appUrl('/supervision'));
    });
    await page.getByRole('navigation', { name: 'Account' }).getByText(supervisor.name).waitFor();

    expect(problems()).toEqual([]);
  });

  it('makes a new supervisor set up an authenticator app before anything else, then accepts a recovery code', async () => {
    const { page, problems } = await openPage(browser, { viewport: phone });

    await page.goto(appUrl('/sign-in'));
    await submitPassword(page, newSupervisor.email, newSupervisor.password);
    await page.getByRole('heading', { level: 1, name: 'Set up an authenticator app' }).waitFor();
    await page.getByText('Your role needs a second step when you sign in').waitFor();
    const qrCode = page.getByRole('img', { name: /QR code for your authenticator app/ });
    expect(await qrCode.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qrCode.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const secret = await readSetupKey(page);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'mfa-set-up');

    // Nothing else opens until the app is set up.
    const me = await page.request.get(appUrl('/api/auth/me'));
    expect(me.status()).toBe(401);

    await page.getByLabel('Code', { exact: true }).fill(currentAuthenticatorCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    const recoveryCodes = await saveRecoveryCodes(page, 'mfa-recovery-codes');
    await page.waitForURL(appUrl('/'));
    await page.getByRole('heading', { level: 1, name: `Welcome, ${newSupervisor.name}` }).waitFor();
    await expectNoSidewaysScrolling(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(appUrl('/sign-in?signedOut=1'));
    await submitPassword(page, newSupervisor.email, newSupervisor.password);
    await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter a recovery code' }).waitFor();
    await checkPage(page, 'mfa-recovery-code');
    await page.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${newSupervisor.name}` }).waitFor();

    expect(problems()).toEqual([]);
  });

  it('lets a trainee turn on an authenticator app from their account, and turn it off again', async () => {
    const { page, problems } = await openPage(browser, {
      expectedErrors: [{ status: 400, url: /\/api\/auth\/mfa$/ }],
    });

    await page.goto(appUrl('/sign-in'));
    await submitSignIn(page, newTrainee.email, newTrainee.password);
    await page.getByRole('heading', { level: 1, name: `Welcome, ${newTrainee.name}` }).waitFor();
    await page.getByRole('link', { name: 'Authenticator app' }).click();
    await page.getByRole('heading', { level: 1, name: 'Authenticator app' }).waitFor();
    await page.getByText('You sign in with your password alone.').waitFor();
    await checkPage(page, 'mfa-account-off');

    await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('heading', { level: 1, name: 'Set up an authenticator app' }).waitFor();
    const secret = await readSetupKey(page);
    const firstCode = currentAuthenticatorCode(secret);
    await page.getByLabel('Code', { exact: true }).fill(firstCode);
    await page.getByRole('button', { name: 'Continue' }).click();
    await saveRecoveryCodes(page, 'mfa-trainee-recovery-codes');
    await page.waitForURL(appUrl('/account/authenticator'));
    await page.getByText('Password and a code from your authenticator app').waitFor();
    await checkPage(page, 'mfa-account-on');

    // The code that set the app up has been used: turning it off needs the next one.
    await page.getByLabel('Code from your authenticator app').last().fill(firstCode);
    await page.getByRole('button', { name: 'Turn off' }).click();
    await errorSummary(page)
      .getByRole('link', { name: /already been used/ })
      .waitFor();
    const nextCode = await (async () => {
      for (;;) {
        const code = currentAuthenticatorCode(secret);
        if (code !== firstCode) {
          return code;
        }
        await page.waitForTimeout(1_000);
      }
    })();
    await page.getByLabel('Code from your authenticator app').last().fill(nextCode);
    await page.getByRole('button', { name: 'Turn off' }).click();
    await page.getByText('The authenticator app is turned off').waitFor();
    await page.getByText('You sign in with your password alone.').waitFor();

    expect(problems()).toEqual([]);
  }, 120_000);
});
