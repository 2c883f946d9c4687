import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { apiRoutes } from '@portfolio/contracts';

import { answerWhoIsSignedIn, unauthorizedBody, userWithRoles } from '../testing/session-fixtures';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks the API who is signed in once, however often it is asked', async () => {
    expect(store.loading()).toBe(true);
    const first = store.ensureLoaded();
    const second = store.ensureLoaded();
    http.expectOne(apiRoutes.me).flush(userWithRoles(['supervisor', 'assessor'], 'Dr Tom Evans'));
    await Promise.all([first, second]);
    await store.ensureLoaded();

    http.expectNone(apiRoutes.me);
    expect(store.loading()).toBe(false);
    expect(store.status()).toBe('signed-in');
    expect(store.user()?.displayName).toBe('Dr Tom Evans');
  });

  it('takes a 401 to mean nobody is signed in, without an error', async () => {
    await answerWhoIsSignedIn(http, null);

    expect(store.status()).toBe('signed-out');
    expect(store.isSignedIn()).toBe(false);
    expect(store.hasPermission('account:read')).toBe(false);
  });

  it('treats an API it cannot reach as signed out, so that public pages still work', async () => {
    const loaded = store.ensureLoaded();
    http.expectOne(apiRoutes.me).error(new ProgressEvent('error'));
    await loaded;

    expect(store.status()).toBe('signed-out');
  });

  it('answers permissions from the signed-in user', async () => {
    await answerWhoIsSignedIn(http, userWithRoles(['trainee']));

    expect(store.hasPermission('trainees:read')).toBe(true);
    expect(store.hasPermission('users:manage')).toBe(false);
  });

  it('signs in, and keeps the user even if the first answer arrives later', async () => {
    const loaded = store.ensureLoaded();
    const signedIn = store.signIn({ email: 'admin@example.test', password: 'correct horse battery' });
    const login = http.expectOne(apiRoutes.login);
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({ email: 'admin@example.test', password: 'correct horse battery' });
    login.flush(userWithRoles(['admin'], 'Portfolio administrator'));
    await signedIn;
    http.expectOne(apiRoutes.me).flush(unauthorizedBody, { status: 401, statusText: 'Unauthorized' });
    await loaded;

    expect(store.user()?.displayName).toBe('Portfolio administrator');
    expect(store.hasPermission('users:manage')).toBe(true);
  });

  it('signs out, also when the API has already ended the session', async () => {
    await answerWhoIsSignedIn(http, userWithRoles(['trainee']));

    const signedOut = store.signOut();
    http.expectOne(apiRoutes.logout).flush(unauthorizedBody, { status: 401, statusText: 'Unauthorized' });
    await signedOut;

    expect(store.user()).toBeNull();
    expect(store.status()).toBe('signed-out');
  });

  it('stays signed in when signing out fails', async () => {
    await answerWhoIsSignedIn(http, userWithRoles(['trainee']));

    const signedOut = store.signOut();
    http.expectOne(apiRoutes.logout).flush(null, { status: 503, statusText: 'Service Unavailable' });

    await expect(signedOut).rejects.toBeDefined();
    expect(store.isSignedIn()).toBe(true);
  });

  it('forgets the user once the password has changed, as the API ends every session', async () => {
    await answerWhoIsSignedIn(http, userWithRoles(['trainee']));

    const changed = store.changePassword({ currentPassword: 'old password 1', newPassword: 'new password 12' });
    const request = http.expectOne(apiRoutes.changePassword);
    expect(request.request.method).toBe('PUT');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await changed;

    expect(store.isSignedIn()).toBe(false);
  });
});
