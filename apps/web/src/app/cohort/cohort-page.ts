import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';

import { type CohortSort, apiRoutes } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { type FormProblem, problemsFromApi } from '../shared/form-problems';
import { ServiceProblem } from '../shared/service-problem';
import { formatCount } from './batch-views';
import { CohortCharts } from './cohort-charts';
import { CohortFilterForm } from './cohort-filter-form';
import { CohortPagination } from './cohort-pagination';
import {
  type CohortFilters,
  exportQuery,
  filtersFromParams,
  filtersToQueryParams,
  pageCount,
  sortedBy,
} from './cohort-query';
import { CohortStore } from './cohort-store';
import { CohortTable } from './cohort-table';

/**
 * The deanery's trainees at a glance: filtered, sorted and paged by the API, with their
 * outcomes and progress by domain, a CSV of the whole filtered table, and a way to produce
 * everyone's progression reports at once.
 */
@Component({
  selector: 'app-cohort-page',
  imports: [CohortCharts, CohortFilterForm, CohortPagination, CohortTable, ErrorSummary, ServiceProblem],
  templateUrl: './cohort-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CohortPage {
  /** Query parameters: the filters, order and page, so that a view of the cohort can be shared. */
  readonly stageKey = input<string>();
  readonly grade = input<string>();
  readonly period = input<string>();
  readonly sort = input<string>();
  readonly direction = input<string>();
  readonly page = input<string>();

  protected readonly store = inject(CohortStore);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);

  /** Reviews, reports and batches are for those who manage progression; the table is for all who read the cohort. */
  protected readonly canManage = computed(() => this.session.hasPermission('progression:manage'));
  protected readonly batchProblems = signal<FormProblem[]>([]);
  protected readonly startingBatch = signal(false);

  protected readonly filters = computed<CohortFilters>(() =>
    filtersFromParams({
      stageKey: this.stageKey(),
      grade: this.grade(),
      period: this.period(),
      sort: this.sort(),
      direction: this.direction(),
      page: this.page(),
    }),
  );
  protected readonly exportUrl = computed(() => `${apiRoutes.cohortExport}?${exportQuery(this.filters())}`);
  protected readonly pages = computed(() => {
    const cohort = this.store.cohort();
    return cohort ? pageCount(cohort.total, cohort.pageSize) : 1;
  });
  /** "Trainees 26 to 50 of 1,000". */
  protected readonly shownText = computed(() => {
    const cohort = this.store.cohort();
    if (!cohort || cohort.rows.length === 0) {
      return '';
    }
    const first = (cohort.page - 1) * cohort.pageSize + 1;
    const last = first + cohort.rows.length - 1;
    return `Trainees ${formatCount(first)} to ${formatCount(last)} of ${formatCount(cohort.total)}`;
  });
  protected readonly totalText = computed(() => {
    const total = this.store.cohort()?.total ?? 0;
    return `${formatCount(total)} ${total === 1 ? 'trainee' : 'trainees'}`;
  });

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => this.store.open(filters));
    });
    this.store.loadStages();
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
  }

  protected applyFilters(filters: CohortFilters): void {
    this.show(filters);
  }

  protected sortBy(sort: CohortSort): void {
    this.show(sortedBy(this.filters(), sort));
  }

  protected retry(): void {
    this.store.open(this.filters());
  }

  protected async startBatch(): Promise<void> {
    if (this.startingBatch()) {
      return;
    }
    this.startingBatch.set(true);
    this.batchProblems.set([]);
    try {
      const batch = await this.store.startBatch(this.filters());
      await this.router.navigate(['/cohort/batches', batch.id]);
    } catch (error: unknown) {
      this.batchProblems.set(problemsFromApi(error, []));
    } finally {
      this.startingBatch.set(false);
    }
  }

  private show(filters: CohortFilters): void {
    void this.router.navigate([], { queryParams: filtersToQueryParams(filters) });
  }
}
