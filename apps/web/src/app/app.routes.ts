import type { Route } from '@angular/router';

import { requireAnyPermission, requirePermission, requireSignIn } from './auth/access-guards';

export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Home',
    loadComponent: () => import('./home/home-page').then((module) => module.HomePage),
  },
  { path: 'frameworks', pathMatch: 'full', redirectTo: '' },
  {
    path: 'frameworks/:frameworkKey',
    title: 'Framework',
    loadComponent: () => import('./frameworks/framework-page').then((module) => module.FrameworkPage),
  },
  {
    path: 'frameworks/:frameworkKey/elements/:elementKey',
    title: 'Framework element',
    loadComponent: () => import('./frameworks/element-page').then((module) => module.ElementPage),
  },
  {
    path: 'sign-in',
    title: 'Sign in',
    loadComponent: () => import('./auth/sign-in-page').then((module) => module.SignInPage),
  },
  {
    path: 'account/password',
    title: 'Change your password',
    canMatch: [requireSignIn],
    loadComponent: () => import('./auth/change-password-page').then((module) => module.ChangePasswordPage),
  },
  {
    path: 'evidence',
    canMatch: [requirePermission('evidence:read')],
    loadChildren: () => import('./evidence/evidence.routes').then((module) => module.evidenceRoutes),
  },
  {
    path: 'dashboard',
    canMatch: [requirePermission('evidence:write')],
    loadChildren: () => import('./dashboard/dashboard.routes').then((module) => module.dashboardRoutes),
  },
  {
    path: 'trainees',
    canMatch: [requirePermission('trainees:read')],
    loadChildren: () => import('./trainees/trainee.routes').then((module) => module.traineeRoutes),
  },
  {
    path: 'supervision',
    canMatch: [requirePermission('elements:sign-off')],
    loadChildren: () => import('./supervision/supervision.routes').then((module) => module.supervisionRoutes),
  },
  {
    path: 'assessments',
    canMatch: [requireAnyPermission('assessments:request', 'assessments:assess')],
    loadChildren: () => import('./assessments/assessments.routes').then((module) => module.assessmentRoutes),
  },
  {
    // An external assessor's link: no sign-in, and not in the navigation.
    path: 'ticket',
    title: 'Assess a trainee’s work',
    loadComponent: () => import('./assessments/ticket-page').then((module) => module.TicketPage),
  },
  {
    path: 'cohort',
    canMatch: [requirePermission('cohort:read')],
    loadChildren: () => import('./cohort/cohort.routes').then((module) => module.cohortRoutes),
  },
  {
    // Anyone holding a progression report checks it here, signed in or not; reports print /verify/<code>.
    path: 'verify',
    title: 'Check a progression report',
    loadChildren: () => import('./verify/verify.routes').then((module) => module.verifyRoutes),
  },
  {
    path: 'admin',
    canMatch: [requirePermission('users:manage')],
    loadChildren: () => import('./admin/admin.routes').then((module) => module.adminRoutes),
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./not-found/not-found-page').then((module) => module.NotFoundPage),
  },
];
