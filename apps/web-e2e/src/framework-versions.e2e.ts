import type { Browser, Page } from 'playwright-core';

import { signInAs } from './support/accounts';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';

// Names unique to this run, so that the journeys also pass against a database kept between runs.
const runId = Date.now().toString().slice(-7);
const csrfHeader = 'X-XSRF-TOKEN';

async function apiPost(page: Page, path: string, data: unknown): Promise<void> {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.post(appUrl(path), { data, headers: { [csrfHeader]: token } });
  if (!response.ok()) {
    throw new Error(`POST ${path} answered ${response.status()}: ${await response.text()}`);
  }
}

describe('Framework versions and crosswalks', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('imports a CASE package, showing the schema errors by JSON path and the item types to map', async () => {
    const { page, problems } = await openPage(browser, {
      viewport: phone,
      expectedErrors: [{ status: 400, url: /\/api\/admin\/case-imports$/ }],
    });
    await signInAs(page, 'admin', '/admin');
    await page.getByRole('link', { name: 'Import a framework from CASE' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a framework from CASE' }).waitFor();

    await page.getByLabel('Or paste the package').fill(JSON.stringify({ CFDocument: { title: 'Half a package' } }));
    await page.getByRole('button', { name: 'Import package' }).click();
    const errorRows = page.getByRole('table', { name: 'Problems in the package' }).getByRole('row');
    await errorRows.nth(1).waitFor();
    expect(await errorRows.nth(1).textContent()).toContain('$.CFDocument');
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'case-import-errors-phone');

    // The model's own package, its dimensions renamed to a type the portfolio does not know.
    const hlm = (await (await page.request.get(appUrl('/api/frameworks/healthcare-leadership-model/case'))).json()) as {
      CFItems: { CFItemType: string }[];
    };
    const renamed = {
      ...hlm,
      CFItems: hlm.CFItems.map((item) => (item.CFItemType === 'Element' ? { ...item, CFItemType: 'Behaviour' } : item)),
    };
    await page.getByLabel('Or paste the package').fill('');
    await page.getByLabel('Choose the package file').setInputFiles({
      name: 'hlm.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(renamed)),
    });
    await page.getByLabel('Framework key (optional)').fill(`hlm-e2e-${runId}`);
    await page.getByRole('button', { name: 'Import package' }).click();
    await page.getByRole('group', { name: 'What each item type is' }).waitFor();
    await page.getByLabel('behaviour').selectOption('element');
    await page.getByRole('button', { name: 'Import package' }).click();
    await page.getByText(`hlm-e2e-${runId} version 2013 imported`).waitFor();
    await expectNoSidewaysScrolling(page);
    await checkPage(page, 'case-import-done-phone');

    expect(problems()).toEqual([]);
  });

  it("shows a trainee's MLCF evidence against the Healthcare Leadership Model, marked as counting through a crosswalk", async () => {
    const { page, problems } = await openPage(browser);
    await signInAs(page, 'trainee', '/dashboard');
    // A private draft, seen by the trainee alone, linked to an element no other journey counts.
    await apiPost(page, '/api/evidence', {
      type: 'reflection',
      occurredOn: '2026-10-01',
      title: `Team ideas meeting ${runId}`,
      visibility: 'private',
      links: [{ elementKey: '2.3' }],
    });
    await page.goto(appUrl('/dashboard'));
    await page.getByRole('link', { name: 'Show this progress against the Healthcare Leadership Model' }).click();
    await page.getByText('Shown against the Healthcare Leadership Model').waitFor();
    const tile = page.locator('[data-element="engaging-the-team"]');
    await tile.getByText('Through a crosswalk').waitFor();
    expect(await tile.locator('.app-element-tile__crosswalk li').allTextContents()).toEqual([
      expect.stringMatching(/^2\.3 Encouraging Contribution \(exact match\): \d+ pieces?$/),
    ]);
    expect(await tile.locator('.app-element-tile__status').textContent()).toContain('Not started');
    await checkPage(page, 'dashboard-crosswalk');

    expect(problems()).toEqual([]);
  });
});
