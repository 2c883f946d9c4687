import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, submittedForm } from '../shared/form-problems';

/** New recovery codes, shown this once, and a step that makes sure they have been saved. */
@Component({
  selector: 'app-recovery-codes-panel',
  imports: [ErrorSummary, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-error-summary [problems]="problems()" />
    <h1>Save your recovery codes</h1>
    <div class="nhsuk-warning-callout">
      <h2 class="nhsuk-warning-callout__label">
        <span role="text"
          ><span class="nhsuk-u-visually-hidden">Important: </span>You will not see these codes again</span
        >
      </h2>
      <p>
        If you lose your phone or cannot use your authenticator app, each code lets you sign in once. Keep them
        somewhere safe, such as a password manager or a printed copy kept at home.
      </p>
    </div>
    <ol class="nhsuk-list app-recovery-codes" aria-label="Your recovery codes">
      @for (code of codes(); track code) {
        <li>
          <code>{{ code }}</code>
        </li>
      }
    </ol>
    <form (submit)="confirm($event)" novalidate>
      <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="problems() | fieldError: 'savedCodes'">
        @if (problems() | fieldError: 'savedCodes'; as error) {
          <span class="nhsuk-error-message" id="savedCodes-error">
            <span class="nhsuk-u-visually-hidden">Error:</span> {{ error }}
          </span>
        }
        <div class="nhsuk-checkboxes">
          <div class="nhsuk-checkboxes__item">
            <input
              class="nhsuk-checkboxes__input"
              id="savedCodes"
              name="savedCodes"
              type="checkbox"
              value="yes"
              [attr.aria-describedby]="(problems() | fieldError: 'savedCodes') ? 'savedCodes-error' : null"
            />
            <label class="nhsuk-label nhsuk-checkboxes__label" for="savedCodes">I have saved my recovery codes</label>
          </div>
        </div>
      </div>
      <button class="nhsuk-button" type="submit">Continue</button>
    </form>
  `,
})
export class RecoveryCodesPanel {
  readonly codes = input.required<readonly string[]>();
  readonly saved = output<void>();

  protected readonly problems = signal<FormProblem[]>([]);

  protected confirm(event: Event): void {
    const form = submittedForm(event);
    if (form.get('savedCodes') !== 'yes') {
      this.problems.set([{ field: 'savedCodes', message: 'Confirm that you have saved your recovery codes' }]);
      return;
    }
    this.problems.set([]);
    this.saved.emit();
  }
}
