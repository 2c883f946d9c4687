import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';

import { CSRF_COOKIE, CSRF_HEADER } from '@portfolio/contracts';

import { appRoutes } from './app.routes';
import { sessionExpiryInterceptor } from './auth/session-expiry.interceptor';
import { PageTitleStrategy } from './shared/page-title';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // ngx-charts, on the coverage dashboard, declares Angular animations; their code loads when first needed.
    provideAnimationsAsync(),
    provideHttpClient(
      withFetch(),
      // Every write echoes the CSRF cookie in a header, as the API requires.
      withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: CSRF_HEADER }),
      withInterceptors([sessionExpiryInterceptor]),
    ),
    // Route parameters and query parameters (?stage=, ?returnUrl=) arrive as component inputs.
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useExisting: PageTitleStrategy },
  ],
};
