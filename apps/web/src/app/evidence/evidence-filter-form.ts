import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import {
  type StageView,
  evidenceSorts,
  evidenceStatuses,
  evidenceTypeLabels,
  evidenceTypes,
  evidenceVisibilities,
} from '@portfolio/contracts';

import { rawValueOf, submittedForm } from '../shared/form-problems';
import type { PickableElement } from './element-search';
import { type EvidenceFilters, evidenceSortLabels, filtersFromParams, noEvidenceFilters } from './evidence-filters';
import { evidenceStatusLabels, evidenceVisibilityShortLabels } from './evidence-labels';

/** The search box, and the filters and sort order tucked away under NHS details until wanted. */
@Component({
  selector: 'app-evidence-filter-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './evidence-filter-form.html',
})
export class EvidenceFilterForm {
  readonly filters = input.required<EvidenceFilters>();
  readonly elements = input<readonly PickableElement[]>([]);
  readonly stages = input<readonly StageView[]>([]);
  readonly apply = output<EvidenceFilters>();

  protected readonly typeOptions = evidenceTypes.map((value) => ({ value, label: evidenceTypeLabels[value] }));
  protected readonly statusOptions = evidenceStatuses.map((value) => ({ value, label: evidenceStatusLabels[value] }));
  protected readonly visibilityOptions = evidenceVisibilities.map((value) => ({
    value,
    label: evidenceVisibilityShortLabels[value],
  }));
  protected readonly sortOptions = evidenceSorts.map((value) => ({ value, label: evidenceSortLabels[value] }));

  /** Open when a filter other than the search words is in use, so the reader sees why the list is short. */
  protected readonly filtersInUse = computed(() => {
    const filters = this.filters();
    const defaults = noEvidenceFilters();
    return (Object.keys(defaults) as (keyof EvidenceFilters)[]).some(
      (name) => name !== 'q' && filters[name] !== defaults[name],
    );
  });

  protected submit(event: Event): void {
    const form = submittedForm(event);
    const read = (name: keyof EvidenceFilters) => rawValueOf(form, name) || null;
    this.apply.emit(
      filtersFromParams({
        q: read('q'),
        type: read('type'),
        elementKey: read('elementKey'),
        stageKey: read('stageKey'),
        status: read('status'),
        visibility: read('visibility'),
        from: read('from'),
        to: read('to'),
        sort: read('sort'),
      }),
    );
  }

  protected clear(): void {
    this.apply.emit({ ...noEvidenceFilters(), q: this.filters().q });
  }
}
