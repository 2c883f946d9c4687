import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, type OnDestroy, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type AttachmentView,
  type EvidenceType,
  type EvidenceView,
  type EvidenceVisibility,
  type PatientIdentifierWarning,
  type UpdateEvidenceRequest,
  apiRoutes,
} from '@portfolio/contracts';

import { statusOf } from '../shared/api-errors';
import { type FormProblem, problemsFromApi } from '../shared/form-problems';
import { DraftStorage } from './draft-storage';
import {
  type EvidenceDraft,
  defaultVisibilityFor,
  draftFromView,
  draftRequest,
  newDraft,
  whyNotSaveable,
} from './evidence-draft';

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = new InjectionToken<number>('AUTOSAVE_DELAY_MS', { factory: () => 3000 });

/** The API's field names and the ids of the editor's inputs they are about. */
export const editorFieldIds: Readonly<Record<string, string>> = {
  type: 'type',
  title: 'title',
  occurredOn: 'occurredOn',
  body: 'body',
  visibility: 'visibility-private',
  links: 'element-search',
};

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'waiting'; message: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'kept-locally'; reason: 'signed-out' | 'offline' | 'failed' }
  | { kind: 'invalid'; problems: FormProblem[] }
  | { kind: 'conflict'; yours: UpdateEvidenceRequest; current: EvidenceView }
  | { kind: 'locked'; message: string };

export type SubmitOutcome =
  | { outcome: 'submitted'; item: EvidenceView }
  | { outcome: 'needs-acknowledgement'; warnings: PatientIdentifierWarning[] }
  | { outcome: 'refused'; problems: FormProblem[] }
  | { outcome: 'not-saved' };

/** What the API says with a 409 for a stale version, and with a 400 for a reflection that may identify a patient. */
interface ConflictBody {
  message: string;
  yours?: UpdateEvidenceRequest;
  current?: EvidenceView;
}
interface PatientIdentifierBody {
  patientIdentifierWarnings?: PatientIdentifierWarning[];
}

/**
 * The editor's draft and how it reaches the server: created on the first change that can be
 * saved, then saved a few seconds after typing stops. Nothing typed is lost: when the session
 * has ended or the network is down the draft is kept in the browser and offered again when the
 * editor next opens, and a change made elsewhere is never overwritten without the trainee
 * choosing to.
 */
@Injectable()
export class EvidenceAutosave implements OnDestroy {
  private readonly http = inject(HttpClient);
  private readonly storage = inject(DraftStorage);
  private readonly delayMs = inject(AUTOSAVE_DELAY_MS);

  private readonly draftState = signal<EvidenceDraft>(newDraft());
  private readonly itemState = signal<EvidenceView | null>(null);
  private readonly saveState = signal<SaveState>({ kind: 'idle' });
  private readonly restoredFrom = signal<string | null>(null);

  readonly draft = this.draftState.asReadonly();
  /** The item as the server last returned it; null until it has been created. */
  readonly item = this.itemState.asReadonly();
  readonly state = this.saveState.asReadonly();
  /** When the draft restored from this browser was kept there, or null. */
  readonly restoredAt = this.restoredFrom.asReadonly();
  readonly itemId = computed(() => this.itemState()?.id ?? null);

  private userId = '';
  /** The editor the draft was written in: an item's id, or 'new'. Local copies are filed under it. */
  private slot = 'new';
  private version: number | null = null;
  private edits = 0;
  private savedEdits = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  /** Until the trainee picks a visibility, a new item's follows its type. */
  private visibilityChosen = false;
  /** A conflict or a lock waits for the trainee; nothing is saved meanwhile. */
  private paused = false;
  /** Counts open() calls, so that an answer about the item opened before is not taken for this one. */
  private generation = 0;
  /** Sent with the request that makes the item, so a retry after a lost answer makes no second item. */
  private creationKey = newCreationKey();

  get hasUnsavedChanges(): boolean {
    return this.edits !== this.savedEdits;
  }

  /**
   * Opens the editor at `slot` (an item id or 'new'): the item from the server, or the draft
   * this browser kept for it. Rejects when the item cannot be fetched.
   */
  async open(userId: string, slot: string, type: EvidenceType = 'reflection'): Promise<void> {
    if (this.userId) {
      // The editor moves to another item: what was typed in the last one is kept and sent first.
      this.ngOnDestroy();
    }
    const generation = ++this.generation;
    this.creationKey = newCreationKey();
    this.edits = 0;
    this.savedEdits = 0;
    this.paused = false;
    this.restoredFrom.set(null);
    this.userId = userId;
    this.slot = slot;
    const stored = this.storage.read(userId, slot);
    const itemId = slot === 'new' ? (stored?.itemId ?? null) : slot;
    const item = itemId ? await this.fetchItem(itemId, slot === 'new') : null;
    if (generation !== this.generation) {
      return;
    }
    this.itemState.set(item);
    this.version = stored && item ? (stored.version ?? item.version) : (item?.version ?? null);
    this.visibilityChosen = item !== null || stored !== null;
    if (stored) {
      this.draftState.set(stored.draft);
      this.restoredFrom.set(stored.storedAt);
      this.edits++;
      this.schedule();
    } else {
      this.draftState.set(item ? draftFromView(item) : newDraft(type));
      this.saveState.set(item ? { kind: 'saved', at: new Date(item.updatedAt) } : { kind: 'idle' });
    }
  }

  edit(changes: Partial<EvidenceDraft>): void {
    this.draftState.update((draft) => {
      const edited = { ...draft, ...changes };
      if (changes.type && !this.visibilityChosen) {
        edited.visibility = defaultVisibilityFor(changes.type);
      }
      return edited;
    });
    this.edits++;
    this.schedule();
  }

  chooseVisibility(visibility: EvidenceVisibility): void {
    this.visibilityChosen = true;
    this.edit({ visibility });
  }

  /** Saves now rather than after the pause; true when everything typed is on the server. */
  async saveNow(): Promise<boolean> {
    await this.save();
    return !this.hasUnsavedChanges && !this.paused && this.itemState() !== null;
  }

  /** After a conflict: the trainee's version replaces the one saved elsewhere. */
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

  /** After a conflict: the version saved elsewhere replaces the trainee's. */
  takeCurrent(): void {
    const state = this.saveState();
    if (state.kind !== 'conflict') {
      return;
    }
    this.clearTimer();
    this.itemState.set(state.current);
    this.version = state.current.version;
    this.draftState.set(draftFromView(state.current));
    this.savedEdits = this.edits;
    this.paused = false;
    this.storage.remove(this.userId, this.slot);
    this.saveState.set({ kind: 'saved', at: new Date(state.current.updatedAt) });
  }

  /** Saves what is left to save, then submits the draft to the portfolio. */
  async submit(acknowledgePatientIdentifiers = false): Promise<SubmitOutcome> {
    const item = (await this.saveNow()) ? this.itemState() : null;
    if (!item || this.version === null) {
      return { outcome: 'not-saved' };
    }
    const request: UpdateEvidenceRequest = {
      version: this.version,
      status: 'submitted',
      ...(acknowledgePatientIdentifiers ? { acknowledgePatientIdentifiers: true } : {}),
    };
    this.saveState.set({ kind: 'saving' });
    let outcome: SubmitOutcome = { outcome: 'not-saved' };
    this.inFlight = firstValueFrom(this.http.patch<EvidenceView>(apiRoutes.evidenceItem(item.id), request)).then(
      (submitted) => {
        this.saved(submitted, this.savedEdits);
        outcome = { outcome: 'submitted', item: submitted };
      },
      (error: unknown) => {
        outcome = this.submitRefused(error, request);
      },
    );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    return outcome;
  }

  /** An attachment uploaded beside the draft; attachments do not change the item's version. */
  attachmentAdded(attachment: AttachmentView): void {
    this.itemState.update((item) => (item ? { ...item, attachments: [...item.attachments, attachment] } : item));
  }

  dismissRestoredNotice(): void {
    this.restoredFrom.set(null);
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
    if (this.paused || !this.hasUnsavedChanges) {
      return;
    }
    const draft = this.draftState();
    const notYet = whyNotSaveable(draft);
    if (notYet) {
      this.saveState.set({ kind: 'waiting', message: notYet });
      return;
    }
    const edits = this.edits;
    const opened = { generation: this.generation, userId: this.userId, slot: this.slot };
    const item = this.itemState();
    this.saveState.set({ kind: 'saving' });
    const request = item && this.version !== null ? { version: this.version, ...draftRequest(draft) } : null;
    const sent = request
      ? this.http.patch<EvidenceView>(apiRoutes.evidenceItem(item?.id ?? ''), request)
      : this.http.post<EvidenceView>(apiRoutes.evidence, draftRequest(draft), {
          headers: { 'Idempotency-Key': this.creationKey },
        });
    this.inFlight = firstValueFrom(sent).then(
      (saved) => {
        if (opened.generation === this.generation) {
          this.saved(saved, edits);
        } else {
          // The editor has moved on to another item; this one's kept copy is no longer needed.
          this.storage.remove(opened.userId, opened.slot);
        }
      },
      (error: unknown) => {
        if (opened.generation === this.generation) {
          this.failed(error, request ?? { version: 0, ...draftRequest(draft) });
        }
      },
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

  private saved(item: EvidenceView, edits: number): void {
    this.itemState.set(item);
    this.version = item.version;
    this.savedEdits = edits;
    this.storage.remove(this.userId, this.slot);
    this.saveState.set({ kind: 'saved', at: new Date() });
  }

  private failed(error: unknown, request: UpdateEvidenceRequest): void {
    this.keepLocally();
    const status = statusOf(error);
    if (status === 409) {
      const body = conflictBodyOf(error);
      this.paused = true;
      this.clearTimer();
      this.saveState.set(
        body?.current
          ? { kind: 'conflict', yours: body.yours ?? request, current: body.current }
          : { kind: 'locked', message: body?.message ?? 'This item is locked and can no longer be changed.' },
      );
    } else if (status === 400) {
      this.saveState.set({ kind: 'invalid', problems: problemsFromApi(error, editorFieldIds) });
    } else if (status === 401) {
      this.saveState.set({ kind: 'kept-locally', reason: 'signed-out' });
    } else if (status === 0) {
      this.saveState.set({ kind: 'kept-locally', reason: 'offline' });
    } else {
      this.saveState.set({ kind: 'kept-locally', reason: 'failed' });
    }
  }

  private submitRefused(error: unknown, request: UpdateEvidenceRequest): SubmitOutcome {
    if (statusOf(error) !== 400) {
      this.failed(error, request);
      return { outcome: 'not-saved' };
    }
    // Nothing was lost: the draft is saved, only the submission was refused.
    this.saveState.set({ kind: 'saved', at: new Date() });
    const warnings = patientIdentifierWarningsOf(error);
    return warnings.length > 0
      ? { outcome: 'needs-acknowledgement', warnings }
      : { outcome: 'refused', problems: problemsFromApi(error, editorFieldIds) };
  }

  private keepLocally(): void {
    this.storage.write(this.userId, this.slot, {
      itemId: this.itemState()?.id ?? null,
      version: this.version,
      draft: this.draftState(),
      storedAt: new Date().toISOString(),
    });
  }

  /** A 'new' editor's kept draft may name an item deleted since; it then starts a new item. */
  private async fetchItem(id: string, mayBeGone: boolean): Promise<EvidenceView | null> {
    try {
      return await firstValueFrom(this.http.get<EvidenceView>(apiRoutes.evidenceItem(id)));
    } catch (error: unknown) {
      if (mayBeGone && statusOf(error) === 404) {
        return null;
      }
      throw error;
    }
  }
}

function conflictBodyOf(error: unknown): ConflictBody | null {
  return error instanceof HttpErrorResponse && typeof error.error === 'object' && error.error !== null
    ? (error.error as ConflictBody)
    : null;
}

function patientIdentifierWarningsOf(error: unknown): PatientIdentifierWarning[] {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || error.error === null) {
    return [];
  }
  return (error.error as PatientIdentifierBody).patientIdentifierWarnings ?? [];
}

function newCreationKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
