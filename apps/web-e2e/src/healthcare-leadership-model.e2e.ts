import type { Browser } from 'playwright-core';

import { appUrl, launchBrowser, openPage, visibleTexts } from './support/browser';
import { checkPage } from './support/check-page';

const dimensions = [
  'Inspiring shared purpose',
  'Leading with care',
  'Evaluating information',
  'Connecting our service',
  'Sharing the vision',
  'Engaging the team',
  'Holding to account',
  'Developing capability',
  'Influencing for results',
];

describe('The Healthcare Leadership Model', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows its nine dimensions and its four rating levels', async () => {
    const { page, problems } = await openPage(browser);

    await page.goto(appUrl('/frameworks/healthcare-leadership-model'));
    await page.getByRole('heading', { level: 1, name: 'Healthcare Leadership Model' }).waitFor();

    // One stage for everyone, so there is nothing to pick.
    expect(await page.getByRole('group', { name: 'Stage' }).count()).toBe(0);
    const dimensionHeadings = page.getByRole('main').getByRole('heading', { level: 3 });
    expect(await visibleTexts(dimensionHeadings)).toEqual(dimensions.map((title, index) => `${index + 1} ${title}`));

    const ratingScale = page.getByRole('heading', { level: 2, name: 'Rating scale' });
    const levels = ratingScale.locator('xpath=following-sibling::dl[1]').getByRole('term');
    expect(await visibleTexts(levels)).toEqual(['Essential', 'Proficient', 'Strong', 'Exemplary']);
    await checkPage(page, 'healthcare-leadership-model');

    expect(problems()).toEqual([]);
  });
});
