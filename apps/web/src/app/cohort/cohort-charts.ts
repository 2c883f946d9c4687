import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule, type Color, HeatMapModule, ScaleType } from '@swimlane/ngx-charts';

import type { CohortRow } from '@portfolio/contracts';

import { countTicks, domainColumns, domainShare, heatmapSeries, outcomeCountRows, rowLabels } from './cohort-views';

/** Room for each trainee's row of the heatmap and each bar of the outcomes, and for the axes. */
const heatmapRowPx = 30;
const barPx = 36;
const axisPx = 56;

/** From white (nothing signed off or assessed) to NHS dark blue (everything). */
const heatmapScheme: Color = {
  name: 'cohort-coverage',
  selectable: false,
  group: ScaleType.Linear,
  domain: ['#ffffff', '#aed2ef', '#005eb8', '#003087'],
};

const outcomeScheme: Color = {
  name: 'cohort-outcomes',
  selectable: false,
  group: ScaleType.Ordinal,
  domain: ['#005eb8'],
};

/**
 * Two pictures of the cohort: how many trainees have each outcome, across the whole filtered
 * cohort, and a heatmap of each domain's progress for the trainees of this page. Both are
 * pictures of tables given alongside, so screen readers are given the tables and not the SVG.
 */
@Component({
  selector: 'app-cohort-charts',
  imports: [BarChartModule, HeatMapModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <figure class="nhsuk-grid-column-two-thirds app-cohort-figure" aria-labelledby="outcome-chart-caption">
        <figcaption class="nhsuk-heading-s" id="outcome-chart-caption">Outcomes in {{ period() }}</figcaption>
        @if (outcomes().length === 0) {
          <p>No trainees match these filters.</p>
        } @else {
          <div class="app-cohort-figure__canvas" aria-hidden="true" [style.height.px]="outcomeChartHeight()">
            <ngx-charts-bar-horizontal
              [results]="outcomeSeries()"
              [scheme]="outcomeScheme"
              [xAxis]="true"
              [yAxis]="true"
              [showXAxisLabel]="true"
              xAxisLabel="Trainees"
              [showGridLines]="true"
              [trimYAxisTicks]="true"
              [maxYAxisTickLength]="34"
              [wrapTicks]="true"
              [xAxisTickFormatting]="wholeNumber"
              [xAxisTicks]="outcomeTicks()"
              [xScaleMax]="outcomeTicks().at(-1) ?? 1"
              [showDataLabel]="true"
              [barPadding]="10"
              [animations]="false"
              [tooltipDisabled]="true"
            />
          </div>
        }
      </figure>
      <div class="nhsuk-grid-column-one-third">
        <table class="nhsuk-table app-outcome-table">
          <caption class="nhsuk-table__caption nhsuk-table__caption--s">
            Trainees by outcome
          </caption>
          <thead class="nhsuk-table__head">
            <tr class="nhsuk-table__row">
              <th class="nhsuk-table__header" scope="col">Outcome</th>
              <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Trainees</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            @for (outcome of outcomes(); track outcome.key) {
              <tr class="nhsuk-table__row">
                <th class="nhsuk-table__header app-outcome-table__label" scope="row">{{ outcome.label }}</th>
                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ outcome.count }}</td>
              </tr>
            }
            <tr class="nhsuk-table__row">
              <th class="nhsuk-table__header" scope="row">All trainees</th>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ total() }}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>

    @if (rows().length > 0) {
      <figure class="app-cohort-figure" aria-labelledby="heatmap-caption">
        <figcaption class="nhsuk-heading-s" id="heatmap-caption">
          Elements signed off or assessed, by domain, for the trainees on this page
        </figcaption>
        <p class="app-heatmap-key" aria-hidden="true">
          <span>0%</span><span class="app-heatmap-key__scale"></span><span>100%</span>
        </p>
        <div class="app-cohort-figure__canvas" aria-hidden="true" [style.height.px]="heatmapHeight()">
          <ngx-charts-heat-map
            [results]="heatmap()"
            [scheme]="heatmapScheme"
            [xAxis]="true"
            [yAxis]="true"
            [min]="0"
            [max]="100"
            [innerPadding]="2"
            [trimYAxisTicks]="true"
            [maxYAxisTickLength]="24"
            [animations]="false"
            [tooltipDisabled]="true"
          />
        </div>
        <details class="nhsuk-details">
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">Show the heatmap as a table</span>
          </summary>
          <div class="nhsuk-details__text">
            <table class="nhsuk-table nhsuk-table--responsive app-heatmap-table">
              <caption class="nhsuk-table__caption nhsuk-table__caption--s">
                Share of each domain's elements signed off or assessed
              </caption>
              <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                  <th class="nhsuk-table__header" scope="col">Trainee</th>
                  @for (column of columns(); track column.key) {
                    <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
                      Domain {{ column.code }}<span class="nhsuk-u-visually-hidden">, {{ column.title }}</span>
                    </th>
                  }
                </tr>
              </thead>
              <tbody class="nhsuk-table__body">
                @for (row of shareRows(); track row.key) {
                  <tr class="nhsuk-table__row">
                    <th class="nhsuk-table__header" scope="row">{{ row.label }}</th>
                    @for (share of row.shares; track share.key) {
                      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
                        <span class="nhsuk-table__heading" aria-hidden="true">Domain {{ share.code }} </span
                        >{{ share.text }}
                      </td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    }
  `,
})
export class CohortCharts {
  readonly rows = input.required<readonly CohortRow[]>();
  readonly outcomeCounts = input.required<Readonly<Record<string, number>>>();
  readonly period = input.required<string>();

  protected readonly heatmapScheme = heatmapScheme;
  protected readonly outcomeScheme = outcomeScheme;

  protected readonly outcomes = computed(() => outcomeCountRows(this.outcomeCounts()));
  protected readonly total = computed(() => this.outcomes().reduce((sum, outcome) => sum + outcome.count, 0));
  protected readonly outcomeSeries = computed(() =>
    this.outcomes().map((outcome) => ({ name: outcome.label, value: outcome.count })),
  );
  protected readonly outcomeChartHeight = computed(() => this.outcomes().length * barPx + axisPx);
  /** Trainees are counted in whole numbers, with round steps between the ticks. */
  protected readonly outcomeTicks = computed(() =>
    countTicks(Math.max(0, ...this.outcomes().map((outcome) => outcome.count))),
  );
  protected readonly wholeNumber = (value: number): string => String(Math.round(value));

  protected readonly heatmap = computed(() => heatmapSeries(this.rows()));
  protected readonly heatmapHeight = computed(() => this.rows().length * heatmapRowPx + axisPx);
  protected readonly columns = computed(() => domainColumns(this.rows()));
  protected readonly shareRows = computed(() => {
    const labels = rowLabels(this.rows());
    return this.rows().map((row, index) => ({
      key: row.traineeId,
      label: labels[index] ?? row.displayName,
      shares: this.columns().map((column) => {
        const cell = row.domains.find((domain) => domain.key === column.key);
        return { key: column.key, code: column.code, text: cell ? `${domainShare(cell)}%` : 'None' };
      }),
    }));
  });
}
