import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { type CurrentUser, apiRoutes } from '@portfolio/contracts';

import { App } from './app';
import { appConfig } from './app.config';
import { textOf } from './testing/page-harness';
import { unauthorizedBody, userWithRoles } from './testing/session-fixtures';

describe('The header for each role', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    // A new page scrolls to the top, which jsdom does not implement.
    jest.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  /** The shell at a page that fetches nothing, once the API has said who is signed in. */
  async function openShell(user: CurrentUser | null): Promise<ComponentFixture<App>> {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/nothing-here');
    const request = http.expectOne(apiRoutes.me);
    if (user) {
      request.flush(user);
    } else {
      request.flush(unauthorizedBody, { status: 401, statusText: 'Unauthorized' });
    }
    await fixture.whenStable();
    return fixture;
  }

  const menu = (fixture: ComponentFixture<App>) =>
    textOf(fixture.nativeElement as HTMLElement, 'nav[aria-label="Menu"] a');
  const account = (fixture: ComponentFixture<App>) =>
    textOf(fixture.nativeElement as HTMLElement, 'nav[aria-label="Account"] li');

  it('offers a signed-out visitor the frameworks and signing in, back to the same page', async () => {
    const fixture = await openShell(null);

    expect(menu(fixture)).toEqual(['Frameworks']);
    expect(account(fixture)).toEqual(['Sign in']);
    const signIn = (fixture.nativeElement as HTMLElement).querySelector('nav[aria-label="Account"] a');
    expect(signIn?.getAttribute('href')).toBe('/sign-in?returnUrl=%2Fnothing-here');
  });

  it('shows a trainee their progress and evidence, and no Administration', async () => {
    const fixture = await openShell(userWithRoles(['trainee'], 'Dr Aisha Khan'));

    expect(menu(fixture)).toEqual(['Frameworks', 'My progress', 'My evidence', 'Trainees', 'Assessments']);
    expect(account(fixture)).toEqual(['Signed in as Dr Aisha Khan', 'Sign out']);
  });

  it('shows a supervisor their trainees and Supervision', async () => {
    const fixture = await openShell(userWithRoles(['supervisor'], 'Dr Tom Evans'));

    expect(menu(fixture)).toEqual(['Frameworks', 'Trainees', 'Supervision', 'Assessments']);
  });

  it('shows an assessor neither Trainees nor Administration', async () => {
    const fixture = await openShell(userWithRoles(['assessor'], 'Sam Patel'));

    expect(menu(fixture)).toEqual(['Frameworks', 'Assessments']);
  });

  it('shows an administrator Administration', async () => {
    const fixture = await openShell(userWithRoles(['admin'], 'Portfolio administrator'));

    expect(menu(fixture)).toEqual(['Frameworks', 'Trainees', 'Administration']);
  });

  it('marks the section of the current page', async () => {
    const fixture = await openShell(userWithRoles(['admin']));
    await TestBed.inject(Router).navigateByUrl('/admin');
    await fixture.whenStable();

    const current = (fixture.nativeElement as HTMLElement).querySelector('nav[aria-label="Menu"] [aria-current]');
    expect(current?.textContent?.trim()).toBe('Administration');
    expect(current?.getAttribute('aria-current')).toBe('page');
  });

  it('signs out and says so on the sign-in page', async () => {
    const fixture = await openShell(userWithRoles(['supervisor'], 'Dr Tom Evans'));

    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('nav[aria-label="Account"] button')
      ?.click();
    const logout = http.expectOne(apiRoutes.logout);
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/sign-in?signedOut=1');
    expect(menu(fixture)).toEqual(['Frameworks']);
    expect(textOf(fixture.nativeElement as HTMLElement, 'main h1')).toEqual(['Sign in']);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('You have signed out');
  });
});
