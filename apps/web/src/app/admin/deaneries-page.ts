import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { FrameworkStore } from '../frameworks/framework-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { loadedValue } from '../shared/load-state';
import { ServiceProblem } from '../shared/service-problem';
import { AddDeaneryForm } from './add-deanery-form';
import { AddProgrammeForm } from './add-programme-form';
import { AdminStore } from './admin-store';

@Component({
  selector: 'app-deaneries-page',
  imports: [AddDeaneryForm, AddProgrammeForm, ServiceProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (store.deaneries().status) {
      @case ('loaded') {
        <h1>Deaneries and programmes</h1>
        @for (deanery of deaneries(); track deanery.id) {
          <section class="app-domain">
            <h2>
              {{ deanery.name }}
              <span class="nhsuk-caption-m nhsuk-caption--bottom">Code {{ deanery.code }}</span>
            </h2>
            @if (deanery.programmes.length === 0) {
              <p>No programmes yet.</p>
            } @else {
              <dl class="nhsuk-summary-list">
                @for (programme of deanery.programmes; track programme.id) {
                  <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{{ programme.name }}</dt>
                    <dd class="nhsuk-summary-list__value">
                      {{ frameworkTitles().get(programme.frameworkKey) ?? programme.frameworkKey }}
                    </dd>
                  </div>
                }
              </dl>
            }
          </section>
        } @empty {
          <p>There are no deaneries yet. Add the first one below.</p>
        }
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-two-thirds">
            <app-add-deanery-form />
            @if (deaneries().length > 0) {
              <app-add-programme-form [deaneries]="deaneries()" />
            }
          </div>
        </div>
      }
      @case ('failed') {
        <app-service-problem whatFailed="The deaneries could not be loaded" (retry)="store.loadDeaneries()" />
      }
      @case ('not-found') {
        <app-service-problem whatFailed="The deaneries could not be loaded" (retry)="store.loadDeaneries()" />
      }
      @default {
        <h1>Deaneries and programmes</h1>
        <p role="status">Loading deaneries…</p>
      }
    }
  `,
})
export class DeaneriesPage {
  protected readonly store = inject(AdminStore);
  protected readonly deaneries = computed(() => loadedValue(this.store.deaneries()) ?? []);
  private readonly frameworks = inject(FrameworkStore);
  /** Programmes name their framework by key; the frameworks held give its title. */
  protected readonly frameworkTitles = computed(
    () => new Map(this.frameworks.summaries().map((summary) => [summary.key, summary.title])),
  );

  constructor() {
    this.store.loadDeaneries();
    this.frameworks.loadSummaries();
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Administration', link: ['/admin'] },
    ]);
  }
}
