import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';

import { needsSecondStep } from '@portfolio/contracts';

import { SERVICE_PROBLEM_MESSAGE, apiErrorBody, statusOf } from '../shared/api-errors';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, rawValueOf, submittedForm, trimmedValueOf } from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { TextField } from '../shared/text-field';
import { safeReturnPath } from './return-path';
import { SessionStore } from './session-store';
import { SECOND_STEP_PATHS } from './sign-in-steps';

const WRONG_CREDENTIALS = 'The email address or password is not right.';

@Component({
  selector: 'app-sign-in-page',
  imports: [ErrorSummary, FieldErrorPipe, NotificationBanner, TextField],
  templateUrl: './sign-in-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  /** Query parameters: the page to go back to, and why the user is here. */
  readonly returnUrl = input<string>();
  readonly expired = input<string>();
  readonly signedOut = input<string>();
  readonly passwordChanged = input<string>();
  readonly timedOut = input<string>();

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly signingIn = signal(false);
  protected readonly notice = computed(() => {
    if (this.timedOut()) {
      return { success: false, heading: 'Your sign-in timed out. Enter your email address and password again.' };
    }
    if (this.expired()) {
      return { success: false, heading: 'Your session has expired. Sign in again to go back to where you were.' };
    }
    if (this.passwordChanged()) {
      return { success: true, heading: 'Your password has been changed. Sign in with your new password.' };
    }
    if (this.signedOut()) {
      return { success: true, heading: 'You have signed out' };
    }
    return null;
  });

  protected async signIn(event: Event): Promise<void> {
    const form = submittedForm(event);
    if (this.signingIn()) {
      return;
    }
    const email = trimmedValueOf(form, 'email');
    const password = rawValueOf(form, 'password');
    const problems: FormProblem[] = [];
    if (!email) {
      problems.push({ field: 'email', message: 'Enter your email address' });
    }
    if (!password) {
      problems.push({ field: 'password', message: 'Enter your password' });
    }
    this.problems.set(problems);
    if (problems.length > 0) {
      return;
    }

    this.signingIn.set(true);
    try {
      const answer = await this.session.signIn({ email, password });
      if (needsSecondStep(answer)) {
        await this.router.navigate([SECOND_STEP_PATHS[answer.nextStep]], {
          queryParams: { returnUrl: safeReturnPath(this.returnUrl()) },
        });
        return;
      }
      await this.router.navigateByUrl(safeReturnPath(this.returnUrl()));
    } catch (error: unknown) {
      this.problems.set([signInProblem(error)]);
    } finally {
      this.signingIn.set(false);
    }
  }
}

function signInProblem(error: unknown): FormProblem {
  const status = statusOf(error);
  if (status === 401) {
    return { field: 'email', message: apiErrorBody(error)?.message ?? WRONG_CREDENTIALS };
  }
  if (status === 429) {
    return { field: null, message: apiErrorBody(error)?.message ?? 'Too many sign-in attempts. Wait and try again.' };
  }
  return { field: null, message: SERVICE_PROBLEM_MESSAGE };
}
