import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';

import { PASSWORD_MIN_LENGTH } from '@portfolio/contracts';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, problemsFromApi, rawValueOf, submittedForm } from '../shared/form-problems';
import { TextField } from '../shared/text-field';
import { SIGN_IN_PATH } from './return-path';
import { SessionStore } from './session-store';

const fields = ['currentPassword', 'newPassword'];

@Component({
  selector: 'app-change-password-page',
  imports: [ErrorSummary, FieldErrorPipe, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <app-error-summary [problems]="problems()" />
        <h1>Change your password</h1>
        <p>Changing your password signs you out on every device, this one included. Then sign in with the new one.</p>

        <form (submit)="changePassword($event)" novalidate>
          <app-text-field
            fieldId="currentPassword"
            label="Current password"
            type="password"
            autocomplete="current-password"
            [error]="problems() | fieldError: 'currentPassword'"
          />
          <app-text-field
            fieldId="newPassword"
            label="New password"
            type="password"
            autocomplete="new-password"
            [hint]="newPasswordHint"
            [error]="problems() | fieldError: 'newPassword'"
          />
          <button class="nhsuk-button" type="submit" [attr.aria-disabled]="saving() || null">Change password</button>
        </form>
      </div>
    </div>
  `,
})
export class ChangePasswordPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly newPasswordHint =
    `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password. ` +
    'Common passwords, and ones that are easy to guess, are not accepted.';
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly saving = signal(false);

  constructor() {
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
  }

  protected async changePassword(event: Event): Promise<void> {
    const form = submittedForm(event);
    if (this.saving()) {
      return;
    }
    const currentPassword = rawValueOf(form, 'currentPassword');
    const newPassword = rawValueOf(form, 'newPassword');
    const problems: FormProblem[] = [];
    if (!currentPassword) {
      problems.push({ field: 'currentPassword', message: 'Enter your current password' });
    }
    if (!newPassword) {
      problems.push({ field: 'newPassword', message: 'Enter a new password' });
    } else if (newPassword.length < PASSWORD_MIN_LENGTH) {
      problems.push({
        field: 'newPassword',
        message: `Your new password must be at least ${PASSWORD_MIN_LENGTH} characters`,
      });
    }
    this.problems.set(problems);
    if (problems.length > 0) {
      return;
    }

    this.saving.set(true);
    try {
      await this.session.changePassword({ currentPassword, newPassword });
      await this.router.navigate([SIGN_IN_PATH], { queryParams: { passwordChanged: 1 } });
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, fields));
    } finally {
      this.saving.set(false);
    }
  }
}
