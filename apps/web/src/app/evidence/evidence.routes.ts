import type { Route } from '@angular/router';

import { requirePermission } from '../auth/access-guards';
import { provideUploadCapableHttpClient } from './upload-http-client';

const loadEditor = () => import('./evidence-editor-page').then((module) => module.EvidenceEditorPage);

/** Under /evidence, which needs evidence:read; writing needs evidence:write. */
export const evidenceRoutes: Route[] = [
  {
    path: '',
    title: 'My evidence',
    loadComponent: () => import('./evidence-list-page').then((module) => module.EvidenceListPage),
  },
  {
    path: 'new',
    title: 'Add evidence',
    canMatch: [requirePermission('evidence:write')],
    providers: provideUploadCapableHttpClient(),
    loadComponent: loadEditor,
  },
  {
    path: ':evidenceId/edit',
    title: 'Edit evidence',
    canMatch: [requirePermission('evidence:write')],
    providers: provideUploadCapableHttpClient(),
    loadComponent: loadEditor,
  },
  {
    path: ':evidenceId',
    title: 'Evidence',
    loadComponent: () => import('./evidence-item-page').then((module) => module.EvidenceItemPage),
  },
];
