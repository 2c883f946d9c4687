import type { Route } from '@angular/router';

import { requirePermission } from '../auth/access-guards';

/** Under /admin, which itself needs users:manage; each page also names the permission it uses. */
export const adminRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Administration',
    loadComponent: () => import('./admin-home-page').then((module) => module.AdminHomePage),
  },
  {
    path: 'users',
    title: 'Users',
    loadComponent: () => import('./users-page').then((module) => module.UsersPage),
  },
  {
    path: 'users/new',
    title: 'Add a user',
    loadComponent: () => import('./create-user-page').then((module) => module.CreateUserPage),
  },
  {
    path: 'users/:userId',
    title: 'Change a user',
    loadComponent: () => import('./edit-user-page').then((module) => module.EditUserPage),
  },
  {
    path: 'deaneries',
    title: 'Deaneries and programmes',
    canMatch: [requirePermission('organisations:manage')],
    loadComponent: () => import('./deaneries-page').then((module) => module.DeaneriesPage),
  },
  {
    path: 'assignments/new',
    title: 'Assign an educational supervisor',
    canMatch: [requirePermission('assignments:manage')],
    loadComponent: () => import('./assign-supervisor-page').then((module) => module.AssignSupervisorPage),
  },
  {
    path: 'outbox',
    title: 'Outbox',
    canMatch: [requirePermission('outbox:read')],
    loadComponent: () => import('./outbox-page').then((module) => module.OutboxPage),
  },
  {
    path: 'frameworks/import',
    title: 'Import a framework from CASE',
    canMatch: [requirePermission('frameworks:manage')],
    loadComponent: () => import('./case-import-page').then((module) => module.CaseImportPage),
  },
  {
    path: 'import',
    title: 'Import a cohort of trainees',
    canMatch: [requirePermission('trainees:import')],
    loadComponent: () => import('./import-trainees-page').then((module) => module.ImportTraineesPage),
  },
];
