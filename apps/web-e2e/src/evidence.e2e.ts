import type { Browser, Page } from 'playwright-core';

import { demoAccounts, demoPassword, signInAs, submitSignIn } from './support/accounts';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';
import { watchForPageProblems } from './support/page-problems';

const sessionCookie = 'portfolio_session';
const draftKeyPrefix = 'portfolio.evidence-draft.';

/** A word no other evidence holds, to find this reflection by. */
const distinctiveWord = 'quokkaflow';

/** The smallest file that is still a PDF by content. */
const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** What the dashboard says of one element: its status and how much evidence it has. */
async function elementTile(page: Page, elementKey: string): Promise<{ status: string; count: string }> {
  const tile = page.locator(`[data-element="${elementKey}"]`);
  return {
    status: (await tile.locator('.nhsuk-tag').innerText()).trim(),
    count: (await tile.locator('.app-element-tile__count').innerText()).trim(),
  };
}

/** The dashboard's total of elements with evidence, from the table beside the chart. */
async function evidencedTotal(page: Page): Promise<number> {
  const cell = await page.locator('.app-coverage-table__totals [data-status="evidenced"]').innerText();
  return Number(/\d+\s*$/.exec(cell)?.[0]);
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto(appUrl('/dashboard'));
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  await page.locator('.app-coverage-table').waitFor();
}

/** Waits until the autosave status says the draft is on the server. */
async function waitUntilSaved(page: Page): Promise<void> {
  await page
    .locator('#autosave-status')
    .filter({ hasText: /^\s*Saved at \d\d:\d\d\s*$/ })
    .waitFor();
}

describe('Evidence log', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('writes a reflection linked to two elements, attaches a PDF, submits it and sees the coverage change', async () => {
    const { page, problems } = await openPage(browser);

    await signInAs(page, 'trainee', '/dashboard');
    await openDashboard(page);
    const totalBefore = await evidencedTotal(page);
    expect(await elementTile(page, '4.2')).toEqual({ status: 'Not started', count: '0 pieces of evidence' });
    expect(await elementTile(page, '5.4')).toEqual({ status: 'Not started', count: '0 pieces of evidence' });
    await checkPage(page, 'dashboard');

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My evidence' }).click();
    await page.getByRole('heading', { level: 1, name: 'My evidence' }).waitFor();
    await page.getByRole('link', { name: 'Add evidence' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add evidence' }).waitFor();
    expect(await page.getByLabel('Type of evidence').inputValue()).toBe('reflection');
    expect(await page.getByLabel('Private: only you').isChecked()).toBe(true);

    // The first change that can be saved creates the draft, which then has an address of its own.
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/evidence') && response.request().method() === 'POST',
    );
    await page.getByLabel('Title').fill('Leading the night handover');
    await page
      .getByLabel('Your reflection')
      .fill(
        `I led the night handover on the acute take using the ${distinctiveWord} checklist.\n\n` +
          'What went well:\n- **every** patient was handed over\n- the team *asked* questions',
      );
    expect((await created).status()).toBe(201);
    await waitUntilSaved(page);
    await page.waitForURL(/\/evidence\/[0-9a-f-]+\/edit$/);

    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.locator('#body-panel-preview strong').filter({ hasText: 'every' }).waitFor();
    await page.getByRole('tab', { name: 'Write' }).click();

    const search = page.getByLabel('Find an element to link');
    await search.fill('4.2');
    await page.getByRole('button', { name: 'Add 4.2 Critically Evaluating' }).click();
    await search.fill('evaluat');
    await page.getByRole('status').filter({ hasText: '1 element matches' }).waitFor();
    const linksSaved = page.waitForResponse(
      (response) => /\/api\/evidence\/[0-9a-f-]+$/.test(response.url()) && response.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'Add 5.4 Evaluating Impact' }).click();
    await page.getByLabel('What does it show for 5.4? (optional)').fill('Compared errors before and after');
    expect((await linksSaved).status()).toBe(200);
    await waitUntilSaved(page);

    await page.getByLabel('Attach a file').setInputFiles({
      name: 'handover-audit.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes,
    });
    await page.getByRole('button', { name: 'Upload file' }).click();
    await page.getByRole('link', { name: 'handover-audit.pdf (download)' }).waitFor();
    await page.getByText('handover-audit.pdf has been attached.').waitFor();
    await checkPage(page, 'evidence-editor');

    await page.getByRole('button', { name: 'Submit to portfolio' }).click();
    await page.getByText('Your evidence has been submitted to your portfolio').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Leading the night handover' }).waitFor();
    await page.getByText('Submitted', { exact: true }).waitFor();
    await page.locator('.app-evidence-body-text strong').filter({ hasText: 'every' }).waitFor();
    await page.getByText('Compared errors before and after').waitFor();
    await page.getByRole('link', { name: 'handover-audit.pdf (download)' }).waitFor();
    await checkPage(page, 'evidence-item');

    await openDashboard(page);
    expect(await elementTile(page, '4.2')).toEqual({ status: 'Evidenced', count: '1 piece of evidence' });
    expect(await elementTile(page, '5.4')).toEqual({ status: 'Evidenced', count: '1 piece of evidence' });
    expect(await evidencedTotal(page)).toBe(totalBefore + 2);

    await page.goto(appUrl('/evidence'));
    await page.getByLabel('Search words').fill(distinctiveWord);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(new RegExp(`q=${distinctiveWord}`));
    // The unfiltered list shows the same row until the search answers: wait for the search's own summary.
    await page.getByText('Showing 1 item, all that match.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Leading the night handover' });
    await row.waitFor();
    expect(await page.locator('.app-evidence-table tbody tr').count()).toBe(1);
    await row.getByText('4.2, 5.4').waitFor();
    await checkPage(page, 'evidence-list');

    expect(problems()).toEqual([]);
  });

  it('warns about an NHS number as it is typed, and asks for confirmation before submitting', async () => {
    const { page, problems } = await openPage(browser, {
      expectedErrors: [{ status: 400, url: /\/api\/evidence\/[0-9a-f-]+$/ }],
    });
    await signInAs(page, 'trainee', '/evidence/new');
    await page.getByRole('heading', { level: 1, name: 'Add evidence' }).waitFor();

    await page.getByLabel('Title').fill('Ward round');
    await page
      .getByLabel('Your reflection')
      .fill('I reviewed the patient with NHS number 943 476 5919 on the ward round.');
    // At once, before the draft has been saved.
    await page.getByText('This may identify a patient').waitFor();
    await page.getByText('“943 476 5919” looks like an NHS number (in the body)').waitFor();
    expect(await page.locator('#autosave-status').innerText()).not.toMatch(/Saved at/);
    await checkPage(page, 'evidence-editor-patient-warning');

    await waitUntilSaved(page);
    await page.getByRole('button', { name: 'Submit to portfolio' }).click();
    await page.getByText('The portfolio found what may identify a patient').waitFor();
    await page.getByRole('button', { name: 'Submit to portfolio' }).click();
    await page
      .getByRole('link', { name: 'Confirm that you have removed anything that could identify a patient' })
      .waitFor();
    await page.getByLabel('I have checked: nothing here identifies a patient').check();
    await page.getByRole('button', { name: 'Submit to portfolio' }).click();
    await page.getByText('Your evidence has been submitted to your portfolio').waitFor();

    expect(problems()).toEqual([]);
  });

  it('keeps what was typed when the session expires, and restores it after signing in again', async () => {
    const { page, problems } = await openPage(browser, {
      expectedErrors: [{ status: 401, url: /\/api\/evidence$/ }],
    });
    await signInAs(page, 'trainee', '/evidence/new');
    await page.getByRole('heading', { level: 1, name: 'Add evidence' }).waitFor();

    // As if the session had timed out on the server while the trainee was writing.
    await page.context().clearCookies({ name: sessionCookie });
    await page.getByLabel('Title').fill('Written as the session ended');
    await page.getByLabel('Your reflection').fill('Nothing typed on a night shift should be lost.');

    await page.waitForURL(/\/sign-in\?/);
    await page.getByText('Your session has expired').waitFor();
    const kept = await page.evaluate(
      (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)),
      draftKeyPrefix,
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/\.new$/);

    await submitSignIn(page, demoAccounts.trainee.email, demoPassword);
    await page.getByText('We have restored changes that had not been saved').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Written as the session ended');
    expect(await page.getByLabel('Your reflection').inputValue()).toBe(
      'Nothing typed on a night shift should be lost.',
    );
    await waitUntilSaved(page);
    await page.waitForURL(/\/evidence\/[0-9a-f-]+\/edit$/);
    await checkPage(page, 'evidence-editor-restored');
    expect(
      await page.evaluate(
        (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)),
        draftKeyPrefix,
      ),
    ).toEqual([]);

    expect(problems()).toEqual([]);
  });

  it('shows both versions when the item was saved in another tab, and keeps the one chosen', async () => {
    const { page, problems } = await openPage(browser);
    await signInAs(page, 'trainee', '/evidence/new');
    await page.getByLabel('Title').fill('Edited in two tabs');
    await waitUntilSaved(page);
    await page.waitForURL(/\/evidence\/[0-9a-f-]+\/edit$/);

    const otherTab = await page.context().newPage();
    const otherTabProblems = watchForPageProblems(otherTab, [{ status: 409, url: /\/api\/evidence\/[0-9a-f-]+$/ }]);
    await otherTab.goto(page.url());
    await otherTab.getByRole('heading', { level: 1, name: 'Edit evidence' }).waitFor();

    await page.getByLabel('Your reflection').fill('Written in the first tab');
    await waitUntilSaved(page);

    await otherTab.getByLabel('Your reflection').fill('Written in the second tab');
    const conflict = otherTab.getByRole('region', { name: 'This item was changed somewhere else' });
    await conflict.waitFor();
    await conflict.getByText('Written in the first tab').waitFor();
    await conflict.getByText('Written in the second tab').waitFor();
    await checkPage(otherTab, 'evidence-editor-conflict');

    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await waitUntilSaved(otherTab);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Edit evidence' }).waitFor();
    expect(await page.getByLabel('Your reflection').inputValue()).toBe('Written in the second tab');

    expect(problems()).toEqual([]);
    expect(otherTabProblems()).toEqual([]);
  });

  it("shows a supervisor their trainee's progress from the trainee's page", async () => {
    const { page, problems } = await openPage(browser);
    await signInAs(page, 'supervisor', '/trainees');
    await page.getByRole('link', { name: demoAccounts.trainee.name }).click();
    await page.getByRole('link', { name: 'Progress against the framework' }).click();
    await page.getByRole('heading', { level: 1, name: `Progress of ${demoAccounts.trainee.name}` }).waitFor();
    await page.locator('.app-coverage-table').waitFor();
    // A supervisor reads the trainee's progress; only the trainee adds evidence.
    expect(await page.getByRole('link', { name: 'Add evidence' }).count()).toBe(0);
    await checkPage(page, 'dashboard-supervisor');

    expect(problems()).toEqual([]);
  });

  it('fits a phone screen: dashboard, list and editor', async () => {
    const { page, problems } = await openPage(browser, { viewport: phone });

    await signInAs(page, 'trainee', '/dashboard');
    await openDashboard(page);
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'dashboard-phone');

    await page.goto(appUrl('/evidence'));
    await page.locator('.app-evidence-table').waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'evidence-list-phone');

    await page.goto(appUrl('/evidence/new'));
    await page.getByRole('heading', { level: 1, name: 'Add evidence' }).waitFor();
    await page.getByLabel('Find an element to link').fill('managing');
    await page.getByRole('button', { name: 'Add 3.2 Managing Resources' }).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'evidence-editor-phone');

    expect(problems()).toEqual([]);
  });
});
