import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { CohortRow, CohortSort, StageView } from '@portfolio/contracts';

import { labelOfKey } from '../shared/label-of-key.pipe';
import type { CohortFilters } from './cohort-query';
import { DomainStrip } from './domain-strip';
import { OutcomeTag } from './outcome-tag';

interface SortableColumn {
  sort: CohortSort;
  label: string;
  numeric: boolean;
}

/** The columns in order; those with a sort can be ordered by. */
const columns: (SortableColumn | { sort: null; label: string; numeric: boolean })[] = [
  { sort: 'name', label: 'Trainee', numeric: false },
  { sort: 'programme', label: 'Programme', numeric: false },
  { sort: 'stage', label: 'Stage and grade', numeric: false },
  { sort: null, label: 'Domains', numeric: false },
  { sort: 'signed-off', label: 'Elements signed off', numeric: true },
  { sort: 'assessments', label: 'Assessments', numeric: true },
  { sort: 'outcome', label: 'Outcome', numeric: false },
];

/**
 * A page of the cohort as an NHS table whose column headings sort it. The order is the API's,
 * so the headings only say which order is wanted; aria-sort says which one is shown.
 */
@Component({
  selector: 'app-cohort-table',
  imports: [DomainStrip, OutcomeTag, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="nhsuk-table nhsuk-table--responsive app-cohort-table" [attr.aria-busy]="busy() || null">
      <caption class="nhsuk-table__caption nhsuk-table__caption--s">
        {{
          caption()
        }}
        <span class="nhsuk-u-visually-hidden">, sorted by {{ sortedByText() }}. Choose a column heading to sort.</span>
      </caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          @for (column of columns; track column.label) {
            <th
              class="nhsuk-table__header"
              [class.nhsuk-table__header--numeric]="column.numeric"
              scope="col"
              [attr.aria-sort]="column.sort ? ariaSort(column.sort) : null"
            >
              @if (column.sort; as sort) {
                <button class="app-sort-button" type="button" [attr.data-sort]="sort" (click)="sortBy.emit(sort)">
                  {{ column.label }}
                  <svg
                    class="app-sort-button__icon"
                    [class]="'app-sort-button__icon--' + ariaSort(sort)"
                    viewBox="0 0 10 14"
                    width="10"
                    height="14"
                    aria-hidden="true"
                    focusable="false"
                  >
                    <path class="app-sort-button__up" d="M5 0 10 5H0z" />
                    <path class="app-sort-button__down" d="M5 14 0 9h10z" />
                  </svg>
                </button>
              } @else {
                {{ column.label }}
              }
            </th>
          }
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        @for (row of rows(); track row.traineeId) {
          <tr class="nhsuk-table__row" [attr.data-trainee]="row.traineeId">
            <td class="nhsuk-table__cell">
              <span class="nhsuk-table__heading" aria-hidden="true">Trainee </span>
              <span class="app-cell-lines">
                <a [routerLink]="[traineeLinkBase(), row.traineeId]">{{ row.displayName }}</a>
                <span class="app-secondary-text"
                  ><span class="nhsuk-u-visually-hidden">, </span>GMC {{ row.gmcNumber ?? 'number not known' }}</span
                >
              </span>
            </td>
            <td class="nhsuk-table__cell">
              <span class="nhsuk-table__heading" aria-hidden="true">Programme </span>{{ row.programmeName }}
            </td>
            <td class="nhsuk-table__cell">
              <span class="nhsuk-table__heading" aria-hidden="true">Stage and grade </span>
              <span class="app-cell-lines">
                <span>{{ stageTitle(row.stageKey) }}</span>
                <span class="app-secondary-text"><span class="nhsuk-u-visually-hidden">, </span>{{ row.grade }}</span>
              </span>
            </td>
            <td class="nhsuk-table__cell">
              <span class="nhsuk-table__heading" aria-hidden="true">Domains </span>
              <app-domain-strip [domains]="row.domains" />
            </td>
            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
              <span class="nhsuk-table__heading" aria-hidden="true">Elements signed off </span>
              {{ row.elementsSignedOff }} of {{ row.elementCount }}
            </td>
            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
              <span class="nhsuk-table__heading" aria-hidden="true">Assessments </span>
              <span class="app-cell-lines">
                <span>{{ row.assessmentsSigned }} signed</span>
                <span class="app-secondary-text"
                  ><span class="nhsuk-u-visually-hidden">, </span>{{ row.assessmentsPending }} pending</span
                >
              </span>
            </td>
            <td class="nhsuk-table__cell">
              <span class="nhsuk-table__heading" aria-hidden="true">Outcome </span>
              @if (row.outcome; as outcome) {
                <app-outcome-tag [code]="outcome.code" />
              } @else {
                <span class="app-secondary-text">None yet</span>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class CohortTable {
  readonly rows = input.required<readonly CohortRow[]>();
  readonly filters = input.required<CohortFilters>();
  readonly stages = input<readonly StageView[]>([]);
  readonly caption = input.required<string>();
  /** A new page is on its way. */
  readonly busy = input(false);
  /** Where a trainee's name leads: their progression, or their record for those who only read the cohort. */
  readonly traineeLinkBase = input('/cohort/trainees');
  readonly sortBy = output<CohortSort>();

  protected readonly columns = columns;

  private readonly stageTitles = computed(() => new Map(this.stages().map((stage) => [stage.key, stage.title])));
  protected readonly sortedByText = computed(() => {
    const { sort, direction } = this.filters();
    const label = columns.find((column) => column.sort === sort)?.label ?? sort;
    return `${label.toLowerCase()}, ${direction === 'asc' ? 'ascending' : 'descending'}`;
  });

  protected ariaSort(sort: CohortSort): 'ascending' | 'descending' | 'none' {
    const filters = this.filters();
    if (filters.sort !== sort) {
      return 'none';
    }
    return filters.direction === 'asc' ? 'ascending' : 'descending';
  }

  protected stageTitle(stageKey: string): string {
    return this.stageTitles().get(stageKey) ?? labelOfKey(stageKey);
  }
}
