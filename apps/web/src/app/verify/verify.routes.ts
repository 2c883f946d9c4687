import type { Route } from '@angular/router';

/** /verify to type a code or choose a file, /verify/:code from the link printed on a report. */
export const verifyRoutes: Route[] = [
  {
    path: '',
    loadComponent: () => import('./verify-page').then((module) => module.VerifyPage),
  },
  {
    path: ':code',
    loadComponent: () => import('./verify-page').then((module) => module.VerifyPage),
  },
];
