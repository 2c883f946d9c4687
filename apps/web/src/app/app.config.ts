import { provideHttpClient, withFetch } from '@angular/common/http';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';

import { appRoutes } from './app.routes';
import { PageTitleStrategy } from './shared/page-title';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch()),
    // Route parameters and the ?stage= query parameter arrive as component inputs.
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useExisting: PageTitleStrategy },
  ],
};
