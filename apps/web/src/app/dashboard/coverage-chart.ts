import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { CoverageBars } from './coverage-bars';
import { type ChartSeries, type DomainCoverage, progressStatusLabels, progressStatuses } from './progress-views';

/** Room for each domain's bar, and for the axis below them, kept while the drawing loads. */
const barHeightPx = 44;
const axisHeightPx = 56;

/**
 * Coverage per domain as a stacked bar chart, with the same numbers in a table. The chart is a
 * picture of the table, so screen readers are given the table and the SVG is hidden from them.
 */
@Component({
  selector: 'app-coverage-chart',
  imports: [CoverageBars],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="app-coverage-chart" aria-labelledby="coverage-chart-caption">
      <figcaption class="nhsuk-heading-s" id="coverage-chart-caption">{{ caption() }}</figcaption>
      <ul class="app-chart-legend" aria-hidden="true">
        @for (status of statuses; track status) {
          <li class="app-chart-legend__item">
            <span class="app-chart-legend__swatch" [class]="'app-chart-legend__swatch--' + status"></span>
            {{ labels[status] }}
          </li>
        }
      </ul>
      <div class="app-coverage-chart__canvas" aria-hidden="true" [style.height.px]="chartHeight()">
        <!-- The table below carries the numbers. The drawing (d3 and ngx-charts) loads when it scrolls
             into view, which on a phone is below the first screen. -->
        @defer (on viewport) {
          <app-coverage-bars [series]="series()" [rows]="rows()" />
        } @placeholder {
          <div class="app-coverage-chart__placeholder"></div>
        }
      </div>
      <table class="nhsuk-table nhsuk-table--responsive app-coverage-table">
        <caption class="nhsuk-table__caption nhsuk-table__caption--s">
          Elements by domain and status
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Domain</th>
            @for (status of statuses; track status) {
              <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">{{ labels[status] }}</th>
            }
            <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Elements</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (row of rows(); track row.key) {
            <tr class="nhsuk-table__row">
              <th class="nhsuk-table__header app-coverage-table__domain" scope="row">
                <span class="nhsuk-table__heading" aria-hidden="true">Domain </span>{{ row.label }}
              </th>
              @for (status of statuses; track status) {
                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
                  <span class="nhsuk-table__heading" aria-hidden="true">{{ labels[status] }} </span
                  >{{ row.totals[status] }}
                </td>
              }
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
                <span class="nhsuk-table__heading" aria-hidden="true">Elements </span>{{ row.elements }}
              </td>
            </tr>
          }
          <!-- Totals as a last row rather than a footer, so that phones stack it like the others. -->
          <tr class="nhsuk-table__row app-coverage-table__totals">
            <th class="nhsuk-table__header" scope="row">All domains</th>
            @for (status of statuses; track status) {
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric" [attr.data-status]="status">
                <span class="nhsuk-table__heading" aria-hidden="true">{{ labels[status] }} </span>{{ totals()[status] }}
              </td>
            }
            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
              <span class="nhsuk-table__heading" aria-hidden="true">Elements </span>{{ elementCount() }}
            </td>
          </tr>
        </tbody>
      </table>
    </figure>
  `,
})
export class CoverageChart {
  readonly caption = input.required<string>();
  readonly series = input.required<ChartSeries[]>();
  readonly rows = input.required<DomainCoverage[]>();
  /** The stage's totals as the API gave them. */
  readonly totals = input.required<Record<(typeof progressStatuses)[number], number>>();

  protected readonly statuses = progressStatuses;
  protected readonly labels = progressStatusLabels;
  protected readonly chartHeight = computed(() => this.series().length * barHeightPx + axisHeightPx);
  protected readonly elementCount = computed(() =>
    this.statuses.reduce((count, status) => count + this.totals()[status], 0),
  );
}
