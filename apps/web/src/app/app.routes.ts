import type { Route } from '@angular/router';

import { requireAnyPermission, requirePermission, requireSignIn } from './auth/access-guards';
import { DashboardPage } from './dashboard/dashboard-page';

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
    // The second step of signing in: nobody is signed in yet, so no guard.
    path: 'sign-in/code',
    title: 'Enter the code from your authenticator app',
    loadComponent: () => import('./auth/second-factor-page').then((module) => module.SecondFactorPage),
  },
  {
    path: 'sign-in/recovery-code',
    title: 'Enter a recovery code',
    data: { recovery: true },
    loadComponent: () => import('./auth/second-factor-page').then((module) => module.SecondFactorPage),
  },
  {
    // From the password step (roles that need an app) or the account page; the API decides who may.
    path: 'set-up-authenticator',
    title: 'Set up an authenticator app',
    loadComponent: () => import('./auth/set-up-authenticator-page').then((module) => module.SetUpAuthenticatorPage),
  },
  {
    path: 'account/authenticator',
    title: 'Authenticator app',
    canMatch: [requireSignIn],
    loadComponent: () => import('./auth/authenticator-account-page').then((module) => module.AuthenticatorAccountPage),
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
    // The trainee's own dashboard, part of the start-up script rather than a lazy chunk: opened
    // directly, no further downloads (the page, then the code it shares) stand between the app
    // starting and the page asking for its data. A supervisor's view of it is under /trainees.
    path: 'dashboard',
    title: 'Your progress',
    canMatch: [requirePermission('evidence:write')],
    component: DashboardPage,
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
