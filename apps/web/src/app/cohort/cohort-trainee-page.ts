import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { type ProgressionReportView, apiRoutes, isReviewPeriod, trainingYearOf } from '@portfolio/contracts';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import {
  FieldErrorPipe,
  type FormProblem,
  problemsFromApi,
  submittedForm,
  trimmedValueOf,
} from '../shared/form-problems';
import { LabelOfKeyPipe } from '../shared/label-of-key.pipe';
import { NotificationBanner } from '../shared/notification-banner';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { TextField } from '../shared/text-field';
import { FileDownloader } from './file-downloader';
import { OutcomeTag } from './outcome-tag';
import { ReviewStore } from './review-store';
import { currentTrainingRecord, localIsoDate, reviewStatusTag } from './review-views';

/**
 * One trainee's progression, for the deanery: their reviews, a way to record a new one, and
 * their progression reports, each issued with a code anyone can check at /verify.
 */
@Component({
  selector: 'app-cohort-trainee-page',
  imports: [
    DatePipe,
    ErrorSummary,
    FieldErrorPipe,
    LabelOfKeyPipe,
    NotificationBanner,
    OutcomeTag,
    RouterLink,
    ServiceProblem,
    TextField,
  ],
  templateUrl: './cohort-trainee-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CohortTraineePage {
  /** From the route, /cohort/trainees/:traineeId. */
  readonly traineeId = input.required<string>();

  protected readonly store = inject(ReviewStore);
  private readonly downloader = inject(FileDownloader);
  private readonly injector = inject(Injector);
  private readonly issuedBanner = viewChild<ElementRef<HTMLElement>>('issuedBanner');

  protected readonly statusTag = reviewStatusTag;
  protected readonly reportProblems = signal<FormProblem[]>([]);
  protected readonly issuing = signal(false);
  protected readonly issued = signal<ProgressionReportView | null>(null);

  protected readonly record = computed(() => {
    const trainee = this.store.trainee();
    return trainee ? currentTrainingRecord(trainee, localIsoDate()) : null;
  });
  /** The period of the latest review, which is most often the one a report is wanted for. */
  protected readonly reportPeriod = computed(() => this.store.reviews()[0]?.period ?? trainingYearOf(new Date()));

  private readonly pageTitle = computed(() => {
    switch (this.store.status()) {
      case 'loaded':
        return this.store.trainee()?.displayName ?? null;
      case 'not-found':
        return 'Trainee not found';
      case 'failed':
        return 'Sorry, there is a problem with the service';
      case 'idle':
      case 'loading':
        return null;
    }
  });

  constructor() {
    effect(() => {
      const id = this.traineeId();
      untracked(() => {
        this.issued.set(null);
        void this.store.open(id);
      });
    });
    usePageTitle(() => this.pageTitle());
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Cohort', link: ['/cohort'] },
    ]);
  }

  protected pdfUrl(report: ProgressionReportView): string {
    return apiRoutes.reportPdf(report.id);
  }

  /** Issues a new report for the period and saves its PDF, then shows the code that verifies it. */
  protected async issueReport(event: Event): Promise<void> {
    const period = trimmedValueOf(submittedForm(event), 'reportPeriod');
    if (this.issuing()) {
      return;
    }
    if (!isReviewPeriod(period)) {
      this.reportProblems.set([
        { field: 'reportPeriod', message: 'Enter the review period as a training year, such as 2026-27' },
      ]);
      return;
    }
    this.issuing.set(true);
    this.reportProblems.set([]);
    this.issued.set(null);
    try {
      const report = await this.store.issueReport(this.traineeId(), period);
      this.issued.set(report);
      this.downloader.download(this.pdfUrl(report));
      afterNextRender(() => this.issuedBanner()?.nativeElement.focus(), { injector: this.injector });
    } catch (error: unknown) {
      this.reportProblems.set(problemsFromApi(error, { period: 'reportPeriod' }));
    } finally {
      this.issuing.set(false);
    }
  }

  protected retry(): void {
    void this.store.open(this.traineeId());
  }
}
