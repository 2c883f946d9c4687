import type { Route } from '@angular/router';

import { requirePermission } from '../auth/access-guards';

/** Under /assessments, which needs assessments:request or assessments:assess; starting one needs the first. */
export const assessmentRoutes: Route[] = [
  {
    path: '',
    title: 'Assessments',
    loadComponent: () => import('./assessment-list-page').then((module) => module.AssessmentListPage),
  },
  {
    path: 'new/:templateKey',
    title: 'New assessment',
    canMatch: [requirePermission('assessments:request')],
    loadComponent: () => import('./assessment-new-page').then((module) => module.AssessmentNewPage),
  },
  {
    path: ':assessmentId',
    title: 'Assessment',
    loadComponent: () => import('./assessment-page').then((module) => module.AssessmentPage),
  },
];
