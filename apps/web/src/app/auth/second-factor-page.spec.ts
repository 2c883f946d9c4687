import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

import { apiRoutes } from '@portfolio/contracts';

import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { SecondFactorPage } from './second-factor-page';
import { SessionStore } from './session-store';

describe('SecondFactorPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, null);
  });

  afterEach(() => http.verify());

  async function openPage(url: string): Promise<HTMLElement> {
    await harness.navigateByUrl(url, SecondFactorPage);
    return harness.routeNativeElement as HTMLElement;
  }

  async function submit(page: HTMLElement, field: string, value: string): Promise<void> {
    fieldOf(page, field).value = value;
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
  }

  it('asks for the code as a one-time code typed on a number pad', async () => {
    const page = await openPage('/sign-in/code');

    expect(textOf(page, 'h1')).toEqual(['Enter the code from your authenticator app']);
    const code = fieldOf(page, 'code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(textOf(page, 'a')).toContain('Use a recovery code instead');
  });

  it('checks the code before asking the API, and shows the API’s reason for a wrong one', async () => {
    const page = await openPage('/sign-in/code');
    await submit(page, 'code', '12ab');
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual(['Enter the 6-digit code your authenticator app shows']);
    http.expectNone(apiRoutes.loginSecondFactor);

    await submit(page, 'code', '123 456');
    const message = 'The code is not right. Enter the 6-digit code your authenticator app shows now.';
    http
      .expectOne(apiRoutes.loginSecondFactor)
      .flush(
        { statusCode: 400, error: 'Bad Request', message, errors: [{ field: 'code', message }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual([message]);
    expect(page.querySelector('#code')?.getAttribute('aria-describedby')).toContain('code-error');
  });

  it('signs in with a recovery code and goes where the user was going', async () => {
    const page = await openPage('/sign-in/recovery-code?returnUrl=%2Faccount%2Fpassword');
    expect(textOf(page, 'h1')).toEqual(['Enter a recovery code']);

    await submit(page, 'recoveryCode', ' abcde-fghij-kmnpq ');
    const request = http.expectOne(apiRoutes.loginSecondFactor);
    expect(request.request.body).toEqual({ recoveryCode: 'abcde-fghij-kmnpq' });
    request.flush(userWithRoles(['supervisor']));
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe('/account/password');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
  });

  it('sends the user back to the password when the sign-in has timed out', async () => {
    const page = await openPage('/sign-in/code?returnUrl=%2Fsupervision');
    await submit(page, 'code', '123456');
    http
      .expectOne(apiRoutes.loginSecondFactor)
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Your sign-in has timed out.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fsupervision&timedOut=1');
  });
});
