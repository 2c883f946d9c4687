import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { CohortDomainCell } from '@portfolio/contracts';

import { domainCellText } from './cohort-views';

/** The parts of a domain's column, from the bottom: the statuses that count as progress. */
const filledStatuses = ['signed-off', 'assessed', 'evidenced'] as const;

/**
 * A trainee's domains side by side, each a small column filled from the bottom by the share of
 * its elements signed off, assessed and evidenced. The columns are a picture of the counts,
 * so screen readers are given each domain's counts in words and the picture is hidden.
 */
@Component({
  selector: 'app-domain-strip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="app-domain-strip">
      @for (cell of cells(); track cell.key) {
        <li class="app-domain-strip__domain">
          <span class="app-domain-strip__column" aria-hidden="true">
            @for (part of cell.parts; track part.status) {
              <span
                class="app-domain-strip__part"
                [class]="'app-domain-strip__part--' + part.status"
                [style.height.%]="part.percent"
              ></span>
            }
          </span>
          <span class="app-domain-strip__code" aria-hidden="true">{{ cell.code }}</span>
          <span class="nhsuk-u-visually-hidden">{{ cell.text }}</span>
        </li>
      }
    </ul>
  `,
})
export class DomainStrip {
  readonly domains = input.required<readonly CohortDomainCell[]>();

  protected readonly cells = computed(() =>
    this.domains().map((domain) => ({
      key: domain.key,
      code: domain.code,
      text: domainCellText(domain),
      parts: filledStatuses.map((status) => ({
        status,
        percent: domain.elements > 0 ? (domain.totals[status] / domain.elements) * 100 : 0,
      })),
    })),
  );
}
