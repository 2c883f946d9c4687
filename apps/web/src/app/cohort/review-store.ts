import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type CreateProgressionReviewRequest,
  type EvidencePage,
  type EvidenceSummary,
  type ProgressionReportView,
  type ProgressionReviewView,
  type TraineeView,
  type UpdateProgressionReviewRequest,
  apiRoutes,
} from '@portfolio/contracts';

import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';

/** Everything the panel's pages show of one trainee. */
export interface TraineeProgression {
  trainee: TraineeView;
  /** Newest first, as the API lists them. */
  reviews: ProgressionReviewView[];
  reports: ProgressionReportView[];
  /** Evidence the trainee made visible to the panel, which a review may cite. */
  evidence: EvidenceSummary[];
}

/** The panel cites at most this much evidence from a list; more than enough for a year's review. */
const evidenceLimit = 100;

/**
 * One trainee's progression for the deanery: their reviews (drafts, finalised ones and the
 * corrections that amend them) and the reports issued from them. Every change answers with
 * the review as it now stands, which replaces the one held.
 */
@Injectable({ providedIn: 'root' })
export class ReviewStore {
  private readonly http = inject(HttpClient);

  private readonly state = signal<LoadState<TraineeProgression>>({ status: 'idle' });
  /** Answers to an earlier open that arrive late are dropped. */
  private opened = 0;
  private openTraineeId: string | null = null;

  readonly status = computed(() => this.state().status);
  readonly progression = computed(() => loadedValue(this.state()));
  readonly trainee = computed(() => this.progression()?.trainee ?? null);
  readonly reviews = computed(() => this.progression()?.reviews ?? []);
  readonly reports = computed(() => this.progression()?.reports ?? []);
  readonly evidence = computed(() => this.progression()?.evidence ?? []);

  /** Loads the trainee afresh; `quietly` keeps what is on screen for the same trainee until the answer comes. */
  async open(traineeId: string, { quietly = false } = {}): Promise<void> {
    const opening = ++this.opened;
    if (!quietly || this.openTraineeId !== traineeId || this.state().status !== 'loaded') {
      this.state.set({ status: 'loading' });
    }
    this.openTraineeId = traineeId;
    try {
      const [trainee, reviews, reports, evidence] = await Promise.all([
        firstValueFrom(this.http.get<TraineeView>(apiRoutes.trainee(traineeId))),
        firstValueFrom(this.http.get<ProgressionReviewView[]>(apiRoutes.traineeReviews(traineeId))),
        firstValueFrom(this.http.get<ProgressionReportView[]>(apiRoutes.traineeReports(traineeId))),
        this.panelEvidence(traineeId),
      ]);
      if (opening === this.opened) {
        this.state.set({ status: 'loaded', value: { trainee, reviews, reports, evidence } });
      }
    } catch (error: unknown) {
      if (opening === this.opened) {
        this.state.set(failedLoad(error));
      }
    }
  }

  review(id: string): ProgressionReviewView | null {
    return this.reviews().find((review) => review.id === id) ?? null;
  }

  async createReview(traineeId: string, request: CreateProgressionReviewRequest): Promise<ProgressionReviewView> {
    const review = await firstValueFrom(
      this.http.post<ProgressionReviewView>(apiRoutes.traineeReviews(traineeId), request),
    );
    this.keep(review);
    return review;
  }

  async updateReview(id: string, request: UpdateProgressionReviewRequest): Promise<ProgressionReviewView> {
    const review = await firstValueFrom(this.http.patch<ProgressionReviewView>(apiRoutes.review(id), request));
    this.keep(review);
    return review;
  }

  async finaliseReview(id: string, version: number): Promise<ProgressionReviewView> {
    const review = await firstValueFrom(
      this.http.post<ProgressionReviewView>(apiRoutes.reviewFinalisation(id), { version }),
    );
    this.keep(review);
    return review;
  }

  /** Starts a draft that amends a finalised review; the finalised one now names it. */
  async correctReview(id: string, reason: string): Promise<ProgressionReviewView> {
    const correction = await firstValueFrom(
      this.http.post<ProgressionReviewView>(apiRoutes.reviewCorrections(id), { reason }),
    );
    this.keep(correction);
    const amended = this.review(id);
    if (amended) {
      this.keep({ ...amended, amendedBy: correction.id });
    }
    return correction;
  }

  /** Issues a new report for the period; each one has its own verification code. */
  async issueReport(traineeId: string, period: string): Promise<ProgressionReportView> {
    const report = await firstValueFrom(
      this.http.post<ProgressionReportView>(apiRoutes.traineeReports(traineeId), { period }),
    );
    this.update((progression) => ({ ...progression, reports: [report, ...progression.reports] }));
    return report;
  }

  /** Puts the review as the API now has it in place of the one held, or first for a new one. */
  keep(review: ProgressionReviewView): void {
    this.update((progression) => {
      const known = progression.reviews.some((held) => held.id === review.id);
      const reviews = known
        ? progression.reviews.map((held) => (held.id === review.id ? review : held))
        : [review, ...progression.reviews];
      return { ...progression, reviews };
    });
  }

  private update(change: (progression: TraineeProgression) => TraineeProgression): void {
    this.state.update((state) =>
      state.status === 'loaded' ? { status: 'loaded', value: change(state.value) } : state,
    );
  }

  /** Evidence is a help to the panel, not a need: without it the review can still be recorded. */
  private async panelEvidence(traineeId: string): Promise<EvidenceSummary[]> {
    const params = new HttpParams()
      .set('traineeId', traineeId)
      .set('visibility', 'panel')
      .set('sort', 'occurred-desc')
      .set('limit', evidenceLimit);
    try {
      const page = await firstValueFrom(this.http.get<EvidencePage>(apiRoutes.evidence, { params }));
      return page.items;
    } catch {
      return [];
    }
  }
}
