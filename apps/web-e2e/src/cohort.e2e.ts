import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

import { demoAccounts, signInAs } from './support/accounts';
import { appUrl, launchBrowser, openPage, visibleTexts } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';

const trainee = demoAccounts.trainee.name;

/** A training year such as 2026-27 that starts in the given year. */
function periodStarting(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * The latest training year the trainee has no review for: the current one on a fresh database,
 * an earlier one when the database is kept between runs (a trainee has one review a period).
 */
async function periodWithoutReview(page: Page): Promise<string> {
  const reviewed = new Set(
    (await visibleTexts(page.locator('.app-review-table tbody tr td:first-child a'))).map((text) => text.slice(0, 7)),
  );
  // Training years start in August.
  const today = new Date();
  let year = today.getUTCFullYear() - (today.getUTCMonth() < 7 ? 1 : 0);
  while (reviewed.has(periodStarting(year))) {
    year--;
  }
  return periodStarting(year);
}

/** The row of the demo trainee in the cohort table. */
function traineeRow(page: Page) {
  return page.locator('.app-cohort-table tbody tr').filter({ hasText: trainee });
}

async function openCohort(page: Page, query = ''): Promise<void> {
  await page.goto(appUrl(`/cohort${query}`));
  await page.getByRole('heading', { level: 1, name: 'Cohort' }).waitFor();
  await traineeRow(page).waitFor();
  // The charts are drawn once the browser is idle.
  await page.locator('ngx-charts-heat-map svg').waitFor();
}

/** Waits for the batch's progress bar to be full, and the batch to say it has finished. */
async function waitForBatchToFinish(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Progression reports ready' }).waitFor({ timeout: 60_000 });
  const bar = page.getByRole('progressbar', { name: 'Reports produced' });
  expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
}

describe('Progression for the deanery', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('records and finalises an outcome, issues a report that verifies, and produces the cohort’s reports', async () => {
    const { page, problems } = await openPage(browser, {
      // Finalising before the outcome is chosen is refused with the fields to fix.
      expectedErrors: [{ status: 400, url: /\/api\/reviews\/[0-9a-f-]+\/finalisation$/ }],
    });
    await signInAs(page, 'deanery', '/');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cohort' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cohort' }).waitFor();
    await traineeRow(page).waitFor();
    await page.locator('ngx-charts-heat-map svg').waitFor();
    await checkPage(page, 'cohort');

    // Sorting is the API's, through the address, and the heading says which order is shown.
    await page.getByRole('button', { name: 'Outcome', exact: true }).click();
    await page.waitForURL(/sort=outcome&direction=asc/);
    await page.locator('th[aria-sort="ascending"]').filter({ hasText: 'Outcome' }).waitFor();

    await traineeRow(page).getByRole('link', { name: trainee }).click();
    await page.getByRole('heading', { level: 1, name: trainee }).waitFor();
    await checkPage(page, 'cohort-trainee');
    const period = await periodWithoutReview(page);
    const firstYear = Number(period.slice(0, 4));

    await page.getByRole('link', { name: 'Record a review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a review' }).waitFor();
    await page.getByLabel('Review period').fill(period);
    await page.getByLabel('Date of the panel').fill(`${firstYear + 1}-06-10`);
    await checkPage(page, 'review-new');

    // Saved as a draft, then refused: the panel has not given an outcome, reasons or members.
    await page.getByRole('button', { name: 'Save and finalise' }).click();
    await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByText('The review was saved as a draft but could not be finalised').waitFor();
    expect(await visibleTexts(summary.locator('li'))).toEqual([
      'Choose the outcome',
      'Give the reasons for the outcome',
      'Name the panel members',
    ]);
    await checkPage(page, 'review-finalise-errors');

    await page.getByLabel('Panel member 1').fill('Dr Ruth Green, chair');
    await page.getByRole('button', { name: 'Add another panel member' }).click();
    await page.getByLabel('Panel member 2').fill('Mr Sam Lee, lay member');
    await page.getByLabel('Outcome 1: Satisfactory progress').check();
    await page
      .getByLabel('Reasons for the outcome')
      .fill('Evidence across every domain, with assessments signed for the leadership elements.');
    await page.getByRole('button', { name: 'Save and finalise' }).click();
    await page.getByText('Review finalised').waitFor();
    await page.getByRole('heading', { level: 1, name: `Review for ${period}` }).waitFor();
    await page.locator('.app-review-summary').getByText('Satisfactory progress').waitFor();
    await checkPage(page, 'review-final');

    await page.getByRole('link', { name: `Back to ${trainee}'s progression` }).click();
    await page.getByRole('heading', { level: 1, name: trainee }).waitFor();
    await page.getByLabel('Review period').fill(period);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download progression report' }).click();
    const download = await downloading;
    const pdfPath = await download.path();
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(new RegExp(`^progression-report-${period}-.+\\.pdf$`));
    const code = (await page.getByTestId('verification-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await checkPage(page, 'cohort-trainee-report');

    // Anyone can check the report, without signing in: by its code, or by the file.
    const { page: publicPage, problems: publicProblems } = await openPage(browser);
    await publicPage.goto(appUrl('/'));
    await publicPage.getByRole('contentinfo').getByRole('link', { name: 'Check a progression report' }).click();
    await publicPage.getByRole('heading', { level: 1, name: 'Check a progression report' }).waitFor();
    await publicPage.getByLabel('Verification code').fill(code.toLowerCase().replace(/-/g, ' '));
    await publicPage.getByRole('button', { name: 'Check code' }).click();
    await publicPage.waitForURL(new RegExp(`/verify/${code}$`));
    await publicPage.getByRole('heading', { name: 'This report is genuine' }).waitFor();
    const details = await visibleTexts(publicPage.locator('.app-verification-details .nhsuk-summary-list__row'));
    expect(details).toEqual(
      expect.arrayContaining([
        `Name ${trainee}`,
        `Review period ${period}`,
        'Outcome Outcome 1: Satisfactory progress',
        `Verification code ${code}`,
      ]),
    );
    await checkPage(publicPage, 'verify-genuine');

    await publicPage
      .getByLabel('Report PDF')
      .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/pdf', buffer: pdf });
    await publicPage.getByRole('button', { name: 'Check file' }).click();
    await publicPage
      .locator('.nhsuk-panel__body')
      .filter({ hasText: 'is exactly as this service issued it' })
      .waitFor();

    await publicPage.getByLabel('Report PDF').setInputFiles({
      name: 'altered.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([pdf, Buffer.from('\n% altered\n')]),
    });
    await publicPage.getByRole('button', { name: 'Check file' }).click();
    await publicPage.getByText('This file does not match any report we issued').waitFor();
    await checkPage(publicPage, 'verify-not-genuine');
    expect(publicProblems()).toEqual([]);

    // The outcome shows in the cohort for its period; then every report of the cohort at once.
    await openCohort(page, `?period=${period}`);
    // The code shows; its title is there for screen readers.
    const outcome = traineeRow(page).locator('app-outcome-tag');
    expect((await outcome.locator('.nhsuk-tag').innerText()).trim()).toMatch(/1$/);
    expect((await outcome.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Outcome 1: Satisfactory progress');
    await page.getByRole('button', { name: 'Produce reports for this cohort' }).click();
    await page.waitForURL(/\/cohort\/batches\/[0-9a-f-]{36}$/);
    await waitForBatchToFinish(page);
    expect(await page.locator('.app-batch-progress__text').innerText()).toMatch(/^(\d+) of \1 reports?, finished$/);
    const zipDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download ZIP' }).click();
    const zip = readFileSync(await (await zipDownload).path());
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    await checkPage(page, 'cohort-batch');

    expect(problems()).toEqual([]);
  });

  it('shows the cohort, a trainee, a review, a batch and a check 390 px wide without scrolling sideways', async () => {
    const { page, problems } = await openPage(browser, { viewport: phone });
    await signInAs(page, 'deanery', '/cohort');
    await openCohort(page);
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'cohort-phone');

    await traineeRow(page).getByRole('link', { name: trainee }).click();
    await page.getByRole('heading', { level: 1, name: trainee }).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'cohort-trainee-phone');

    await page.getByRole('link', { name: 'Record a review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a review' }).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'review-new-phone');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: trainee }).waitFor();
    const finalReview = page.locator('.app-review-table tbody tr').filter({ hasText: 'Final' }).first();
    if ((await finalReview.count()) > 0) {
      await finalReview.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: /^Review for / }).waitFor();
      await expectNoSidewaysScrolling(page);
      await checkPage(page, 'review-final-phone');
    }

    await openCohort(page);
    await page.getByRole('button', { name: 'Produce reports for this cohort' }).click();
    await page.waitForURL(/\/cohort\/batches\/[0-9a-f-]{36}$/);
    await waitForBatchToFinish(page);
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'cohort-batch-phone');

    await page.goto(appUrl('/verify/AAAA-BBBB-CCCC'));
    await page.getByText('We have no report with this code').waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'verify-phone');

    expect(problems()).toEqual([]);
  });
});
