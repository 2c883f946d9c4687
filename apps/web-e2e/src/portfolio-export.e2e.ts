import { strFromU8, unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

import { demoAccounts, signInAs } from './support/accounts';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';

interface ExportedPortfolio {
  schemaVersion: string;
  purpose: string;
  trainee: { name: string };
  evidence: { title: string; path: string; attachments: { path: string; sha256: string }[] }[];
}

/** A number unique to this run, so that the journey also passes against a database kept between runs. */
const run = Date.now().toString(36);
const evidenceTitle = `Chaired the rota working group ${run}`;
const notes = Buffer.from(`Notes of the rota working group, run ${run}.\n`);

/** A request to the API as the user signed in on this page, with the CSRF token the web app would send. */
async function apiRequest(page: Page, path: string, options: Parameters<Page['request']['fetch']>[1]) {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.fetch(appUrl(path), {
    method: 'POST',
    ...options,
    headers: { 'X-XSRF-TOKEN': token },
  });
  if (!response.ok()) throw new Error(`POST ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** Clicks `start`, waits for the browser to save the file, and opens it as a ZIP. */
async function downloadedZip(page: Page, start: () => Promise<void>): Promise<Record<string, Uint8Array>> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), start()]);
  expect(download.suggestedFilename()).toMatch(/^portfolio-dr-aisha-khan-\d{4}-\d{2}-\d{2}\.zip$/);
  return unzipSync(new Uint8Array(readFileSync(await download.path())));
}

describe('Portable portfolio', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('downloads the trainee’s whole portfolio in one click, as a ZIP that holds what they logged', async () => {
    const { page, problems } = await openPage(browser);
    await signInAs(page, 'trainee', '/evidence');
    const item = await apiRequest(page, '/api/evidence', {
      data: { type: 'leadership-activity', title: evidenceTitle, occurredOn: '2026-11-20', body: 'I chaired it.' },
    });
    await apiRequest(page, `/api/evidence/${item.id}/attachments`, {
      multipart: { file: { name: 'notes.txt', mimeType: 'text/plain', buffer: notes } },
    });
    await page.reload();
    await page.getByRole('link', { name: evidenceTitle }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'My evidence' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Download my whole portfolio' }).waitFor();
    await checkPage(page, 'portfolio-download');

    const files = await downloadedZip(page, () =>
      page.getByRole('link', { name: 'Download my whole portfolio (ZIP)' }).click(),
    );
    const portfolio = JSON.parse(strFromU8(files['portfolio.json'] as Uint8Array)) as ExportedPortfolio;
    expect(portfolio).toMatchObject({
      schemaVersion: '1.0.0',
      purpose: 'trainee-download',
      trainee: { name: demoAccounts.trainee.name },
    });
    for (const exported of portfolio.evidence) expect(files[exported.path]).toBeDefined();
    const logged = portfolio.evidence.find((exported) => exported.title === evidenceTitle);
    expect(strFromU8(files[logged?.path ?? ''] as Uint8Array)).toContain('I chaired it.');
    const [attachment] = logged?.attachments ?? [];
    const content = files[attachment?.path ?? ''] as Uint8Array;
    expect(Buffer.from(content).equals(notes)).toBe(true);
    expect(createHash('sha256').update(content).digest('hex')).toBe(attachment?.sha256);
    expect(files['portfolio.pdf']).toBeDefined();
    expect(files['README.txt']).toBeDefined();

    expect(problems()).toEqual([]);
  });

  it('lets the deanery export a trainee’s portfolio for a subject access request, with a reason', async () => {
    const { page, problems } = await openPage(browser, { viewport: phone });
    await signInAs(page, 'deanery', '/trainees');
    await page.getByRole('link', { name: demoAccounts.trainee.name }).click();
    await page.getByRole('heading', { level: 2, name: 'Export portfolio (subject access request)' }).waitFor();

    await page.getByRole('button', { name: 'Export portfolio (ZIP)' }).click();
    await page.getByText('Enter the reason for the export').waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'portfolio-export-request-phone');

    await page.getByLabel('Reason for the export').fill('Subject access request SAR-2026-041');
    const files = await downloadedZip(page, () => page.getByRole('button', { name: 'Export portfolio (ZIP)' }).click());
    const portfolio = JSON.parse(strFromU8(files['portfolio.json'] as Uint8Array)) as ExportedPortfolio;
    expect(portfolio.purpose).toBe('subject-access-request');
    await page.getByText('The export has started').waitFor();

    await page.goto(appUrl('/'));
    expect(problems()).toEqual([]);
  });
});
