import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import { ErrorSummary } from '../shared/error-summary';
import {
  FieldErrorPipe,
  type FormProblem,
  problemsFromApi,
  submittedForm,
  trimmedValueOf,
} from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { TextField } from '../shared/text-field';
import { AdminStore } from './admin-store';

/** API field → input id: the page has a second form, for programmes, with a name field too. */
const fieldIds = { code: 'deaneryCode', name: 'deaneryName' };

@Component({
  selector: 'app-add-deanery-form',
  imports: [ErrorSummary, FieldErrorPipe, NotificationBanner, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Add a deanery</h2>
    @if (added(); as name) {
      <app-notification-banner [success]="true" [heading]="name + ' has been added'" />
    }
    <app-error-summary [problems]="problems()" />
    <form (submit)="add($event)" novalidate>
      <app-text-field
        fieldId="deaneryCode"
        label="Deanery code"
        hint="2 to 20 capital letters, digits or hyphens, for example NW"
        width="nhsuk-input--width-10"
        autocomplete="off"
        [spellcheck]="false"
        [error]="problems() | fieldError: 'deaneryCode'"
      />
      <app-text-field
        fieldId="deaneryName"
        label="Deanery name"
        hint="For example, North West"
        autocomplete="off"
        [error]="problems() | fieldError: 'deaneryName'"
      />
      <button class="nhsuk-button nhsuk-button--secondary" type="submit" [attr.aria-disabled]="saving() || null">
        Add deanery
      </button>
    </form>
  `,
})
export class AddDeaneryForm {
  private readonly store = inject(AdminStore);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly added = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected async add(event: Event): Promise<void> {
    const formElement = event.target as HTMLFormElement;
    const form = submittedForm(event);
    if (this.saving()) {
      return;
    }
    const code = trimmedValueOf(form, 'deaneryCode').toUpperCase();
    const name = trimmedValueOf(form, 'deaneryName');
    const problems: FormProblem[] = [];
    if (!/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(code)) {
      problems.push({
        field: 'deaneryCode',
        message: code ? 'Deanery code must be 2 to 20 capital letters, digits or hyphens' : 'Enter a deanery code',
      });
    }
    if (!name) {
      problems.push({ field: 'deaneryName', message: 'Enter the name of the deanery' });
    }
    this.problems.set(problems);
    this.added.set(null);
    if (problems.length > 0) {
      return;
    }
    this.saving.set(true);
    try {
      const deanery = await this.store.createDeanery({ code, name });
      formElement.reset();
      this.added.set(deanery.name);
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, fieldIds));
    } finally {
      this.saving.set(false);
    }
  }
}
