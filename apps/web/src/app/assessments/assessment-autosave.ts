import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, type OnDestroy, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type AssessmentAnswer,
  type AssessmentAnswers,
  type AssessmentTemplateView,
  type AssessmentView,
  type AssessorChoice,
  type CreateAssessmentRequest,
  type SendAssessmentRequest,
  type UpdateAssessmentRequest,
  apiRoutes,
} from '@portfolio/contracts';

import { AUTOSAVE_DELAY_MS } from '../evidence/evidence-autosave';
import { statusOf } from '../shared/api-errors';
import { type FormProblem, problemsFromApi } from '../shared/form-problems';
import { answersFor, withAnswer } from './assessment-answers';
import { AssessmentDraftStorage } from './assessment-draft-storage';

export type AssessmentSaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'kept-locally'; reason: 'signed-out' | 'offline' | 'failed' }
  | { kind: 'invalid'; problems: FormProblem[] }
  | { kind: 'conflict'; current: AssessmentView }
  | { kind: 'locked'; message: string };

export type SendOutcome =
  | { outcome: 'sent'; assessment: AssessmentView }
  | { outcome: 'refused'; problems: FormProblem[] }
  | { outcome: 'not-saved' };

/** What the API says with a 409: the assessment as it now is, when it can still be changed. */
interface ConflictBody {
  message?: string;
  current?: AssessmentView;
}

/**
 * The trainee's part of an assessment and how it reaches the server, as the evidence editor
 * does it: the first change creates the draft, later ones are saved a few seconds after typing
 * stops, one request at a time. What the server cannot take is kept in this browser, and a
 * change saved elsewhere is never overwritten without the trainee choosing to.
 */
@Injectable()
export class AssessmentAutosave implements OnDestroy {
  private readonly http = inject(HttpClient);
  private readonly storage = inject(AssessmentDraftStorage);
  private readonly delayMs = inject(AUTOSAVE_DELAY_MS);

  private readonly answersState = signal<AssessmentAnswers>({});
  private readonly evidenceIdsState = signal<string[]>([]);
  private readonly assessmentState = signal<AssessmentView | null>(null);
  private readonly saveState = signal<AssessmentSaveState>({ kind: 'idle' });
  private readonly restoredFrom = signal<string | null>(null);

  readonly answers = this.answersState.asReadonly();
  readonly evidenceIds = this.evidenceIdsState.asReadonly();
  /** The assessment as the server last returned it; null until it has been created. */
  readonly assessment = this.assessmentState.asReadonly();
  readonly state = this.saveState.asReadonly();
  /** When the answers restored from this browser were kept there, or null. */
  readonly restoredAt = this.restoredFrom.asReadonly();
  readonly assessmentId = computed(() => this.assessmentState()?.id ?? null);

  private template: AssessmentTemplateView | null = null;
  private userId = '';
  private slot = '';
  private version: number | null = null;
  private edits = 0;
  private savedEdits = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  /** A conflict or a lock waits for the trainee; nothing is saved meanwhile. */
  private paused = false;

  get hasUnsavedChanges(): boolean {
    return this.edits !== this.savedEdits;
  }

  /** Opens a new assessment of the template (assessment null) or a saved one, with any copy this browser kept. */
  open(userId: string, template: AssessmentTemplateView, assessment: AssessmentView | null): void {
    this.template = template;
    this.userId = userId;
    this.slot = assessment?.id ?? `new-${template.key}`;
    this.edits = 0;
    this.savedEdits = 0;
    this.paused = false;
    const usable = this.storage.read(userId, this.slot);
    this.assessmentState.set(assessment);
    this.version = usable?.version ?? assessment?.version ?? null;
    this.answersState.set(answersFor(template, usable?.answers ?? assessment?.answers));
    this.evidenceIdsState.set(usable?.evidenceIds ?? assessment?.evidence.map((item) => item.id) ?? []);
    this.restoredFrom.set(usable?.storedAt ?? null);
    if (usable) {
      this.edits++;
      this.schedule();
    } else {
      this.saveState.set(assessment ? { kind: 'saved', at: new Date(assessment.updatedAt) } : { kind: 'idle' });
    }
  }

  answer(sectionId: string, fieldId: string, answer: AssessmentAnswer): void {
    this.answersState.update((answers) => withAnswer(answers, sectionId, fieldId, answer));
    this.changed();
  }

  chooseEvidence(evidenceIds: string[]): void {
    this.evidenceIdsState.set(evidenceIds);
    this.changed();
  }

  /** Saves now rather than after the pause; true when everything typed is on the server. */
  async saveNow(): Promise<boolean> {
    await this.save();
    return !this.hasUnsavedChanges && !this.paused && this.assessmentState() !== null;
  }

  /** After a conflict: the trainee's answers replace the ones saved elsewhere. */
  async keepMine(): Promise<boolean> {
    const state = this.saveState();
    if (state.kind !== 'conflict') {
      return false;
    }
    this.version = state.current.version;
    this.paused = false;
    this.edits++;
    return this.saveNow();
  }

  /** After a conflict: the answers saved elsewhere replace the trainee's. */
  takeCurrent(): void {
    const state = this.saveState();
    if (state.kind !== 'conflict' || !this.template) {
      return;
    }
    this.clearTimer();
    this.assessmentState.set(state.current);
    this.version = state.current.version;
    this.answersState.set(answersFor(this.template, state.current.answers));
    this.evidenceIdsState.set(state.current.evidence.map((item) => item.id));
    this.savedEdits = this.edits;
    this.paused = false;
    this.storage.remove(this.userId, this.slot);
    this.saveState.set({ kind: 'saved', at: new Date(state.current.updatedAt) });
  }

  /** Saves what is left to save, then asks the assessor. `fieldIds` maps the API's field names to inputs. */
  async send(assessor: AssessorChoice, fieldIds: Readonly<Record<string, string>>): Promise<SendOutcome> {
    const assessment = (await this.saveNow()) ? this.assessmentState() : null;
    if (!assessment || this.version === null) {
      return { outcome: 'not-saved' };
    }
    const request: SendAssessmentRequest = { assessor, version: this.version };
    try {
      const sent = await firstValueFrom(
        this.http.post<AssessmentView>(apiRoutes.assessmentSend(assessment.id), request),
      );
      this.saved(sent, this.savedEdits);
      return { outcome: 'sent', assessment: sent };
    } catch (error: unknown) {
      if (statusOf(error) === 409) {
        this.failed(error);
        const message = conflictBodyOf(error)?.message ?? 'This assessment was changed somewhere else.';
        return { outcome: 'refused', problems: [{ field: null, message }] };
      }
      return { outcome: 'refused', problems: problemsFromApi(error, fieldIds) };
    }
  }

  /** Leaving the editor: whatever is unsaved is kept here and sent on its way. */
  ngOnDestroy(): void {
    this.clearTimer();
    if (this.hasUnsavedChanges && this.userId) {
      this.keepLocally();
      if (!this.paused) {
        void this.save();
      }
    }
  }

  private changed(): void {
    this.edits++;
    this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    if (this.paused) {
      return;
    }
    this.saveState.set({ kind: 'pending' });
    this.timer = setTimeout(() => void this.save(), this.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private async save(): Promise<void> {
    this.clearTimer();
    // One request at a time, so versions follow each other; what was typed meanwhile goes next.
    while (this.inFlight) {
      await this.inFlight;
    }
    const template = this.template;
    if (this.paused || !this.hasUnsavedChanges || !template) {
      return;
    }
    const edits = this.edits;
    const assessment = this.assessmentState();
    const answers = this.answersState();
    const evidenceIds = this.evidenceIdsState();
    this.saveState.set({ kind: 'saving' });
    const sent =
      assessment && this.version !== null
        ? this.http.patch<AssessmentView>(apiRoutes.assessment(assessment.id), {
            answers,
            evidenceIds,
            version: this.version,
          } satisfies UpdateAssessmentRequest)
        : this.http.post<AssessmentView>(apiRoutes.assessments, {
            templateKey: template.key,
            answers,
            evidenceIds,
          } satisfies CreateAssessmentRequest);
    this.inFlight = firstValueFrom(sent).then(
      (saved) => this.saved(saved, edits),
      (error: unknown) => this.failed(error),
    );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.hasUnsavedChanges && !this.paused && this.saveState().kind === 'saved') {
      this.schedule();
    }
  }

  private saved(assessment: AssessmentView, edits: number): void {
    if (this.slot !== assessment.id) {
      // Once created, the assessment has an address of its own, and any copy kept here is filed under it.
      this.storage.remove(this.userId, this.slot);
      this.slot = assessment.id;
    }
    this.assessmentState.set(assessment);
    this.version = assessment.version;
    this.savedEdits = edits;
    this.storage.remove(this.userId, this.slot);
    this.saveState.set({ kind: 'saved', at: new Date() });
  }

  private failed(error: unknown): void {
    this.keepLocally();
    const status = statusOf(error);
    if (status === 409) {
      const body = conflictBodyOf(error);
      this.paused = true;
      this.clearTimer();
      this.saveState.set(
        body?.current?.actions.edit
          ? { kind: 'conflict', current: body.current }
          : { kind: 'locked', message: body?.message ?? 'This assessment can no longer be changed.' },
      );
    } else if (status === 400) {
      this.saveState.set({ kind: 'invalid', problems: problemsFromApi(error, []) });
    } else if (status === 401) {
      this.saveState.set({ kind: 'kept-locally', reason: 'signed-out' });
    } else if (status === 0) {
      this.saveState.set({ kind: 'kept-locally', reason: 'offline' });
    } else {
      this.saveState.set({ kind: 'kept-locally', reason: 'failed' });
    }
  }

  private keepLocally(): void {
    this.storage.write(this.userId, this.slot, {
      assessmentId: this.assessmentState()?.id ?? null,
      version: this.version,
      answers: this.answersState(),
      evidenceIds: this.evidenceIdsState(),
      storedAt: new Date().toISOString(),
    });
  }
}

function conflictBodyOf(error: unknown): ConflictBody | null {
  return error instanceof HttpErrorResponse && typeof error.error === 'object' && error.error !== null
    ? (error.error as ConflictBody)
    : null;
}
