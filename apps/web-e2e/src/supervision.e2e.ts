import type { Browser, Page } from 'playwright-core';

import { demoAccounts, signInAs } from './support/accounts';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';

/** A number unique to this run, so that the journey also passes against a database kept between runs. */
const run = Date.now().toString(36);
const evidenceTitle = `Rota budget review ${run}`;
const elementKey = '3.2';
/** The header in which the web app echoes the XSRF-TOKEN cookie on every write. */
const csrfHeader = 'X-XSRF-TOKEN';

/** A write to the API as the user signed in on this page, with the CSRF token the web app would send. */
async function apiWrite(page: Page, method: 'POST' | 'PATCH', path: string, data: unknown): Promise<{ id: string }> {
  const cookies = await page.context().cookies();
  const token = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.fetch(appUrl(path), { method, data, headers: { [csrfHeader]: token } });
  if (!response.ok()) {
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  }
  return (await response.json()) as { id: string };
}

/**
 * As the trainee: evidence of element 3.2 shared with the supervisor, and a placement review sent
 * to the supervisor, which puts a request on their to-do list and a message in the outbox.
 */
async function prepareTraineeWork(browser: Browser): Promise<void> {
  const { page } = await openPage(browser);
  await signInAs(page, 'trainee', '/evidence');
  const evidence = await apiWrite(page, 'POST', '/api/evidence', {
    type: 'leadership-activity',
    title: evidenceTitle,
    occurredOn: '2026-02-10',
    body: 'Reviewed the locum spend on the rota with the business manager.',
    visibility: 'supervisor',
    links: [{ elementKey }],
  });
  await apiWrite(page, 'PATCH', `/api/evidence/${evidence.id}`, { version: 1, status: 'submitted' });
  const review = await apiWrite(page, 'POST', '/api/assessments', {
    templateKey: 'supervisor-placement-review',
    answers: {
      'self-assessment': {
        progress: `Led the rota budget review (${run}).`,
        next: 'Take on the department audit.',
      },
    },
  });
  await apiWrite(page, 'POST', `/api/assessments/${review.id}/send`, { assessor: { kind: 'supervisor' }, version: 1 });
  await page.context().close();
}

describe('Supervision and element sign-off', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await prepareTraineeWork(browser);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('takes a supervisor from their to-do list to signing off an element, and withdrawing it', async () => {
    const { page, problems } = await openPage(browser);

    await signInAs(page, 'supervisor', '/');
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    await waiting.getByRole('heading', { level: 3, name: 'Requests to assess' }).waitFor();
    await waiting.getByText(`From ${demoAccounts.trainee.name}`).first().waitFor();
    await checkPage(page, 'home-supervisor');

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Supervision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Supervision' }).waitFor();
    const traineeRow = page.getByRole('table', { name: 'Your trainees' }).getByRole('row', {
      name: new RegExp(demoAccounts.trainee.name),
    });
    await traineeRow.getByText(/^of \d+ elements$/).waitFor();
    await page
      .getByRole('table', { name: /Requests waiting for you/ })
      .getByRole('link')
      .first()
      .waitFor();
    await checkPage(page, 'supervision');

    await traineeRow.getByRole('link', { name: demoAccounts.trainee.name }).click();
    await page.getByRole('heading', { level: 1, name: demoAccounts.trainee.name }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Elements at the .* stage$/ }).waitFor();
    const tile = page.locator(`[data-element="${elementKey}"]`);
    await tile.getByText('1 piece of evidence').waitFor();
    await checkPage(page, 'trainee-elements');

    await tile.getByRole('link', { name: `Sign off element ${elementKey}` }).click();
    await page.getByRole('heading', { level: 1, name: `${elementKey} Managing Resources` }).waitFor();
    expect(await page.title()).toBe(`Sign off ${elementKey} Managing Resources – Leadership portfolio`);
    const signOffButton = page.getByRole('button', { name: `Sign off element ${elementKey}` });
    await signOffButton.click();
    const errorSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await errorSummary
      .getByRole('link', { name: 'Select the evidence or assessments your sign-off rests on' })
      .waitFor();
    await checkPage(page, 'element-sign-off-problem');

    // The error summary's link takes the keyboard to the first box to tick.
    await errorSummary.getByRole('link').press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('evidenceIds');
    await page.getByLabel(evidenceTitle).check();
    await page.getByLabel('Note (optional)').fill('A clear account of managing the locum budget.');
    await checkPage(page, 'element-sign-off');
    const signed = page.waitForResponse(
      (response) => response.url().endsWith('/sign-offs') && response.request().method() === 'POST',
    );
    await signOffButton.click();
    expect((await signed).status()).toBe(201);
    await page.getByText(`Element ${elementKey} is signed off`).waitFor();
    const summary = page.locator('.app-sign-off-summary');
    await summary.getByText(demoAccounts.supervisor.name).waitFor();
    await summary.getByRole('link', { name: evidenceTitle }).waitFor();
    await checkPage(page, 'element-signed-off');

    await page.getByRole('link', { name: `Back to ${demoAccounts.trainee.name}` }).click();
    await page.getByRole('heading', { level: 2, name: /^Elements at the .* stage$/ }).waitFor();
    await tile.getByText(`Signed off by ${demoAccounts.supervisor.name} on`).waitFor();
    expect((await tile.locator('.nhsuk-tag').innerText()).trim()).toBe('Signed off');

    await tile.getByRole('link', { name: `Review or withdraw the sign-off of element ${elementKey}` }).click();
    await page.getByRole('heading', { level: 2, name: 'Withdraw this sign-off' }).waitFor();
    await page.getByLabel('Why are you withdrawing it?').fill('Signed off before the placement review was discussed.');
    await page.getByRole('button', { name: 'Withdraw sign-off' }).click();
    await page.getByText(`The sign-off of element ${elementKey} has been withdrawn`).waitFor();
    await page.getByText('Reason: Signed off before the placement review was discussed.').waitFor();
    await signOffButton.waitFor();
    await checkPage(page, 'element-sign-off-withdrawn');

    expect(problems()).toEqual([]);
  });

  it("shows an administrator the outbox, with each message's text to open", async () => {
    const { page, problems } = await openPage(browser);

    await signInAs(page, 'admin', '/admin');
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const message = page
      .locator('.app-outbox__message')
      .filter({ hasText: `placement review by ${demoAccounts.trainee.name}` })
      .first();
    await message.getByText(demoAccounts.supervisor.email).waitFor();
    await message.getByText('Read the message').click();
    await message.getByText(`Dear ${demoAccounts.supervisor.name},`).waitFor();
    await checkPage(page, 'outbox');

    expect(problems()).toEqual([]);
  });

  it('fits a phone screen: to-do list, supervision, trainee, sign-off and outbox', async () => {
    const { page, problems } = await openPage(browser, { viewport: phone });

    await signInAs(page, 'supervisor', '/');
    await page.getByRole('region', { name: 'Waiting for you' }).getByRole('list').first().waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'home-supervisor-phone');

    await page.goto(appUrl('/supervision'));
    await page.getByRole('table', { name: 'Your trainees' }).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'supervision-phone');

    await page
      .getByRole('table', { name: 'Your trainees' })
      .getByRole('link', { name: demoAccounts.trainee.name })
      .click();
    await page.locator(`[data-element="${elementKey}"]`).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'trainee-elements-phone');

    await page
      .locator(`[data-element="${elementKey}"]`)
      .getByRole('link', { name: /element 3\.2$/ })
      .click();
    await page.getByRole('heading', { level: 1, name: `${elementKey} Managing Resources` }).waitFor();
    await page.getByLabel(evidenceTitle).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'element-sign-off-phone');

    const { page: adminPage, problems: adminProblems } = await openPage(browser, { viewport: phone });
    await signInAs(adminPage, 'admin', '/admin/outbox');
    await adminPage.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await adminPage.locator('.app-outbox__message').first().waitFor();
    await adminPage.locator('.app-outbox__message summary').first().click();
    await expectNoSidewaysScrolling(adminPage);
    await checkPage(adminPage, 'outbox-phone');

    expect(problems()).toEqual([]);
    expect(adminProblems()).toEqual([]);
  });
});
