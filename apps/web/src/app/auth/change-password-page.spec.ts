import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

import { apiRoutes } from '@portfolio/contracts';

import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { ChangePasswordPage } from './change-password-page';
import { SessionStore } from './session-store';
import { SignInPage } from './sign-in-page';

describe('ChangePasswordPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['trainee']));
    await harness.navigateByUrl('/account/password', ChangePasswordPage);
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  async function submit(currentPassword: string, newPassword: string): Promise<void> {
    fieldOf(page, 'currentPassword').value = currentPassword;
    fieldOf(page, 'newPassword').value = newPassword;
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
  }

  it('explains what makes a good password', () => {
    expect(textOf(page, '#newPassword-hint')[0]).toContain('At least 12 characters');
    expect(fieldOf(page, 'newPassword').getAttribute('autocomplete')).toBe('new-password');
  });

  it('checks the length before asking the API', async () => {
    await submit('demo-portfolio-2026', 'too short');

    expect(textOf(page, '.nhsuk-error-summary a')).toEqual(['Your new password must be at least 12 characters']);
    http.expectNone(apiRoutes.changePassword);
  });

  it("shows the API's field errors beside the fields they are about", async () => {
    await submit('demo-portfolio-2026', 'password1234');
    http.expectOne(apiRoutes.changePassword).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'This password is too common',
        errors: [{ field: 'newPassword', message: 'This password is too common. Choose a less predictable one.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary a')).toEqual([
      'This password is too common. Choose a less predictable one.',
    ]);
    expect(textOf(page, '#newPassword-error')).toEqual([
      'Error: This password is too common. Choose a less predictable one.',
    ]);
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
  });

  it('sends the user to sign in again once the password has changed', async () => {
    await submit('demo-portfolio-2026', 'copper-meadow-signal-77');
    const request = http.expectOne(apiRoutes.changePassword);
    expect(request.request.body).toEqual({
      currentPassword: 'demo-portfolio-2026',
      newPassword: 'copper-meadow-signal-77',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe('/sign-in?passwordChanged=1');
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(SignInPage);
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    expect(textOf(harness.routeNativeElement as HTMLElement, '.nhsuk-notification-banner__heading')).toEqual([
      'Your password has been changed. Sign in with your new password.',
    ]);
  });
});
