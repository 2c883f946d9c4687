import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import { useBreadcrumbs } from '../shared/breadcrumbs';
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

/** API field → input id: the form asks for email addresses where the API takes ids. */
const fieldIds = {
  traineeId: 'traineeEmail',
  supervisorId: 'supervisorEmail',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
};

@Component({
  selector: 'app-assign-supervisor-page',
  imports: [ErrorSummary, FieldErrorPipe, NotificationBanner, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        @if (assigned(); as message) {
          <app-notification-banner [success]="true" [heading]="message" />
        }
        <app-error-summary [problems]="problems()" />
        <h1>Assign an educational supervisor</h1>
        <p>The supervisor will see the trainee's record from the start date.</p>
        <form (submit)="assign($event)" novalidate>
          <app-text-field
            fieldId="traineeEmail"
            label="Trainee's email address"
            type="email"
            autocomplete="off"
            [spellcheck]="false"
            [error]="problems() | fieldError: 'traineeEmail'"
          />
          <app-text-field
            fieldId="supervisorEmail"
            label="Supervisor's email address"
            hint="Their account must have the educational supervisor role"
            type="email"
            autocomplete="off"
            [spellcheck]="false"
            [error]="problems() | fieldError: 'supervisorEmail'"
          />
          <app-text-field
            fieldId="startsOn"
            label="Start date"
            type="date"
            width="nhsuk-input--width-10"
            [error]="problems() | fieldError: 'startsOn'"
          />
          <app-text-field
            fieldId="endsOn"
            label="End date (optional)"
            hint="Leave blank if the supervision has no planned end"
            type="date"
            width="nhsuk-input--width-10"
            [error]="problems() | fieldError: 'endsOn'"
          />
          <button class="nhsuk-button" type="submit" [attr.aria-disabled]="saving() || null">Assign supervisor</button>
        </form>
      </div>
    </div>
  `,
})
export class AssignSupervisorPage {
  private readonly store = inject(AdminStore);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly assigned = signal<string | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Administration', link: ['/admin'] },
    ]);
  }

  protected async assign(event: Event): Promise<void> {
    const formElement = event.target as HTMLFormElement;
    const form = submittedForm(event);
    if (this.saving()) {
      return;
    }
    const traineeEmail = trimmedValueOf(form, 'traineeEmail');
    const supervisorEmail = trimmedValueOf(form, 'supervisorEmail');
    const startsOn = trimmedValueOf(form, 'startsOn');
    const endsOn = trimmedValueOf(form, 'endsOn') || null;
    const problems: FormProblem[] = [];
    if (!traineeEmail) {
      problems.push({ field: 'traineeEmail', message: "Enter the trainee's email address" });
    }
    if (!supervisorEmail) {
      problems.push({ field: 'supervisorEmail', message: "Enter the supervisor's email address" });
    }
    if (!startsOn) {
      problems.push({ field: 'startsOn', message: 'Enter the start date' });
    }
    if (startsOn && endsOn && endsOn < startsOn) {
      problems.push({ field: 'endsOn', message: 'End date must be on or after the start date' });
    }
    this.assigned.set(null);
    this.problems.set(problems);
    if (problems.length > 0) {
      return;
    }

    this.saving.set(true);
    try {
      const [trainee, supervisor] = await Promise.all([
        this.store.findUserByEmail(traineeEmail, 'trainee'),
        this.store.findUserByEmail(supervisorEmail, 'supervisor'),
      ]);
      const notFound: FormProblem[] = [
        ...(trainee ? [] : [{ field: 'traineeEmail', message: 'There is no trainee with this email address' }]),
        ...(supervisor
          ? []
          : [{ field: 'supervisorEmail', message: 'There is no educational supervisor with this email address' }]),
      ];
      if (!trainee || !supervisor) {
        this.problems.set(notFound);
        return;
      }
      await this.store.assignSupervisor({ traineeId: trainee.id, supervisorId: supervisor.id, startsOn, endsOn });
      formElement.reset();
      this.assigned.set(`${supervisor.displayName} is now the educational supervisor of ${trainee.displayName}`);
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, fieldIds));
    } finally {
      this.saving.set(false);
    }
  }
}
