import type { Browser, Page } from 'playwright-core';

import { demoAccounts, navigationLinks, signInAs, submitSignIn } from './support/accounts';
import { appUrl, launchBrowser, openPage, visibleTexts } from './support/browser';
import { checkPage } from './support/check-page';

// Names unique to this run, so that the journeys also pass against a database kept between runs.
const runId = Date.now().toString().slice(-7);
const deanery = { code: `E2E-${runId}`, name: `E2E Deanery ${runId}` };
const programmeName = `E2E Programme ${runId}`;
const newUser = {
  email: `e2e.trainee.${runId}@example.test`,
  name: `Dr E2E Trainee ${runId}`,
  gmcNumber: runId,
  password: 'violet-harbour-lantern-42',
};

async function openAdminPage(browser: Browser, options: Parameters<typeof openPage>[1] = {}) {
  const journey = await openPage(browser, options);
  await signInAs(journey.page, 'admin', '/admin');
  await journey.page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  return journey;
}

function errorSummary(page: Page) {
  return page.locator('.nhsuk-error-summary');
}

describe('Administration', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('adds a deanery and a programme', async () => {
    const { page, problems } = await openAdminPage(browser);
    await checkPage(page, 'admin');

    await page.getByRole('link', { name: 'Deaneries and programmes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deaneries and programmes' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /North West \(demo\)/ }).waitFor();

    await page.getByRole('button', { name: 'Add deanery' }).click();
    await errorSummary(page).getByRole('link', { name: 'Enter a deanery code' }).waitFor();
    await page.getByLabel('Deanery code').fill(deanery.code);
    await page.getByLabel('Deanery name').fill(deanery.name);
    await page.getByRole('button', { name: 'Add deanery' }).click();
    await page.getByText(`${deanery.name} has been added`).waitFor();
    await page.getByRole('heading', { level: 2, name: new RegExp(deanery.name) }).waitFor();

    await page.getByLabel('Deanery', { exact: true }).selectOption({ label: deanery.name });
    await page.getByLabel('Programme name').fill(programmeName);
    await page.getByRole('button', { name: 'Add programme' }).click();
    await page.getByText(`${programmeName} has been added`).waitFor();
    await page.getByRole('term').filter({ hasText: programmeName }).waitFor();
    await checkPage(page, 'admin-deaneries');

    expect(problems()).toEqual([]);
  });

  it('adds a user, changes them, and says so when someone else changed them first', async () => {
    const { page, problems } = await openAdminPage(browser, {
      expectedErrors: [{ status: 409, url: /\/api\/admin\/users\// }],
    });

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByLabel('Name or email address').fill('demo.test');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('cell', { name: new RegExp(demoAccounts.trainee.email) }).waitFor();
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Educational supervisor' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/role=supervisor/);
    // The earlier list showed the supervisor too: the trainee leaving it is what shows the filter applied.
    await page.getByRole('cell', { name: new RegExp(demoAccounts.trainee.email) }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: new RegExp(demoAccounts.supervisor.email) }).waitFor();
    await checkPage(page, 'admin-users');

    await page.getByRole('link', { name: 'Add a user' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a user' }).waitFor();
    await page.getByRole('button', { name: 'Add user' }).click();
    expect(await visibleTexts(errorSummary(page).getByRole('link'))).toEqual([
      'Enter an email address',
      'Enter the full name',
      'Select at least one role',
    ]);
    await checkPage(page, 'admin-user-new-errors');

    await page.getByLabel('Email address').fill(newUser.email);
    await page.getByLabel('Full name').fill(newUser.name);
    await page.getByLabel('Trainee', { exact: true }).check();
    await page.getByLabel('Deanery', { exact: true }).selectOption({ label: 'North West (demo)' });
    await page.getByLabel('GMC number (optional)').fill(newUser.gmcNumber);
    await page.getByLabel('Profession or job title (optional)').fill('Doctor (FY1)');
    await page.getByLabel('Password (optional)').fill(newUser.password);
    await checkPage(page, 'admin-user-new');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(`${newUser.name} has been added`).waitFor();
    const userLink = page.getByRole('link', { name: new RegExp(newUser.name) });
    await userLink.waitFor();

    await userLink.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(newUser.name) }).waitFor();
    const editUrl = page.url();
    await page.getByLabel('Assessor', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes have been saved').waitFor();
    await checkPage(page, 'admin-user-edit');

    // Someone else saves a change in another tab; this page still holds the older version.
    const otherTab = await page.context().newPage();
    await otherTab.goto(editUrl);
    await otherTab.getByLabel('Profession or job title (optional)').fill('Doctor (FY2)');
    await otherTab.getByRole('button', { name: 'Save changes' }).click();
    await otherTab.getByText('Your changes have been saved').waitFor();
    await otherTab.close();

    await page.getByLabel('Full name').fill(`${newUser.name} (renamed)`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await errorSummary(page)
      .getByText(/Someone else has changed this user/)
      .waitFor();
    await checkPage(page, 'admin-user-conflict');
    const reloadButton = page.getByRole('button', { name: 'Reload the user' });
    await reloadButton.click();
    // The old form goes (with that button) while the user is fetched; the new one is drawn after.
    await reloadButton.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    expect(await page.getByLabel('Profession or job title (optional)').inputValue()).toBe('Doctor (FY2)');
    expect(await page.getByLabel('Full name').inputValue()).toBe(newUser.name);

    expect(problems()).toEqual([]);
  });

  it('assigns an educational supervisor', async () => {
    const { page, problems } = await openAdminPage(browser);

    await page.getByRole('link', { name: 'Assign an educational supervisor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assign an educational supervisor' }).waitFor();
    await page.getByLabel("Trainee's email address").fill('nobody@example.test');
    await page.getByLabel("Supervisor's email address").fill(demoAccounts.supervisor.email);
    await page.getByLabel('Start date').fill('2026-08-05');
    await page.getByRole('button', { name: 'Assign supervisor' }).click();
    await errorSummary(page).getByRole('link', { name: 'There is no trainee with this email address' }).waitFor();
    await checkPage(page, 'admin-assign-errors');

    await page.getByLabel("Trainee's email address").fill(newUser.email);
    await page.getByRole('button', { name: 'Assign supervisor' }).click();
    await page
      .getByText(`${demoAccounts.supervisor.name} is now the educational supervisor of ${newUser.name}`)
      .waitFor();
    await checkPage(page, 'admin-assign');

    expect(problems()).toEqual([]);
  });

  it('imports a cohort from CSV, listing every bad line and importing nothing until all are good', async () => {
    const { page, problems } = await openAdminPage(browser, {
      expectedErrors: [{ status: 400, url: /\/api\/admin\/trainee-imports$/ }],
    });
    const header = 'name,email,gmc_number,programme,stage,grade,supervisor_email';
    const line = (index: number, gmcNumber: string, programme: string) =>
      `Dr Cohort ${runId}-${index},cohort.${runId}.${index}@example.test,${gmcNumber},${programme},postgraduate,FY1,${demoAccounts.supervisor.email}`;
    const upload = (name: string, lines: string[]) =>
      page.getByLabel('Choose the file').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...lines].join('\n')),
      });

    await page.getByRole('link', { name: 'Import a cohort of trainees' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a cohort of trainees' }).waitFor();
    await page.getByText(header, { exact: true }).waitFor();

    await upload('cohort-with-problems.csv', [
      line(1, '12345', programmeName),
      line(2, '7000002', 'No such programme'),
    ]);
    await page.getByRole('button', { name: 'Import trainees' }).click();
    await errorSummary(page)
      .getByText(/The file has 2 problems/)
      .waitFor();
    const problemRows = page.getByRole('table', { name: 'Problems in the file' }).getByRole('row');
    expect(await problemRows.count()).toBe(3);
    // On a wide screen each cell shows its value alone; the column name is for phones.
    expect(await visibleTexts(problemRows.nth(1).getByRole('cell'))).toEqual([
      '2',
      'gmc_number',
      expect.stringContaining('not a GMC reference number'),
    ]);
    expect(await visibleTexts(problemRows.nth(2).getByRole('cell'))).toEqual([
      '3',
      'programme',
      expect.stringContaining('no programme called'),
    ]);
    await checkPage(page, 'admin-import-errors');

    const gmcBase = Number(runId);
    await upload('cohort.csv', [
      line(1, String((gmcBase + 1) % 10_000_000).padStart(7, '0'), programmeName),
      line(2, String((gmcBase + 2) % 10_000_000).padStart(7, '0'), programmeName),
    ]);
    await page.getByRole('button', { name: 'Import trainees' }).click();
    await page.getByText('2 trainees imported').waitFor();
    expect(await page.getByRole('table', { name: 'Problems in the file' }).count()).toBe(0);
    await checkPage(page, 'admin-import');

    expect(problems()).toEqual([]);
  });

  it('lets the new user change their password, after which they sign in with the new one', async () => {
    const { page, problems } = await openPage(browser, {
      expectedErrors: [{ status: 400, url: /\/api\/auth\/password$/ }],
    });
    const newPassword = 'copper-meadow-signal-77';

    await page.goto(appUrl('/sign-in'));
    await submitSignIn(page, newUser.email, newUser.password);
    await page.getByRole('heading', { level: 1, name: `Welcome, ${newUser.name}` }).waitFor();
    expect(await navigationLinks(page)).toEqual([
      'Frameworks',
      'My progress',
      'My evidence',
      'Trainees',
      'Assessments',
    ]);

    await page.getByRole('link', { name: 'Change your password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
    await checkPage(page, 'change-password');
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await errorSummary(page)
      .getByRole('link', { name: /current password is not right/ })
      .waitFor();
    await checkPage(page, 'change-password-errors');

    await page.getByLabel('Current password').fill(newUser.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(appUrl('/sign-in?passwordChanged=1'));
    await page.getByText('Your password has been changed').waitFor();
    await checkPage(page, 'password-changed');

    await submitSignIn(page, newUser.email, newPassword);
    await page.getByRole('heading', { level: 1, name: `Welcome, ${newUser.name}` }).waitFor();

    expect(problems()).toEqual([]);
  });
});
