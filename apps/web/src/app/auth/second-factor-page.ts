import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { SERVICE_PROBLEM_MESSAGE, apiErrorBody, fieldErrorsOf, statusOf } from '../shared/api-errors';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, submittedForm, trimmedValueOf } from '../shared/form-problems';
import { TextField } from '../shared/text-field';
import { SIGN_IN_PATH, safeReturnPath } from './return-path';
import { SessionStore } from './session-store';
import { AUTHENTICATOR_CODE_PATH, RECOVERY_CODE_PATH, signInAgainQuery } from './sign-in-steps';

/** The second step of signing in: the code the authenticator app shows, or (`recovery`) a recovery code. */
@Component({
  selector: 'app-second-factor-page',
  imports: [ErrorSummary, FieldErrorPipe, RouterLink, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <app-error-summary [problems]="problems()" />
        @if (recovery()) {
          <h1>Enter a recovery code</h1>
          <p>Use one of the recovery codes you saved when you set up your authenticator app. Each code works once.</p>
          <form (submit)="submit($event)" novalidate>
            <app-text-field
              fieldId="recoveryCode"
              label="Recovery code"
              hint="For example, abcde-fghij-kmnpq"
              autocomplete="off"
              width="nhsuk-input--width-20"
              [spellcheck]="false"
              [error]="problems() | fieldError: 'recoveryCode'"
            />
            <button class="nhsuk-button" type="submit" [attr.aria-disabled]="sending() || null">Continue</button>
          </form>
          <p>
            <a [routerLink]="codePath" [queryParams]="returnQuery()">Use a code from your authenticator app instead</a>
          </p>
        } @else {
          <h1>Enter the code from your authenticator app</h1>
          <p>Open the authenticator app on your phone and find Leadership portfolio.</p>
          <form (submit)="submit($event)" novalidate>
            <app-text-field
              fieldId="code"
              label="Code"
              hint="The 6-digit code the app shows now"
              autocomplete="one-time-code"
              inputMode="numeric"
              width="nhsuk-input--width-10"
              [spellcheck]="false"
              [error]="problems() | fieldError: 'code'"
            />
            <button class="nhsuk-button" type="submit" [attr.aria-disabled]="sending() || null">Continue</button>
          </form>
          <p>
            <a [routerLink]="recoveryPath" [queryParams]="returnQuery()">Use a recovery code instead</a>
          </p>
        }
        <p>
          <a [routerLink]="signInPath" [queryParams]="returnQuery()">Sign in again with your password</a>
        </p>
      </div>
    </div>
  `,
})
export class SecondFactorPage {
  readonly returnUrl = input<string>();
  /** Route data: ask for a recovery code rather than a code from the app. */
  readonly recovery = input(false);

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly codePath = AUTHENTICATOR_CODE_PATH;
  protected readonly recoveryPath = RECOVERY_CODE_PATH;
  protected readonly signInPath = SIGN_IN_PATH;
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly sending = signal(false);
  protected readonly returnQuery = computed(() => ({ returnUrl: safeReturnPath(this.returnUrl()) }));

  protected async submit(event: Event): Promise<void> {
    const form = submittedForm(event);
    if (this.sending()) {
      return;
    }
    const field = this.recovery() ? 'recoveryCode' : 'code';
    const typed = trimmedValueOf(form, field);
    const problem = this.recovery() ? recoveryCodeProblem(typed) : authenticatorCodeProblem(typed);
    this.problems.set(problem ? [{ field, message: problem }] : []);
    if (problem) {
      return;
    }

    this.sending.set(true);
    try {
      await this.session.completeSignIn(this.recovery() ? { recoveryCode: typed } : { code: typed });
      await this.router.navigateByUrl(safeReturnPath(this.returnUrl()));
    } catch (error: unknown) {
      if (statusOf(error) === 401) {
        await this.router.navigate([SIGN_IN_PATH], { queryParams: signInAgainQuery(safeReturnPath(this.returnUrl())) });
        return;
      }
      this.problems.set(problemsOf(error, field));
    } finally {
      this.sending.set(false);
    }
  }
}

export function authenticatorCodeProblem(typed: string): string | null {
  if (!typed) {
    return 'Enter the code from your authenticator app';
  }
  return /^[0-9]{3} ?[0-9]{3}$/.test(typed) ? null : 'Enter the 6-digit code your authenticator app shows';
}

function recoveryCodeProblem(typed: string): string | null {
  return typed ? null : 'Enter one of your recovery codes';
}

/** The API's message on the field (wrong or used code), or above the form (too many attempts). */
export function problemsOf(error: unknown, field: string): FormProblem[] {
  const fieldErrors = fieldErrorsOf(error);
  if (fieldErrors.length > 0) {
    return fieldErrors.map((fieldError) => ({ field, message: fieldError.message }));
  }
  const status = statusOf(error);
  const body = apiErrorBody(error);
  if (body && status !== null && status >= 400 && status < 500) {
    return [{ field: null, message: body.message }];
  }
  return [{ field: null, message: SERVICE_PROBLEM_MESSAGE }];
}
