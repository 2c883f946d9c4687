import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type ExternalAssessmentSession, apiRoutes } from '@portfolio/contracts';

import { requestedAssessment } from '../testing/assessment-fixtures';
import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { TicketPage } from './ticket-page';

function session(): ExternalAssessmentSession {
  return {
    assessment: requestedAssessment({
      assessor: { kind: 'external', userId: null, displayName: 'Ms Rosa Field', email: 'rosa@example.test' },
    }),
    csrfToken: 'csrf-1',
    expiresAt: '2026-03-04T09:00:00.000Z',
  };
}

describe('TicketPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
  });

  afterEach(() => http.verify());

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url, TicketPage);
    page = harness.routeNativeElement as HTMLElement;
  }

  /** The framework the page names elements from; it is public. */
  function answerFramework(): void {
    http.match(apiRoutes.framework('mlcf')).forEach((request) => request.flush({ domains: [], ungroupedElements: [] }));
  }

  it('redeems the token from the fragment once, takes it out of the address, and shows the work and the form', async () => {
    await open('/ticket#secret-token');
    const redemption = http.expectOne({ method: 'POST', url: apiRoutes.ticketRedemption });
    expect(redemption.request.body).toEqual({ token: 'secret-token' });
    redemption.flush(session());
    await settle(harness);
    answerFramework();
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe('/ticket');
    expect(textOf(page, 'h1')).toEqual(['Faster discharge letters']);
    expect(textOf(page, '.app-criterion__title')).toEqual([
      'Problem statement and context',
      'Resources, costs and savings',
    ]);
    expect(page.querySelector('button.nhsuk-button')?.textContent?.trim()).toBe('Sign off');
    http.expectNone(apiRoutes.ticketRedemption);
  });

  it('reopens the session this browser has when there is no token', async () => {
    await open('/ticket');
    http.expectOne({ method: 'GET', url: apiRoutes.externalAssessment }).flush(session());
    await settle(harness);
    answerFramework();
    await settle(harness);

    expect(textOf(page, 'h1')).toEqual(['Faster discharge letters']);
  });

  it('says why a used link cannot be used', async () => {
    await open('/ticket#used-token');
    http
      .expectOne(apiRoutes.ticketRedemption)
      .flush(
        { statusCode: 410, message: 'This link has already been used: each link opens the assessment once.' },
        { status: 410, statusText: 'Gone' },
      );
    await settle(harness);

    expect(textOf(page, 'h1')).toEqual(['This link cannot be used']);
    expect(page.textContent).toContain('This link has already been used: each link opens the assessment once.');
  });
});
