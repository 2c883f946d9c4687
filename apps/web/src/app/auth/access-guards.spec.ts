import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

import { AdminHomePage } from '../admin/admin-home-page';
import { NotFoundPage } from '../not-found/not-found-page';
import { createPageHarness, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { ChangePasswordPage } from './change-password-page';
import { SignInPage } from './sign-in-page';

describe('requireSignIn and requirePermission', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  const heading = () => textOf(harness.routeNativeElement as HTMLElement, 'h1');

  it('sends a signed-out visitor to sign in, with the page to come back to', async () => {
    await answerWhoIsSignedIn(http, null);

    await harness.navigateByUrl('/account/password', SignInPage);
    expect(router.url).toBe('/sign-in?returnUrl=%2Faccount%2Fpassword');

    await harness.navigateByUrl('/admin/users?search=khan', SignInPage);
    expect(router.parseUrl(router.url).queryParams).toEqual({ returnUrl: '/admin/users?search=khan' });
  });

  it('waits for the answer to who is signed in before deciding', async () => {
    const navigation = harness.navigateByUrl('/account/password', ChangePasswordPage);
    await answerWhoIsSignedIn(http, userWithRoles(['assessor']));
    await navigation;

    expect(router.url).toBe('/account/password');
    expect(heading()).toEqual(['Change your password']);
  });

  it('shows a user without the permission the page-not-found page, at the same address', async () => {
    await answerWhoIsSignedIn(http, userWithRoles(['trainee']));

    await harness.navigateByUrl('/admin', NotFoundPage);
    expect(router.url).toBe('/admin');
    expect(heading()).toEqual(['Page not found']);

    await harness.navigateByUrl('/admin/import', NotFoundPage);
    expect(heading()).toEqual(['Page not found']);
  });

  it('hides the trainees pages from an assessor, whose role cannot read trainees', async () => {
    await answerWhoIsSignedIn(http, userWithRoles(['assessor']));

    await harness.navigateByUrl('/trainees', NotFoundPage);
    expect(heading()).toEqual(['Page not found']);
  });

  it('opens the page for a user with the permission', async () => {
    await answerWhoIsSignedIn(http, userWithRoles(['admin'], 'Portfolio administrator'));

    await harness.navigateByUrl('/admin', AdminHomePage);
    expect(heading()).toEqual(['Administration']);
    expect(textOf(harness.routeNativeElement as HTMLElement, '.nhsuk-card__link')).toEqual([
      'Users',
      'Deaneries and programmes',
      'Assign an educational supervisor',
      'Import a cohort of trainees',
      'Import a framework from CASE',
      'Outbox',
    ]);
  });
});
