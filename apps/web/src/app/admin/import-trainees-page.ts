import { ChangeDetectionStrategy, Component, type ElementRef, inject, signal, viewChild } from '@angular/core';

import { type ApiErrorBody, type ImportLineError, traineeImportColumns } from '@portfolio/contracts';

import { apiErrorBody, statusOf } from '../shared/api-errors';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { CountPipe } from '../shared/count.pipe';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, problemsFromApi } from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { AdminStore } from './admin-store';

/** The API takes files up to 5,000,000 characters. */
const largestFileBytes = 5_000_000;

const columnDescriptions: Record<(typeof traineeImportColumns)[number], string> = {
  name: 'Full name, for example Dr Aisha Khan',
  email: 'Email address; there must not already be an account with it',
  gmc_number: 'The 7 digits of their GMC reference number',
  programme: 'The name of an existing programme, for example Foundation Programme',
  stage: "A stage of the programme's framework, for example postgraduate",
  grade: 'For example FY1 or ST3',
  supervisor_email: 'The email address of an existing educational supervisor',
};

@Component({
  selector: 'app-import-trainees-page',
  imports: [CountPipe, ErrorSummary, FieldErrorPipe, NotificationBanner],
  templateUrl: './import-trainees-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportTraineesPage {
  private readonly store = inject(AdminStore);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('csvFile');

  protected readonly headerLineParts = wrapPoints(traineeImportColumns.join(','));
  protected readonly columns = traineeImportColumns.map((column) => ({
    nameParts: wrapPoints(column),
    description: columnDescriptions[column],
  }));
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly lineErrors = signal<ImportLineError[]>([]);
  protected readonly imported = signal<number | null>(null);
  protected readonly importing = signal(false);

  constructor() {
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Administration', link: ['/admin'] },
    ]);
  }

  protected async import(event: Event): Promise<void> {
    event.preventDefault();
    if (this.importing()) {
      return;
    }
    this.imported.set(null);
    this.lineErrors.set([]);
    const file = this.fileInput().nativeElement.files?.[0] ?? null;
    const problem = fileProblem(file);
    if (problem || !file) {
      this.problems.set([{ field: 'csvFile', message: problem ?? 'Select a CSV file' }]);
      return;
    }
    this.problems.set([]);
    this.importing.set(true);
    try {
      const result = await this.store.importTrainees(await readAsText(file));
      this.imported.set(result.imported);
      this.fileInput().nativeElement.value = '';
    } catch (error: unknown) {
      this.showFailure(error);
    } finally {
      this.importing.set(false);
    }
  }

  private showFailure(error: unknown): void {
    const body = apiErrorBody(error) as (ApiErrorBody & { lineErrors?: ImportLineError[] }) | null;
    const lineErrors = Array.isArray(body?.lineErrors) ? body.lineErrors : [];
    if (lineErrors.length > 0) {
      this.lineErrors.set(lineErrors);
      this.problems.set([
        {
          field: 'csvFile',
          message:
            `The file has ${lineErrors.length === 1 ? 'a problem' : `${lineErrors.length} problems`}, ` +
            'listed below. Nothing was imported. Correct the file and choose it again.',
        },
      ]);
    } else if (statusOf(error) === 413) {
      this.problems.set([{ field: 'csvFile', message: 'The file is too large to import at once. Split it in two.' }]);
    } else {
      this.problems.set(problemsFromApi(error, { csv: 'csvFile' }));
    }
  }
}

/** The text in pieces that end at a comma or underscore: where a long line of column names may wrap. */
function wrapPoints(text: string): string[] {
  return text.split(/(?<=[,_])/);
}

function fileProblem(file: File | null): string | null {
  if (!file) {
    return 'Select a CSV file';
  }
  if (!file.name.toLowerCase().endsWith('.csv')) {
    return 'The selected file must be a CSV file';
  }
  if (file.size === 0) {
    return 'The selected file is empty';
  }
  return file.size > largestFileBytes ? 'The selected file must be smaller than 5 MB' : null;
}

function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}
