import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type Observable, type Subscription, firstValueFrom } from 'rxjs';

import {
  type AssessmentPage,
  type AssessmentSummary,
  type ElementSignOffView,
  type EvidencePage,
  type EvidenceSummary,
  type ProgressView,
  type SignOffElementRequest,
  type TraineePage,
  type TraineeSummary,
  type TraineeView,
  apiRoutes,
} from '@portfolio/contracts';

import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';
import { PagedLoader } from '../shared/paged-list';
import { citableAssessments, latestSignOffRecords } from './sign-off-views';

/** A trainee's elements at their current stage, with every sign-off and withdrawal recorded for them. */
export interface TraineeElements {
  progress: ProgressView;
  history: ElementSignOffView[];
}

/** What a supervisor may cite when signing off an element: evidence linked to it, and signed assessments. */
export interface CitableWork {
  evidence: EvidenceSummary[];
  assessments: AssessmentSummary[];
}

/** Lists are read whole for the sign-off form, a page of this many at a time, up to a limit. */
const largestPage = 100;
const mostPages = 10;

/**
 * The trainees feature's state: the trainees the user may see, a page at a time; the one being
 * looked at, with their elements and sign-offs; and the work a supervisor may cite to sign one
 * off. Everything is fetched afresh whenever a page opens, so nothing outlives its session.
 */
@Injectable({ providedIn: 'root' })
export class TraineeStore {
  private readonly http = inject(HttpClient);

  private readonly pages = new PagedLoader<TraineeSummary>((cursor) => this.fetchPage(cursor));
  private readonly traineeState = signal<LoadState<TraineeView>>({ status: 'idle' });
  private readonly elementsState = signal<LoadState<TraineeElements>>({ status: 'idle' });
  private readonly citableState = signal<LoadState<CitableWork>>({ status: 'idle' });
  private traineeRequest: Subscription | null = null;
  /** Answers to an earlier open that arrive late are dropped. */
  private elementsOpened = 0;
  private citableOpened = 0;

  readonly list = this.pages.list;
  readonly hasMore = computed(() => this.pages.list().nextCursor !== null);
  readonly traineeStatus = computed(() => this.traineeState().status);
  readonly trainee = computed(() => loadedValue(this.traineeState()));
  readonly elementsStatus = computed(() => this.elementsState().status);
  readonly elements = computed(() => loadedValue(this.elementsState()));
  /** Each element's latest sign-off record at the trainee's current stage. */
  readonly latestSignOffs = computed(() => {
    const elements = this.elements();
    return elements
      ? latestSignOffRecords(elements.history, elements.progress.stage)
      : new Map<string, ElementSignOffView>();
  });
  readonly citableStatus = computed(() => this.citableState().status);
  readonly citable = computed(() => loadedValue(this.citableState()));

  openList(): void {
    this.pages.open();
  }

  loadMore(): void {
    this.pages.loadMore();
  }

  openTrainee(id: string): void {
    this.traineeRequest?.unsubscribe();
    this.traineeState.set({ status: 'loading' });
    this.traineeRequest = this.http.get<TraineeView>(apiRoutes.trainee(id)).subscribe({
      next: (trainee) => this.traineeState.set({ status: 'loaded', value: trainee }),
      error: (error: unknown) => this.traineeState.set(failedLoad(error)),
    });
  }

  /**
   * The trainee's progress at their current stage and their sign-off history. `quietly` keeps
   * what is on screen until the answer comes, so that a form in progress is not lost.
   */
  async openElements(traineeId: string, { quietly = false } = {}): Promise<TraineeElements | null> {
    const opening = ++this.elementsOpened;
    if (!quietly || this.elementsState().status !== 'loaded') {
      this.elementsState.set({ status: 'loading' });
    }
    try {
      const [progress, history] = await Promise.all([
        firstValueFrom(this.http.get<ProgressView>(apiRoutes.traineeProgress(traineeId))),
        firstValueFrom(this.http.get<ElementSignOffView[]>(apiRoutes.traineeSignOffs(traineeId))),
      ]);
      if (opening === this.elementsOpened) {
        this.elementsState.set({ status: 'loaded', value: { progress, history } });
      }
      return { progress, history };
    } catch (error: unknown) {
      if (opening === this.elementsOpened) {
        this.elementsState.set(failedLoad(error));
      }
      return null;
    }
  }

  /** Everything the sign-off page of one element shows: the trainee, the element, and what can be cited. */
  async openSignOff(traineeId: string, elementKey: string): Promise<void> {
    const opening = ++this.citableOpened;
    this.openTrainee(traineeId);
    this.citableState.set({ status: 'loading' });
    const elements = await this.openElements(traineeId);
    if (!elements || opening !== this.citableOpened) {
      return;
    }
    try {
      const citable = await this.fetchCitableWork(traineeId, elementKey, elements.progress.stage);
      if (opening === this.citableOpened) {
        this.citableState.set({ status: 'loaded', value: citable });
      }
    } catch (error: unknown) {
      if (opening === this.citableOpened) {
        this.citableState.set(failedLoad(error));
      }
    }
  }

  /** Signs the element off (or answers the sign-off that already stands) and records it in the history. */
  async signOff(traineeId: string, request: SignOffElementRequest): Promise<ElementSignOffView> {
    const signOff = await firstValueFrom(
      this.http.post<ElementSignOffView>(apiRoutes.traineeSignOffs(traineeId), request),
    );
    this.addToHistory(signOff);
    return signOff;
  }

  async withdrawSignOff(traineeId: string, signOffId: string, reason: string): Promise<ElementSignOffView> {
    const withdrawal = await firstValueFrom(
      this.http.post<ElementSignOffView>(apiRoutes.signOffWithdrawal(traineeId, signOffId), { reason }),
    );
    this.addToHistory(withdrawal);
    return withdrawal;
  }

  private addToHistory(record: ElementSignOffView): void {
    this.elementsState.update((state) =>
      state.status === 'loaded' && !state.value.history.some((known) => known.id === record.id)
        ? { status: 'loaded', value: { ...state.value, history: [...state.value.history, record] } }
        : state,
    );
  }

  private async fetchCitableWork(traineeId: string, elementKey: string, stageKey: string): Promise<CitableWork> {
    const evidenceParams = new HttpParams()
      .set('traineeId', traineeId)
      .set('elementKey', elementKey)
      .set('stageKey', stageKey)
      .set('limit', largestPage);
    // The API lists the assessments the caller assessed, of all their trainees: this one's are picked out here.
    const assessmentParams = new HttpParams()
      .set('scope', 'to-assess')
      .set('status', 'signed-off')
      .set('limit', largestPage);
    const [evidence, assessments] = await Promise.all([
      this.allPages((cursor) =>
        this.http.get<EvidencePage>(apiRoutes.evidence, { params: withCursor(evidenceParams, cursor) }),
      ),
      this.allPages((cursor) =>
        this.http.get<AssessmentPage>(apiRoutes.assessments, { params: withCursor(assessmentParams, cursor) }),
      ),
    ]);
    return { evidence, assessments: citableAssessments(assessments, traineeId) };
  }

  private async allPages<T>(
    fetchPage: (cursor: string | null) => Observable<{ items: T[]; nextCursor: string | null }>,
  ): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < mostPages; page++) {
      const answer: { items: T[]; nextCursor: string | null } = await firstValueFrom(fetchPage(cursor));
      items.push(...answer.items);
      cursor = answer.nextCursor;
      if (cursor === null) {
        break;
      }
    }
    return items;
  }

  private fetchPage(cursor: string | null) {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<TraineePage>(apiRoutes.trainees, { params });
  }
}

function withCursor(params: HttpParams, cursor: string | null): HttpParams {
  return cursor ? params.set('cursor', cursor) : params;
}
