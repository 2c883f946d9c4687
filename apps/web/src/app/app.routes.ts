import type { Route } from '@angular/router';

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
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./not-found/not-found-page').then((module) => module.NotFoundPage),
  },
];
