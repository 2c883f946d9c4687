import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

import { apiRoutes } from '@portfolio/contracts';

import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { SessionStore } from './session-store';
import { SignInPage } from './sign-in-page';

describe('SignInPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, null);
  });

  afterEach(() => http.verify());

  async function openPage(url = '/sign-in'): Promise<HTMLElement> {
    await harness.navigateByUrl(url, SignInPage);
    return harness.routeNativeElement as HTMLElement;
  }

  async function submit(page: HTMLElement, email: string, password: string): Promise<void> {
    fieldOf(page, 'email').value = email;
    fieldOf(page, 'password').value = password;
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
  }

  function answerSignIn(status: number, body: object): void {
    const request = http.expectOne(apiRoutes.login);
    if (status === 200) {
      request.flush(body);
    } else {
      request.flush(body, { status, statusText: 'Error' });
    }
  }

  it('labels the fields for password managers', async () => {
    const page = await openPage();

    expect(textOf(page, 'h1')).toEqual(['Sign in']);
    expect(page.querySelector('label[for="email"]')?.textContent?.trim()).toBe('Email address');
    expect(page.querySelector('#email')?.getAttribute('autocomplete')).toBe('username');
    expect(page.querySelector('#password')?.getAttribute('autocomplete')).toBe('current-password');
  });

  it('lists empty fields in an error summary that links to them, without asking the API', async () => {
    const page = await openPage();
    await submit(page, '  ', '');

    const links = Array.from(page.querySelectorAll<HTMLAnchorElement>('.nhsuk-error-summary a'));
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Enter your email address', '#email'],
      ['Enter your password', '#password'],
    ]);
    expect(textOf(page, '.nhsuk-error-message')).toEqual([
      'Error: Enter your email address',
      'Error: Enter your password',
    ]);
    expect(page.querySelector('#email')?.getAttribute('aria-describedby')).toBe('email-error');
    expect(document.activeElement).toBe(page.querySelector('.nhsuk-error-summary'));

    links[1].click();
    expect(document.activeElement).toBe(page.querySelector('#password'));
    http.expectNone(apiRoutes.login);
  });

  it('says so when the email address or password is not right', async () => {
    const page = await openPage();
    await submit(page, 'trainee@demo.test', 'wrong password');
    answerSignIn(401, {
      statusCode: 401,
      error: 'Unauthorized',
      message: 'The email address or password is not right.',
    });
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary li')).toEqual(['The email address or password is not right.']);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
  });

  it('passes on how long to wait after too many attempts', async () => {
    const page = await openPage();
    await submit(page, 'trainee@demo.test', 'wrong password');
    answerSignIn(429, {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many sign-in attempts. Wait 16 seconds and try again.',
    });
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary li')).toEqual([
      'Too many sign-in attempts. Wait 16 seconds and try again.',
    ]);
  });

  it('goes back to the page asked for after signing in', async () => {
    const page = await openPage('/sign-in?returnUrl=%2Fframeworks%2Fmlcf%3Fstage%3Dpostgraduate&expired=1');
    expect(page.textContent).toContain('Your session has expired');

    await submit(page, ' trainee@demo.test ', 'demo-portfolio-2026');
    const request = http.expectOne(apiRoutes.login);
    expect(request.request.body).toEqual({ email: 'trainee@demo.test', password: 'demo-portfolio-2026' });
    request.flush(userWithRoles(['trainee']));
    await settle(harness);
    http.expectOne(apiRoutes.framework('mlcf'));

    expect(TestBed.inject(Router).url).toBe('/frameworks/mlcf?stage=postgraduate');
    expect(TestBed.inject(SessionStore).user()?.displayName).toBe('Dr Aisha Khan');
  });

  it('goes home instead of to another site', async () => {
    const page = await openPage('/sign-in?returnUrl=%2F%2Fevil.example%2F');
    await submit(page, 'trainee@demo.test', 'demo-portfolio-2026');
    answerSignIn(200, userWithRoles(['trainee']));
    await settle(harness);
    http.expectOne(apiRoutes.frameworks);
    http.expectOne(apiRoutes.todo);

    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('goes on to the code page when the account has an authenticator app, signed in to nothing yet', async () => {
    const page = await openPage('/sign-in?returnUrl=%2Fsupervision');
    await submit(page, 'supervisor@demo.test', 'demo-portfolio-2026');
    answerSignIn(200, { nextStep: 'authenticator-code', expiresAt: '2026-01-01T00:05:00.000Z' });
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe('/sign-in/code?returnUrl=%2Fsupervision');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    expect(textOf(harness.routeNativeElement as HTMLElement, 'h1')).toEqual([
      'Enter the code from your authenticator app',
    ]);
  });

  it('says so when the sign-in timed out between the password and the code', async () => {
    const page = await openPage('/sign-in?timedOut=1');

    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual([
      'Your sign-in timed out. Enter your email address and password again.',
    ]);
  });

  it('confirms signing out', async () => {
    const page = await openPage('/sign-in?signedOut=1');

    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual(['You have signed out']);
    expect(page.querySelector('.nhsuk-notification-banner')?.getAttribute('role')).toBe('alert');
  });
});
