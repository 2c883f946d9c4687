import type { Route } from '@angular/router';

export const traineeRoutes: Route[] = [
  {
    path: '',
    title: 'Trainees',
    loadComponent: () => import('./trainees-page').then((module) => module.TraineesPage),
  },
  {
    path: ':traineeId',
    title: 'Trainee',
    loadComponent: () => import('./trainee-page').then((module) => module.TraineePage),
  },
];
