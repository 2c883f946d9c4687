import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { type CaseImportView, type CaseItemRoleName, apiRoutes } from '@portfolio/contracts';

export interface CaseImportRequest {
  /** The package's JSON text, from a file or pasted. */
  packageText: string;
  fileName: string;
  key: string | null;
  itemTypeRoles: Record<string, CaseItemRoleName> | null;
}

/** Sends a CASE 1.1 package to the API as a file, whichever way the administrator gave it. */
@Injectable({ providedIn: 'root' })
export class CaseImportStore {
  private readonly http = inject(HttpClient);

  importPackage(request: CaseImportRequest): Promise<CaseImportView> {
    // Always multipart: the API takes packages up to 10 MB as a file.
    const form = new FormData();
    form.append('file', new Blob([request.packageText], { type: 'application/json' }), request.fileName);
    if (request.key) form.append('key', request.key);
    if (request.itemTypeRoles) form.append('itemTypeRoles', JSON.stringify(request.itemTypeRoles));
    return firstValueFrom(this.http.post<CaseImportView>(apiRoutes.adminCaseImports, form));
  }
}
