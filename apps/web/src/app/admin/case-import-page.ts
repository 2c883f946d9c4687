import { ChangeDetectionStrategy, Component, type ElementRef, inject, signal, viewChild } from '@angular/core';

import { type CaseImportView, type CaseItemRoleName, type FieldError, caseItemRoles } from '@portfolio/contracts';

import { apiErrorBody, statusOf } from '../shared/api-errors';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, problemsFromApi, rawValueOf } from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { CaseImportStore } from './case-import-store';

const largestPackageBytes = 10 * 1024 * 1024;

export const itemRoleLabels: Record<CaseItemRoleName, string> = {
  domain: 'Domain (a group of elements)',
  element: 'Element (a competence)',
  outcome: 'Outcome (what is expected at a stage)',
  ignore: 'Leave out',
};

/** Where a problem is in the package, as a JSON path: `package.CFItems.3` becomes `$.CFItems[3]`. */
export function jsonPathOf(field: string): string {
  const parts = field
    .replace(/^(package|framework)\.?/, '')
    .split('.')
    .filter(Boolean);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), '$');
}

@Component({
  selector: 'app-case-import-page',
  imports: [ErrorSummary, FieldErrorPipe, NotificationBanner],
  templateUrl: './case-import-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseImportPage {
  private readonly store = inject(CaseImportStore);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('packageFile');

  protected readonly roles = caseItemRoles;
  protected readonly roleLabels = itemRoleLabels;
  protected readonly jsonPath = jsonPathOf;
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly packageErrors = signal<FieldError[]>([]);
  /** The package's item types and what each will be read as, once the API has seen it. */
  protected readonly itemTypes = signal<[string, CaseItemRoleName][]>([]);
  protected readonly result = signal<CaseImportView | null>(null);
  protected readonly importing = signal(false);

  constructor() {
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Administration', link: ['/admin'] },
    ]);
  }

  protected async import(event: Event): Promise<void> {
    event.preventDefault();
    if (this.importing()) return;
    const form = new FormData(event.target as HTMLFormElement);
    const pasted = rawValueOf(form, 'packageText').trim();
    const file = this.fileInput().nativeElement.files?.[0] ?? null;
    const problem = inputProblem(file, pasted);
    this.result.set(null);
    this.packageErrors.set([]);
    if (problem) {
      this.problems.set([problem]);
      return;
    }
    this.problems.set([]);
    this.importing.set(true);
    try {
      const roles = Object.fromEntries(
        this.itemTypes().map(([name]) => [name, rawValueOf(form, `role-${name}`) as CaseItemRoleName]),
      );
      const result = await this.store.importPackage({
        packageText: file ? await readAsText(file) : pasted,
        fileName: file?.name ?? 'pasted.json',
        key: rawValueOf(form, 'key').trim() || null,
        itemTypeRoles: this.itemTypes().length > 0 ? roles : null,
      });
      this.result.set(result);
      this.itemTypes.set(Object.entries(result.itemTypes));
    } catch (error: unknown) {
      this.showFailure(error);
    } finally {
      this.importing.set(false);
    }
  }

  private showFailure(error: unknown): void {
    const body = apiErrorBody(error) as
      | (ReturnType<typeof apiErrorBody> & { itemTypes?: Record<string, CaseItemRoleName> })
      | null;
    if (body?.itemTypes) this.itemTypes.set(Object.entries(body.itemTypes));
    const packageErrors = (body?.errors ?? []).filter((each) => /^(package|framework)\b/.test(each.field));
    if (packageErrors.length > 0) {
      this.packageErrors.set(packageErrors);
      this.problems.set([{ field: 'packageFile', message: `${body?.message} The problems are listed below.` }]);
    } else if (statusOf(error) === 413) {
      this.problems.set([{ field: 'packageFile', message: 'The package must be smaller than 10 MB' }]);
    } else {
      this.problems.set(problemsFromApi(error, { file: 'packageFile', key: 'key', itemTypeRoles: 'packageFile' }));
    }
  }
}

function inputProblem(file: File | null, pasted: string): FormProblem | null {
  if (!file && !pasted) return { field: 'packageFile', message: 'Choose a package file, or paste the package' };
  if (file && pasted) return { field: 'packageFile', message: 'Choose a file or paste the package, not both' };
  if (file && file.size > largestPackageBytes) {
    return { field: 'packageFile', message: 'The package must be smaller than 10 MB' };
  }
  if (!file) {
    try {
      JSON.parse(pasted);
    } catch {
      return { field: 'packageText', message: 'The pasted text is not JSON: paste the whole CFPackage' };
    }
  }
  return null;
}

/** FileReader rather than Blob.text(), which not every browser the NHS uses has. */
export function readAsText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}
