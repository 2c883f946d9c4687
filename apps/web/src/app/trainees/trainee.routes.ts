import type { Route } from '@angular/router';

import { requirePermission } from '../auth/access-guards';
import { DashboardPage } from '../dashboard/dashboard-page';

export const traineeRoutes: Route[] = [
  {
    path: '',
    title: 'Trainees',
    loadComponent: () => import('./trainees-page').then((module) => module.TraineesPage),
  },
  {
    // The page is part of the start-up script, for the trainee's own dashboard.
    path: ':traineeId/dashboard',
    title: 'Progress',
    component: DashboardPage,
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
