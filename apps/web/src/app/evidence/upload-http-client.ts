import {
  HttpBackend,
  HttpXhrBackend,
  provideHttpClient,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import type { EnvironmentProviders, Provider } from '@angular/core';

import { CSRF_COOKIE, CSRF_HEADER } from '@portfolio/contracts';

import { sessionExpiryInterceptor } from '../auth/session-expiry.interceptor';

/**
 * The editor's HttpClient. The app's client uses fetch(), which cannot report how much of an
 * upload has been sent, so the editor's requests go through XMLHttpRequest instead, with the
 * same CSRF header and session-expiry handling as the rest of the app.
 */
export function provideUploadCapableHttpClient(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(
      withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: CSRF_HEADER }),
      withInterceptors([sessionExpiryInterceptor]),
    ),
    // Otherwise the app's fetch backend, provided at the root, would be found first.
    { provide: HttpBackend, useExisting: HttpXhrBackend },
  ];
}
