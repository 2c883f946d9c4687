import type { Route } from '@angular/router';

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
    path: ':traineeId',
    title: 'Trainee',
    loadComponent: () => import('./trainee-page').then((module) => module.TraineePage),
  },
];
