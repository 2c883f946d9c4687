import type { Route } from '@angular/router';

/** The trainee's own dashboard, at /dashboard. A supervisor's view of it is under /trainees. */
export const dashboardRoutes: Route[] = [
  {
    path: '',
    title: 'Your progress',
    loadComponent: () => import('./dashboard-page').then((module) => module.DashboardPage),
  },
];
