import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { StatusTotalsView } from '@portfolio/contracts';

import { progressStatusLabels, progressStatuses } from './progress-views';

/**
 * A trainee's coverage of a stage in one compact bar: signed off, assessed, evidenced and not
 * started, out of the stage's elements. The bar is a picture of the counts listed under it,
 * so screen readers are given the list and the bar is hidden from them.
 */
@Component({
  selector: 'app-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (elementCount() > 0) {
      <div class="app-progress-bar" aria-hidden="true">
        @for (segment of segments(); track segment.status) {
          <span
            class="app-progress-bar__segment"
            [class]="'app-progress-bar__segment--' + segment.status"
            [style.width.%]="segment.percent"
          ></span>
        }
      </div>
      <ul class="app-progress-key">
        @for (segment of segments(); track segment.status) {
          <li class="app-progress-key__item">
            <span
              class="app-chart-legend__swatch"
              [class]="'app-chart-legend__swatch--' + segment.status"
              aria-hidden="true"
            ></span>
            {{ segment.text }}
          </li>
        }
      </ul>
      <p class="app-progress-key__total">of {{ elementCount() }} {{ elementCount() === 1 ? 'element' : 'elements' }}</p>
    } @else {
      <p class="app-progress-key__total">No elements at this stage</p>
    }
  `,
})
export class ProgressBar {
  readonly totals = input.required<StatusTotalsView>();
  readonly elementCount = input.required<number>();

  protected readonly segments = computed(() => {
    const totals = this.totals();
    const count = this.elementCount();
    return progressStatuses.map((status) => ({
      status,
      percent: count > 0 ? (totals[status] / count) * 100 : 0,
      text: `${totals[status]} ${progressStatusLabels[status].toLowerCase()}`,
    }));
  });
}
