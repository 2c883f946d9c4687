import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';

import { type ChartSeries, type DomainCoverage, chartColours } from './progress-views';

/**
 * The coverage chart's drawing: ngx-charts and d3, with Angular's animation engine behind them,
 * in a chunk of their own that loads after the page's numbers are on screen.
 */
@Component({
  selector: 'app-coverage-bars',
  imports: [BarChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ngx-charts-bar-horizontal-stacked
      [results]="series()"
      [customColors]="colours"
      [xAxis]="true"
      [yAxis]="true"
      [showXAxisLabel]="true"
      xAxisLabel="Elements"
      [showGridLines]="true"
      [trimYAxisTicks]="true"
      [wrapTicks]="true"
      [maxYAxisTickLength]="20"
      [xAxisTicks]="wholeNumberTicks()"
      [xAxisTickFormatting]="wholeNumber"
      [barPadding]="12"
      [animations]="false"
      [tooltipDisabled]="true"
      [noBarWhenZero]="true"
    />
  `,
})
export class CoverageBars {
  readonly series = input.required<ChartSeries[]>();
  readonly rows = input.required<DomainCoverage[]>();

  protected readonly colours = chartColours();
  /** Elements are counted in whole numbers: 0 to the largest domain, fewer when there are many. */
  protected readonly wholeNumberTicks = computed(() => {
    const largest = Math.max(1, ...this.rows().map((row) => row.elements));
    const step = Math.ceil(largest / 8);
    return Array.from({ length: Math.floor(largest / step) + 1 }, (_, index) => index * step);
  });
  protected readonly wholeNumber = (value: number): string => String(Math.round(value));
}
