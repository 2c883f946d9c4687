import type { Route } from '@angular/router';

/** The educational supervisor's dashboard, at /supervision. */
export const supervisionRoutes: Route[] = [
  {
    path: '',
    title: 'Supervision',
    loadComponent: () => import('./supervision-page').then((module) => module.SupervisionPage),
  },
];
