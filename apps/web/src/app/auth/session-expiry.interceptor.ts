import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { apiRoutes } from '@portfolio/contracts';

import { SIGN_IN_PATH } from './return-path';
import { SessionStore } from './session-store';

/**
 * Requests whose 401 is an answer rather than an expired session. An external assessor's
 * requests belong to their link's session, not to a sign-in: the page they are on explains.
 */
const answersWith401 = new Set<string>([
  apiRoutes.me,
  apiRoutes.login,
  apiRoutes.logout,
  // Between the password and the second step nobody is signed in: those pages explain a 401.
  apiRoutes.loginSecondFactor,
  apiRoutes.authenticatorEnrolment,
  apiRoutes.authenticatorConfirmation,
  apiRoutes.ticketRedemption,
  apiRoutes.externalAssessment,
  apiRoutes.externalJudgement,
  apiRoutes.externalReturn,
  apiRoutes.externalSignOff,
]);

/**
 * When the API says the session has ended (401), forget the user and send them to sign in,
 * with the page they were on, so that signing in again takes them back to it.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !answersWith401.has(pathOf(request.url))) {
        session.clear();
        const currentUrl = router.serializeUrl(router.currentNavigation()?.finalUrl ?? router.parseUrl(router.url));
        if (!currentUrl.startsWith(SIGN_IN_PATH)) {
          void router.navigate([SIGN_IN_PATH], { queryParams: { returnUrl: currentUrl, expired: 1 } });
        }
      }
      return throwError(() => error);
    }),
  );
};

function pathOf(url: string): string {
  return url.split('?')[0];
}
