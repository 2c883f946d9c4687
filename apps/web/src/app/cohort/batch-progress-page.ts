import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { apiRoutes } from '@portfolio/contracts';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { batchProgressText, formatCount, percentProcessed, reportsProcessed } from './batch-views';
import { CohortStore } from './cohort-store';

/**
 * How far a batch of progression reports has got: a progress bar that the page keeps up to
 * date until the batch has finished, the reports that could not be made, and the ZIP.
 */
@Component({
  selector: 'app-batch-progress-page',
  imports: [DatePipe, RouterLink, ServiceProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (store.batchStatus()) {
      @case ('loaded') {
        @if (store.batch(); as batch) {
          <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
              <span class="nhsuk-caption-l">Review period {{ batch.period }}</span>
              <h1>{{ heading() }}</h1>

              <div
                class="app-batch-progress"
                role="progressbar"
                aria-label="Reports produced"
                aria-valuemin="0"
                [attr.aria-valuemax]="batch.total"
                [attr.aria-valuenow]="processed()"
                [attr.aria-valuetext]="progressText()"
              >
                <div class="app-batch-progress__bar" [style.width.%]="percent()"></div>
              </div>
              <p class="app-batch-progress__text">{{ progressText() }}</p>
              <!-- Announced once at the end: a live count every second and a half would drown out everything else. -->
              <p class="nhsuk-u-visually-hidden" role="status">{{ finishedAnnouncement() }}</p>
              @if (store.batchCheckProblem()) {
                <p class="app-secondary-text">The progress could not be checked just now. Trying again…</p>
              }

              @switch (batch.status) {
                @case ('finished') {
                  <div class="nhsuk-inset-text">
                    <span class="nhsuk-u-visually-hidden">Information: </span>
                    <p>
                      Finished {{ batch.finishedAt | date: "d MMMM y 'at' HH:mm" }}. The ZIP file holds each trainee's
                      report as a PDF and a summary of the cohort, cohort-summary.pdf.
                    </p>
                  </div>
                  @if (batch.downloadReady) {
                    <a class="nhsuk-button" [href]="zipUrl()" download>Download ZIP</a>
                  }
                }
                @case ('failed') {
                  <div class="nhsuk-error-summary" tabindex="-1">
                    <h2 class="nhsuk-error-summary__heading">The reports could not all be produced</h2>
                    <div class="nhsuk-error-summary__body">
                      <p>The batch stopped. Try producing the reports again from the cohort.</p>
                    </div>
                  </div>
                }
                @default {
                  <p>You can leave this page and come back to its address later: the reports go on being produced.</p>
                }
              }

              @if (batch.failures.length > 0) {
                <h2>{{ failuresHeading() }}</h2>
                <ul class="nhsuk-list nhsuk-list--bullet">
                  @for (failure of batch.failures; track failure.traineeId) {
                    <li>
                      <a [routerLink]="['/cohort/trainees', failure.traineeId]">{{ failure.traineeName }}</a
                      >:
                      {{ failure.error }}
                    </li>
                  }
                </ul>
              }

              <p><a routerLink="/cohort">Back to the cohort</a></p>
            </div>
          </div>
        }
      }
      @case ('not-found') {
        <h1>Reports not found</h1>
        <p>There is no batch of reports at this address for you to see.</p>
        <p><a routerLink="/cohort">Go to the cohort</a>.</p>
      }
      @case ('failed') {
        <app-service-problem whatFailed="The progress of the reports could not be loaded" (retry)="watch()" />
      }
      @default {
        <h1>Progression reports</h1>
        <p role="status">Checking how far the reports have got…</p>
      }
    }
  `,
})
export class BatchProgressPage {
  /** From the route, /cohort/batches/:batchId. */
  readonly batchId = input.required<string>();

  protected readonly store = inject(CohortStore);

  protected readonly processed = computed(() => {
    const batch = this.store.batch();
    return batch ? reportsProcessed(batch) : 0;
  });
  protected readonly percent = computed(() => {
    const batch = this.store.batch();
    return batch ? percentProcessed(batch) : 0;
  });
  protected readonly progressText = computed(() => {
    const batch = this.store.batch();
    return batch ? batchProgressText(batch) : '';
  });
  protected readonly heading = computed(() => {
    switch (this.store.batch()?.status) {
      case 'finished':
        return 'Progression reports ready';
      case 'failed':
        return 'Progression reports stopped';
      case 'queued':
      case 'running':
      case undefined:
        return 'Producing progression reports';
    }
  });
  protected readonly failuresHeading = computed(() => {
    const failed = this.store.batch()?.failed ?? 0;
    return `${formatCount(failed)} ${failed === 1 ? 'report' : 'reports'} could not be produced`;
  });
  protected readonly finishedAnnouncement = computed(() => {
    switch (this.store.batch()?.status) {
      case 'finished':
        return 'The reports are ready to download.';
      case 'failed':
        return 'The reports stopped before they were all produced.';
      case 'queued':
      case 'running':
      case undefined:
        return '';
    }
  });
  protected readonly zipUrl = computed(() => apiRoutes.reportBatchZip(this.batchId()));

  constructor() {
    effect(() => {
      const id = this.batchId();
      untracked(() => this.store.watchBatch(id));
    });
    inject(DestroyRef).onDestroy(() => this.store.stopWatchingBatch());
    usePageTitle(() => (this.store.batchStatus() === 'loaded' ? this.heading() : null));
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Cohort', link: ['/cohort'] },
    ]);
  }

  protected watch(): void {
    this.store.watchBatch(this.batchId());
  }
}
