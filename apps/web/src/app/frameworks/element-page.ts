import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';

import { type Breadcrumb, useBreadcrumbs } from '../shared/breadcrumbs';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { FrameworkNotFound } from './framework-not-found';
import { FrameworkStore } from './framework-store';

/** One element of a framework: what it is and what is expected of it at every stage. */
@Component({
  selector: 'app-element-page',
  imports: [FrameworkNotFound, RouterLink, ServiceProblem],
  templateUrl: './element-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ElementPage {
  /** From the route, /frameworks/:frameworkKey/elements/:elementKey. */
  readonly frameworkKey = input.required<string>();
  readonly elementKey = input.required<string>();

  protected readonly store = inject(FrameworkStore);

  protected readonly frameworkStatus = computed(() => this.store.frameworkStatusFor(this.frameworkKey()));
  protected readonly details = computed(() =>
    this.frameworkStatus() === 'loaded' ? this.store.elementDetails(this.elementKey()) : null,
  );
  protected readonly stagesApplying = computed(() =>
    (this.details()?.outcomesByStage ?? []).map((outcomes) => outcomes.stage.title).join(', '),
  );
  protected readonly stagesNotApplying = computed(() =>
    (this.details()?.stagesNotApplying ?? []).map((stage) => stage.title).join(', '),
  );
  /** Back to the framework at the stage the reader last chose there. */
  protected readonly frameworkQueryParams = computed(() => {
    const stage = this.store.chosenStageKey();
    return stage ? { stage } : {};
  });

  private readonly breadcrumbs = computed<Breadcrumb[]>(() => {
    const home: Breadcrumb = { label: 'Home', link: ['/'] };
    const framework = this.store.framework();
    return this.frameworkStatus() === 'loaded' && framework
      ? [
          home,
          {
            label: framework.title,
            link: ['/frameworks', framework.key],
            queryParams: this.frameworkQueryParams(),
          },
        ]
      : [home];
  });

  private readonly pageTitle = computed(() => {
    switch (this.frameworkStatus()) {
      case 'loaded': {
        const details = this.details();
        const framework = this.store.framework();
        return details && framework
          ? `${details.element.code} ${details.element.title}: ${framework.title}`
          : 'Element not found';
      }
      case 'not-found':
        return 'Framework not found';
      case 'failed':
        return 'Sorry, there is a problem with the service';
      case 'idle':
      case 'loading':
        return null;
    }
  });

  constructor() {
    effect(() => {
      const key = this.frameworkKey();
      untracked(() => this.store.openFramework(key));
    });
    usePageTitle(() => this.pageTitle());
    useBreadcrumbs(() => this.breadcrumbs());
  }

  protected retry(): void {
    this.store.openFramework(this.frameworkKey());
  }
}
