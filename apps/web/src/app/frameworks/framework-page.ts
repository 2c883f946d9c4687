import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { CountPipe } from '../shared/count.pipe';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { ElementCard } from './element-card';
import { FrameworkNotFound } from './framework-not-found';
import { FrameworkStore } from './framework-store';
import { RatingScale } from './rating-scale';
import { StagePicker } from './stage-picker';

@Component({
  selector: 'app-framework-page',
  imports: [CountPipe, ElementCard, FrameworkNotFound, RatingScale, ServiceProblem, StagePicker],
  templateUrl: './framework-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkPage {
  /** From the route, /frameworks/:frameworkKey. */
  readonly frameworkKey = input.required<string>();
  /** From the query, ?stage=<stage key>, so that the chosen stage survives a reload. */
  readonly stage = input<string>();

  protected readonly store = inject(FrameworkStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly status = computed(() => this.store.frameworkStatusFor(this.frameworkKey()));
  protected readonly descriptionParagraphs = computed(() =>
    (this.store.framework()?.description ?? '').split(/\n\s*\n/).filter((paragraph) => paragraph.trim()),
  );
  protected readonly isGroupedInDomains = computed(() => (this.store.framework()?.domains.length ?? 0) > 0);
  protected readonly elementCount = computed(() => this.store.selectedStageCoverage()?.totalElements ?? 0);

  private readonly pageTitle = computed(() => {
    switch (this.status()) {
      case 'loaded': {
        const framework = this.store.framework();
        const stage = this.store.selectedStage();
        if (!framework || !stage) {
          return null;
        }
        // With several stages the title names the chosen one, as the address does.
        return this.store.stages().length > 1 ? `${framework.title}: ${stage.title}` : framework.title;
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
    effect(() => this.store.chooseStage(this.stage() ?? null));
    usePageTitle(() => this.pageTitle());
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
  }

  /** The stage goes into the address, so it can be linked to and survives a reload. */
  protected showStage(stageKey: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { stage: stageKey },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected retry(): void {
    this.store.openFramework(this.frameworkKey());
  }
}
