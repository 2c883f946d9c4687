import type { Route } from '@angular/router';

import { requirePermission } from '../auth/access-guards';

/** The deanery's view of its trainees, at /cohort: the table, one trainee's reviews and reports, and batches of reports. */
export const cohortRoutes: Route[] = [
  {
    path: '',
    title: 'Cohort',
    loadComponent: () => import('./cohort-page').then((module) => module.CohortPage),
  },
  {
    path: 'trainees/:traineeId',
    canMatch: [requirePermission('progression:manage')],
    title: 'Progression',
    loadComponent: () => import('./cohort-trainee-page').then((module) => module.CohortTraineePage),
  },
  {
    // "new" is a review not yet saved; saving it moves to its id on the same page, so nothing typed is lost.
    path: 'trainees/:traineeId/reviews/:reviewId',
    canMatch: [requirePermission('progression:manage')],
    title: 'Progression review',
    loadComponent: () => import('./review-page').then((module) => module.ReviewPage),
  },
  {
    path: 'batches/:batchId',
    canMatch: [requirePermission('progression:manage')],
    title: 'Progression reports',
    loadComponent: () => import('./batch-progress-page').then((module) => module.BatchProgressPage),
  },
];
