import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { SessionStore } from '../auth/session-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { CountPipe } from '../shared/count.pipe';
import { NotificationBanner } from '../shared/notification-banner';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { pickableElements } from './element-search';
import { EvidenceFilterForm } from './evidence-filter-form';
import { type EvidenceFilters, filtersFromParams, filtersToQueryParams, hasNarrowingFilters } from './evidence-filters';
import { EvidenceStatusPipe, EvidenceStatusTagPipe, EvidenceTypePipe, VisibilityPipe } from './evidence-labels';
import { EvidenceStore } from './evidence-store';
import { PortfolioDownload } from './portfolio-download';

/** The evidence log: a trainee's own, or what a supervisor or the panel may read, searched and filtered. */
@Component({
  selector: 'app-evidence-list-page',
  imports: [
    CountPipe,
    DatePipe,
    EvidenceFilterForm,
    EvidenceStatusPipe,
    EvidenceStatusTagPipe,
    EvidenceTypePipe,
    NotificationBanner,
    PortfolioDownload,
    RouterLink,
    ServiceProblem,
    VisibilityPipe,
  ],
  templateUrl: './evidence-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceListPage {
  /** Query parameters: the filters, so that a filtered list can be linked to and survives going back. */
  readonly q = input<string>();
  readonly type = input<string>();
  readonly elementKey = input<string>();
  readonly stageKey = input<string>();
  readonly status = input<string>();
  readonly visibility = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly sort = input<string>();
  /** Someone else's log, for their supervisor or the panel. */
  readonly traineeId = input<string>();
  /** The title of an item just deleted, to say so. */
  readonly deleted = input<string>();

  protected readonly store = inject(EvidenceStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly canWrite = computed(() => this.session.hasPermission('evidence:write'));
  /** Whose log this is: someone else's when asked for, otherwise the trainee's own. */
  private readonly logOwner = computed(() => this.traineeId() ?? (this.canWrite() ? this.session.user()?.id : null));
  protected readonly isOwnLog = computed(() => this.canWrite() && !this.traineeId());
  protected readonly ownId = computed(() => (this.isOwnLog() ? (this.session.user()?.id ?? null) : null));
  protected readonly heading = computed(() => (this.isOwnLog() ? 'My evidence' : 'Evidence'));

  protected readonly filters = computed<EvidenceFilters>(() =>
    filtersFromParams({
      q: this.q(),
      type: this.type(),
      elementKey: this.elementKey(),
      stageKey: this.stageKey(),
      status: this.status(),
      visibility: this.visibility(),
      from: this.from(),
      to: this.to(),
      sort: this.sort(),
    }),
  );
  protected readonly isFiltered = computed(() => hasNarrowingFilters(this.filters()));
  protected readonly allElements = computed(() => {
    const context = this.store.context();
    return context ? pickableElements(context.framework, null) : [];
  });
  protected readonly stages = computed(() => this.store.context()?.stages ?? []);

  constructor() {
    effect(() => {
      const filters = this.filters();
      const traineeId = this.traineeId() ?? null;
      untracked(() => this.store.openList(filters, traineeId));
    });
    effect(() => {
      const owner = this.logOwner() ?? null;
      untracked(() => this.store.loadContext(owner));
    });
    usePageTitle(() => this.heading());
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
  }

  protected applyFilters(filters: EvidenceFilters): void {
    void this.router.navigate(['/evidence'], {
      queryParams: { ...filtersToQueryParams(filters), traineeId: this.traineeId() ?? null },
    });
  }

  protected retry(): void {
    this.store.openList(this.filters(), this.traineeId() ?? null);
  }
}
