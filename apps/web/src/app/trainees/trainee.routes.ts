import type { Route } from '@angular/router';

import { requirePermission } from '../auth/access-guards';

export const traineeRoutes: Route[] = [
  {
    path: '',
    title: 'Trainees',
    loadComponent: () => import('./trainees-page').then((module) => module.TraineesPage),
  },
  {
    path: ':traineeId/dashboard',
    title: 'Progress',
    loadComponent: () => import('../dashboard/dashboard-page').then((module) => module.DashboardPage),
  },
  {
    path: ':traineeId/elements/:elementKey/sign-off',
    title: 'Element sign-off',
    canMatch: [requirePermission('elements:sign-off')],
    loadComponent: () => import('./element-sign-off-page').then((module) => module.ElementSignOffPage),
  },
  {
    path: ':traineeId',
    title: 'Trainee',
    loadComponent: () => import('./trainee-page').then((module) => module.TraineePage),
  },
];
