import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';

import { ErrorSummary } from '../shared/error-summary';
import {
  FieldErrorPipe,
  type FormProblem,
  problemsFromApi,
  submittedForm,
  trimmedValueOf,
} from '../shared/form-problems';
import { TextField } from '../shared/text-field';
import { VerificationResult } from './verification-result';
import { VerificationStore } from './verification-store';

/** A verification code as printed: three groups of four, such as K7QH-3XPM-92TD. */
const printedCodeLength = 12;

/**
 * Codes are typed back from paper: case, spaces for hyphens, and the letters the code never
 * uses but a reader may see (O for 0, I and L for 1) are forgiven.
 */
export function normaliseCode(typed: string): string {
  const compact = typed
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== printedCodeLength) {
    return typed.trim().replace(/\s+/g, '-').toUpperCase();
  }
  return [compact.slice(0, 4), compact.slice(4, 8), compact.slice(8)].join('-');
}

function isPdf(file: File): boolean {
  return file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
}

/**
 * Anyone holding a progression report can check it here, without signing in: by the code
 * printed on every page (also reached from the printed link, /verify/:code), or by the PDF.
 */
@Component({
  selector: 'app-verify-page',
  imports: [ErrorSummary, FieldErrorPipe, TextField, VerificationResult],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <app-error-summary [problems]="problems()" />
        <h1>Check a progression report</h1>
        <p class="nhsuk-lede-text">
          Every progression report from this service has a verification code on each page. Check the code, or the PDF
          file itself, to find out whether a report is genuine.
        </p>

        <div class="app-verification-result" tabindex="-1" #result>
          @if (store.status() === 'loading') {
            <p role="status">Checking the report…</p>
          } @else if (store.outcome(); as outcome) {
            <app-verification-result [outcome]="outcome" />
          }
        </div>

        <form class="app-verify-form" (submit)="checkCode($event)" novalidate>
          <h2>Check a verification code</h2>
          <app-text-field
            fieldId="code"
            label="Verification code"
            hint="As printed at the foot of each page of the report"
            width="nhsuk-input--width-20"
            autocomplete="off"
            [value]="code() ?? ''"
            [error]="problems() | fieldError: 'code'"
            [spellcheck]="false"
          />
          <button class="nhsuk-button" type="submit">Check code</button>
        </form>

        <form class="app-verify-form" (submit)="checkFile($event)" novalidate>
          <h2>Check a PDF file</h2>
          @let fileError = problems() | fieldError: 'file';
          <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="fileError">
            <label class="nhsuk-label" for="file">Report PDF</label>
            <div class="nhsuk-hint" id="file-hint">
              The file as it was sent to you. A PDF that has been changed in any way will not match.
            </div>
            @if (fileError) {
              <span class="nhsuk-error-message" id="file-error">
                <span class="nhsuk-u-visually-hidden">Error:</span> {{ fileError }}
              </span>
            }
            <input
              class="app-file-input"
              type="file"
              id="file"
              name="file"
              accept="application/pdf,.pdf"
              [attr.aria-describedby]="fileError ? 'file-hint file-error' : 'file-hint'"
            />
          </div>
          <button class="nhsuk-button nhsuk-button--secondary" type="submit">Check file</button>
        </form>
      </div>
    </div>
  `,
})
export class VerifyPage {
  /** From the route /verify/:code, the address printed on a report. */
  readonly code = input<string>();

  protected readonly store = inject(VerificationStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly result = viewChild.required<ElementRef<HTMLElement>>('result');

  protected readonly problems = signal<FormProblem[]>([]);

  constructor() {
    effect(() => {
      const code = normaliseCode(this.code() ?? '');
      untracked(() => (code ? void this.check(() => this.store.checkCode(code), 'code') : this.store.clear()));
    });
  }

  protected async checkCode(event: Event): Promise<void> {
    const code = normaliseCode(trimmedValueOf(submittedForm(event), 'code'));
    if (!code) {
      this.problems.set([{ field: 'code', message: 'Enter the verification code printed on the report' }]);
      return;
    }
    this.problems.set([]);
    if (code === normaliseCode(this.code() ?? '')) {
      // The address already names this code, so the router would not check it again.
      await this.check(() => this.store.checkCode(code), 'code');
      return;
    }
    await this.router.navigate(['/verify', code]);
  }

  protected async checkFile(event: Event): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('file');
    const file = input instanceof HTMLInputElement ? (input.files?.[0] ?? null) : null;
    if (!file || file.size === 0) {
      this.problems.set([{ field: 'file', message: 'Choose the PDF file of the report' }]);
      return;
    }
    if (!isPdf(file)) {
      this.problems.set([{ field: 'file', message: 'The file must be a PDF' }]);
      return;
    }
    this.problems.set([]);
    await this.check(() => this.store.checkFile(file), 'file');
  }

  /** Runs a check, then puts the reader at its result, or says what stopped it. */
  private async check(run: () => Promise<void>, field: 'code' | 'file'): Promise<void> {
    try {
      await run();
      this.problems.set([]);
      afterNextRender(() => this.result().nativeElement.focus(), { injector: this.injector });
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, { file: 'file', code: 'code', [field]: field }));
    }
  }
}
