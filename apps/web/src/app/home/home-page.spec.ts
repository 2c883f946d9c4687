import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { apiRoutes } from '@portfolio/contracts';

import { summariesFixture } from '../testing/framework-fixtures';
import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { HomePage } from './home-page';

describe('HomePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await harness.navigateByUrl('/', HomePage);
  });

  afterEach(() => http.verify());

  it('says what the portfolio is for', () => {
    const page = harness.routeNativeElement as HTMLElement;

    expect(textOf(page, 'h1')).toEqual(['Leadership portfolio']);
    expect(page.textContent).toContain('Medical Leadership Competency Framework');
    expect(textOf(page, '[role="status"]')).toEqual(['Loading frameworks…']);
    http.expectOne(apiRoutes.frameworks).flush([]);
  });

  it('lists the frameworks held, each linking to its page', async () => {
    http.expectOne(apiRoutes.frameworks).flush(summariesFixture());
    await settle(harness);
    const page = harness.routeNativeElement as HTMLElement;

    const cards = Array.from(page.querySelectorAll('.nhsuk-card'));
    expect(cards.map((card) => textOf(card, 'h3')[0])).toEqual([
      'Medical Leadership Competency Framework',
      'Healthcare Leadership Model',
    ]);
    expect(cards.map((card) => card.querySelector('a')?.getAttribute('href'))).toEqual([
      '/frameworks/mlcf',
      '/frameworks/healthcare-leadership-model',
    ]);
    expect(textOf(cards[0], '.nhsuk-card__description')).toEqual(['Version 2010', '4 stages, 7 domains, 28 elements']);
    expect(textOf(cards[1], '.nhsuk-card__description')).toEqual(['Version 2013 Draft', '1 stage, 9 elements']);
  });

  it('offers to try again when the list cannot be loaded', async () => {
    http.expectOne(apiRoutes.frameworks).flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle(harness);
    const page = harness.routeNativeElement as HTMLElement;

    expect(page.querySelector('[role="alert"]')?.textContent).toContain('The frameworks could not be loaded');
    page.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    http.expectOne(apiRoutes.frameworks).flush(summariesFixture());
    await settle(harness);
    expect(page.querySelectorAll('.nhsuk-card')).toHaveLength(2);
  });
});
