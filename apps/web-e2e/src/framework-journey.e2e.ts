import type { Browser } from 'playwright-core';

import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';

const mlcfTitle = 'Medical Leadership Competency Framework';
const stageTitles = ['Undergraduate', 'Postgraduate', 'Continuing practice', 'Senior leadership'];

describe('Reading the MLCF at a stage', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('goes from the home page to the framework, changes stage and opens an element', async () => {
    const { page, problems } = await openPage(browser);

    await page.goto(appUrl('/'));
    const frameworkLink = page.getByRole('link', { name: mlcfTitle });
    await frameworkLink.waitFor();
    await checkPage(page, 'home');

    await frameworkLink.click();
    await page.waitForURL(appUrl('/frameworks/mlcf'));
    await page.getByRole('heading', { level: 1, name: mlcfTitle }).waitFor();
    const stagePicker = page.getByRole('group', { name: 'Stage' });
    for (const title of stageTitles) {
      await stagePicker.getByRole('radio', { name: title }).waitFor();
    }
    expect(await stagePicker.getByRole('radio', { name: 'Undergraduate' }).isChecked()).toBe(true);
    const seniorOnlyDomain = page.getByRole('heading', { level: 2, name: /Creating the Vision/ });
    expect(await seniorOnlyDomain.count()).toBe(0);
    await checkPage(page, 'framework-undergraduate');

    const seniorLeadership = stagePicker.getByRole('radio', { name: 'Senior leadership' });
    await seniorLeadership.click();
    await page.waitForURL(appUrl('/frameworks/mlcf?stage=senior-leadership'));
    await seniorOnlyDomain.waitFor();
    expect(await seniorLeadership.isChecked()).toBe(true);
    await checkPage(page, 'framework-senior-leadership');

    // Back to Postgraduate with the arrow keys, as a keyboard user moves through radios.
    await seniorLeadership.focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(appUrl('/frameworks/mlcf?stage=continuing-practice'));
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(appUrl('/frameworks/mlcf?stage=postgraduate'));
    await seniorOnlyDomain.waitFor({ state: 'detached' });
    expect(await stagePicker.getByRole('radio', { name: 'Postgraduate' }).isChecked()).toBe(true);
    await page.getByRole('heading', { name: 'Outcomes for Postgraduate' }).first().waitFor();
    await checkPage(page, 'framework-postgraduate');

    await page.getByRole('link', { name: '4.2 Critically Evaluating' }).click();
    await page.waitForURL(appUrl('/frameworks/mlcf/elements/4.2'));
    await page.getByRole('heading', { level: 1, name: /Critically Evaluating/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Outcomes by stage' }).waitFor();
    const stagesWithoutOutcomes: string[] = [];
    for (const title of stageTitles) {
      const stageTerm = page.getByRole('term').filter({ hasText: new RegExp(`^\\s*${title}\\s*$`) });
      const outcomes = stageTerm.locator('xpath=following-sibling::dd[1]').getByRole('listitem');
      if ((await outcomes.count()) === 0) {
        stagesWithoutOutcomes.push(title);
      }
    }
    expect(stagesWithoutOutcomes).toEqual([]);
    await checkPage(page, 'element-4.2');

    expect(problems()).toEqual([]);
  });
});
