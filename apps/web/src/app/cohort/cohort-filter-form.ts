import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

import { type StageView, isReviewPeriod } from '@portfolio/contracts';

import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, submittedForm, trimmedValueOf } from '../shared/form-problems';
import { TextField } from '../shared/text-field';
import type { CohortFilters } from './cohort-query';

/** Which trainees the table shows: a programme, a stage, a grade and the review period whose outcomes count. */
@Component({
  selector: 'app-cohort-filter-form',
  imports: [ErrorSummary, FieldErrorPipe, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-error-summary [problems]="problems()" />
    <form class="app-cohort-filters" (submit)="submit($event)" novalidate>
      <div class="nhsuk-form-group app-cohort-filters__field">
        <label class="nhsuk-label" for="programmeId">Programme</label>
        <div class="nhsuk-hint" id="programmeId-hint">Of your deanery</div>
        <select class="nhsuk-select" id="programmeId" name="programmeId" aria-describedby="programmeId-hint">
          <option value="" [selected]="!filters().programmeId">All programmes</option>
          @for (programme of programmes(); track programme.id) {
            <option [value]="programme.id" [selected]="programme.id === filters().programmeId">
              {{ programme.name }}
            </option>
          }
        </select>
      </div>
      <div class="nhsuk-form-group app-cohort-filters__field">
        <label class="nhsuk-label" for="stageKey">Stage</label>
        <div class="nhsuk-hint" id="stageKey-hint">Of the framework</div>
        <select class="nhsuk-select" id="stageKey" name="stageKey" aria-describedby="stageKey-hint">
          <option value="" [selected]="!filters().stageKey">All stages</option>
          @for (stage of stages(); track stage.key) {
            <option [value]="stage.key" [selected]="stage.key === filters().stageKey">{{ stage.title }}</option>
          }
        </select>
      </div>
      <div class="app-cohort-filters__field">
        <app-text-field
          fieldId="grade"
          label="Grade"
          hint="Such as ST3"
          width="nhsuk-input--width-5"
          [value]="filters().grade ?? ''"
          [spellcheck]="false"
        />
      </div>
      <div class="app-cohort-filters__field">
        <app-text-field
          fieldId="period"
          label="Review period"
          hint="The training year, such as 2026-27"
          width="nhsuk-input--width-10"
          [value]="filters().period"
          [error]="problems() | fieldError: 'period'"
          [spellcheck]="false"
        />
      </div>
      <button class="nhsuk-button nhsuk-button--secondary app-cohort-filters__button" type="submit">
        Apply filters
      </button>
    </form>
  `,
})
export class CohortFilterForm {
  readonly filters = input.required<CohortFilters>();
  readonly stages = input<readonly StageView[]>([]);
  readonly programmes = input<readonly { id: string; name: string }[]>([]);
  readonly apply = output<CohortFilters>();

  protected readonly problems = signal<FormProblem[]>([]);

  protected submit(event: Event): void {
    const form = submittedForm(event);
    const period = trimmedValueOf(form, 'period');
    if (!isReviewPeriod(period)) {
      this.problems.set([{ field: 'period', message: 'Enter a review period as a training year, such as 2026-27' }]);
      return;
    }
    this.problems.set([]);
    this.apply.emit({
      ...this.filters(),
      programmeId: trimmedValueOf(form, 'programmeId') || null,
      stageKey: trimmedValueOf(form, 'stageKey') || null,
      grade: trimmedValueOf(form, 'grade') || null,
      period,
      page: 1,
    });
  }
}
