import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';

import { type UserView, mfaRequiredFor } from '@portfolio/contracts';

import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, problemsFromApi, submittedForm } from '../shared/form-problems';
import { AdminStore } from './admin-store';

/**
 * For someone who has lost both their phone and their recovery codes: the administrator removes
 * their authenticator app after checking who they are, and says how in the audit record.
 */
@Component({
  selector: 'app-reset-authenticator-form',
  imports: [ErrorSummary, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="nhsuk-heading-m">Authenticator app</h2>
    @if (user().authenticatorEnabled) {
      <p>{{ user().displayName }} signs in with a code from an authenticator app.</p>
      <p>
        If they have lost both their phone and their recovery codes, check who they are, then reset it. They will be
        signed out everywhere and {{ afterReset() }}
      </p>
      <app-error-summary [problems]="problems()" />
      <form (submit)="reset($event)" novalidate>
        @let error = problems() | fieldError: 'reset-reason';
        <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="error">
          <label class="nhsuk-label" for="reset-reason">Why, and how you checked who they are</label>
          <div class="nhsuk-hint" id="reset-reason-hint">This is kept in the audit record.</div>
          @if (error) {
            <span class="nhsuk-error-message" id="reset-reason-error">
              <span class="nhsuk-u-visually-hidden">Error:</span> {{ error }}
            </span>
          }
          <textarea
            class="nhsuk-textarea"
            [class.nhsuk-textarea--error]="error"
            id="reset-reason"
            name="reason"
            rows="3"
            maxlength="2000"
            [attr.aria-describedby]="error ? 'reset-reason-hint reset-reason-error' : 'reset-reason-hint'"
          ></textarea>
        </div>
        <button class="nhsuk-button nhsuk-button--warning" type="submit" [attr.aria-disabled]="resetting() || null">
          Reset authenticator app
        </button>
      </form>
    } @else {
      <p>{{ user().displayName }} has no authenticator app set up.</p>
    }
  `,
})
export class ResetAuthenticatorForm {
  readonly user = input.required<UserView>();
  /** The user as they are after the reset. */
  readonly resetDone = output<UserView>();

  private readonly store = inject(AdminStore);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly resetting = signal(false);
  protected readonly afterReset = () =>
    mfaRequiredFor(this.user().roles)
      ? 'will set up a new app when they next sign in, as their role requires one.'
      : 'can sign in with their password alone until they set up an app again.';

  protected async reset(event: Event): Promise<void> {
    const reason = String(submittedForm(event).get('reason') ?? '').trim();
    if (this.resetting()) return;
    if (!reason) {
      this.problems.set([{ field: 'reset-reason', message: 'Say why, and how you checked who they are' }]);
      return;
    }
    this.problems.set([]);
    this.resetting.set(true);
    try {
      this.resetDone.emit(await this.store.resetAuthenticator(this.user().id, reason));
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, { reason: 'reset-reason' }));
    } finally {
      this.resetting.set(false);
    }
  }
}
