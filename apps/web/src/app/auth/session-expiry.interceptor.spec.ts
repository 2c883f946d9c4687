import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';

import { apiRoutes } from '@portfolio/contracts';

import { NotFoundPage } from '../not-found/not-found-page';
import { createPageHarness, settle } from '../testing/page-harness';
import { answerWhoIsSignedIn, unauthorizedBody, userWithRoles } from '../testing/session-fixtures';
import { SessionStore } from './session-store';

describe('sessionExpiryInterceptor', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  let session: SessionStore;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    router = TestBed.inject(Router);
    session = TestBed.inject(SessionStore);
    await answerWhoIsSignedIn(http, userWithRoles(['supervisor']));
    // A page that makes no requests of its own, at an address with a query.
    await harness.navigateByUrl('/somewhere/else?tab=2', NotFoundPage);
  });

  afterEach(() => http.verify());

  /** Sends a request and answers it with 401, resolving with the error the caller sees. */
  async function answerWith401(url: string, method: 'GET' | 'POST' = 'GET'): Promise<unknown> {
    const client = TestBed.inject(HttpClient);
    const response = firstValueFrom(method === 'GET' ? client.get(url) : client.post(url, {})).catch(
      (error: unknown) => error,
    );
    http.expectOne(url).flush(unauthorizedBody, { status: 401, statusText: 'Unauthorized' });
    const error = await response;
    await settle(harness);
    return error;
  }

  it('signs the user out and asks them to sign in, remembering where they were', async () => {
    const error = await answerWith401(apiRoutes.trainees);

    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect(session.isSignedIn()).toBe(false);
    const signInUrl = router.parseUrl(router.url);
    expect(signInUrl.root.children['primary']?.toString()).toBe('sign-in');
    expect(signInUrl.queryParams).toEqual({ returnUrl: '/somewhere/else?tab=2', expired: '1' });
  });

  it('leaves a 401 from "who is signed in?" alone: that is how nobody being signed in is told', async () => {
    await answerWith401(apiRoutes.me);

    expect(router.url).toBe('/somewhere/else?tab=2');
    expect(session.isSignedIn()).toBe(true);
  });

  it('leaves a failed sign-in alone: the sign-in page explains it', async () => {
    await answerWith401(apiRoutes.login, 'POST');

    expect(router.url).toBe('/somewhere/else?tab=2');
  });

  it('does nothing about other failures', async () => {
    const client = TestBed.inject(HttpClient);
    const response = firstValueFrom(client.get(apiRoutes.trainees)).catch((error: unknown) => error);
    http.expectOne(apiRoutes.trainees).flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' });
    await response;
    await settle(harness);

    expect(router.url).toBe('/somewhere/else?tab=2');
    expect(session.isSignedIn()).toBe(true);
  });
});
