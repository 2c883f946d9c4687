import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { RatingLevelView } from '@portfolio/contracts';

/** The levels a framework rates its elements on, lowest first. */
@Component({
  selector: 'app-rating-scale',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Rating scale</h2>
    <p>Each element is rated at one of {{ levels().length }} levels, from lowest to highest.</p>
    <dl class="nhsuk-summary-list">
      @for (level of levels(); track level.key) {
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">{{ level.title }}</dt>
          <dd class="nhsuk-summary-list__value">{{ level.description }}</dd>
        </div>
      }
    </dl>
  `,
})
export class RatingScale {
  readonly scale = input.required<RatingLevelView[]>();
  protected readonly levels = computed(() =>
    [...this.scale()].sort((first, second) => first.sequence - second.sequence),
  );
}
