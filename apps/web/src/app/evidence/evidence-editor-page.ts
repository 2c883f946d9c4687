import { DatePipe, Location } from '@angular/common';
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
import { Router, RouterLink } from '@angular/router';

import { patientIdentifierLabels } from '@portfolio/competency';
import {
  type EvidenceType,
  type PatientIdentifierWarning as PatientIdentifierWarningView,
  evidenceTypeLabels,
  evidenceTypes,
} from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem } from '../shared/form-problems';
import { type LoadStatus, failedLoad } from '../shared/load-state';
import { NotificationBanner } from '../shared/notification-banner';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { AttachmentUpload } from './attachment-upload';
import { AutosaveStatus } from './autosave-status';
import { ConflictPanel } from './conflict-panel';
import { ElementPicker } from './element-picker';
import { pickableElements } from './element-search';
import { EvidenceAutosave } from './evidence-autosave';
import { EvidenceBodyField } from './evidence-body-field';
import { type DraftLink, whyNotSaveable } from './evidence-draft';
import { EvidenceStore } from './evidence-store';
import { PatientIdentifierWarning } from './patient-identifier-warning';
import { VisibilityField } from './visibility-field';

/**
 * Writing evidence: a new item at /evidence/new, a saved one at /evidence/:evidenceId/edit.
 * The draft saves itself (see EvidenceAutosave); the trainee only submits it.
 */
@Component({
  selector: 'app-evidence-editor-page',
  imports: [
    AttachmentUpload,
    AutosaveStatus,
    ConflictPanel,
    DatePipe,
    ElementPicker,
    ErrorSummary,
    EvidenceBodyField,
    FieldErrorPipe,
    NotificationBanner,
    PatientIdentifierWarning,
    RouterLink,
    ServiceProblem,
    VisibilityField,
  ],
  providers: [EvidenceAutosave],
  templateUrl: './evidence-editor-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceEditorPage {
  /** From the route: the item being edited, absent for a new one. */
  readonly evidenceId = input<string>();
  /** From the query: the kind of evidence a new item starts as. */
  readonly type = input<string>();

  protected readonly autosave = inject(EvidenceAutosave);
  protected readonly store = inject(EvidenceStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly injector = inject(Injector);

  protected readonly typeOptions = evidenceTypes.map((value) => ({ value, label: evidenceTypeLabels[value] }));
  protected readonly loadStatus = signal<LoadStatus>('loading');
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly submitting = signal(false);
  /** What the API found that may identify a patient, when it asked for confirmation. */
  protected readonly identifierWarnings = signal<PatientIdentifierWarningView[]>([]);
  protected readonly anonymisedConfirmed = signal(false);
  private readonly chosenStageKey = signal<string | null>(null);
  private readonly acknowledgement = viewChild<ElementRef<HTMLElement>>('acknowledgement');

  protected readonly draft = this.autosave.draft;
  protected readonly item = this.autosave.item;
  protected readonly isNew = computed(() => !this.evidenceId());
  protected readonly isDraft = computed(() => (this.item()?.status ?? 'draft') === 'draft');
  protected readonly isLocked = computed(() => this.item()?.status === 'locked');
  protected readonly heading = computed(() => (this.isNew() && !this.item() ? 'Add evidence' : 'Edit evidence'));
  protected readonly bodyLabel = computed(() =>
    this.draft().type === 'reflection' ? 'Your reflection' : 'Description',
  );
  protected readonly conflict = computed(() => {
    const state = this.autosave.state();
    return state.kind === 'conflict' ? state : null;
  });

  protected readonly stages = computed(() => this.store.context()?.stages ?? []);
  protected readonly stageTitles = computed(() =>
    Object.fromEntries(this.stages().map((stage) => [stage.key, stage.title])),
  );
  protected readonly stageKey = computed(
    () => this.chosenStageKey() ?? this.store.context()?.currentStageKey ?? this.stages()[0]?.key ?? '',
  );
  protected readonly elements = computed(() => {
    const context = this.store.context();
    return context && this.stageKey() ? pickableElements(context.framework, this.stageKey()) : [];
  });
  protected readonly identifierLabels = patientIdentifierLabels;

  constructor() {
    const userId = this.session.user()?.id ?? '';
    this.store.loadContext(userId || null);
    effect(() => {
      const slot = this.evidenceId() ?? 'new';
      const type = this.type();
      untracked(() => void this.open(userId, slot, type));
    });
    // A new item keeps its address once created, without a navigation that would move focus.
    effect(() => {
      const id = this.autosave.itemId();
      if (id && this.isNew()) {
        this.location.replaceState(`/evidence/${encodeURIComponent(id)}/edit`);
      }
    });
    usePageTitle(() => this.heading());
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'My evidence', link: ['/evidence'] },
    ]);
  }

  protected chooseType(type: string): void {
    if (evidenceTypes.includes(type as EvidenceType)) {
      this.autosave.edit({ type: type as EvidenceType });
    }
  }

  protected chooseStage(stageKey: string): void {
    this.chosenStageKey.set(stageKey);
  }

  protected addLink(link: DraftLink): void {
    this.autosave.edit({ links: [...this.draft().links, link] });
  }

  protected removeLink(index: number): void {
    this.autosave.edit({ links: this.draft().links.filter((_, position) => position !== index) });
  }

  protected changeNote(change: { index: number; note: string }): void {
    this.autosave.edit({
      links: this.draft().links.map((link, position) =>
        position === change.index ? { ...link, note: change.note } : link,
      ),
    });
  }

  protected async keepMine(): Promise<void> {
    await this.autosave.keepMine();
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) {
      return;
    }
    const notYet = whyNotSaveable(this.draft());
    if (notYet) {
      const field = this.draft().title.trim() ? 'occurredOn' : 'title';
      this.problems.set([{ field, message: field === 'title' ? 'Enter a title' : 'Enter the date it happened' }]);
      return;
    }
    if (this.identifierWarnings().length > 0 && !this.anonymisedConfirmed()) {
      this.problems.set([
        { field: 'anonymised', message: 'Confirm that you have removed anything that could identify a patient' },
      ]);
      return;
    }
    this.problems.set([]);
    this.submitting.set(true);
    try {
      const result = await this.autosave.submit(this.anonymisedConfirmed());
      switch (result.outcome) {
        case 'submitted':
          await this.router.navigate(['/evidence', result.item.id], { queryParams: { submitted: 1 } });
          return;
        case 'needs-acknowledgement':
          this.identifierWarnings.set(result.warnings);
          afterNextRender(() => this.acknowledgement()?.nativeElement.focus(), { injector: this.injector });
          return;
        case 'refused':
          this.problems.set(result.problems);
          return;
        case 'not-saved':
          this.problems.set([{ field: null, message: 'Your evidence could not be saved, so it was not submitted.' }]);
          return;
      }
    } finally {
      this.submitting.set(false);
    }
  }

  protected retry(): void {
    void this.open(this.session.user()?.id ?? '', this.evidenceId() ?? 'new', this.type());
  }

  private async open(userId: string, slot: string, type: string | undefined): Promise<void> {
    // The item this editor created is already open: its new address is not a new item.
    if (slot === this.autosave.itemId()) {
      return;
    }
    this.loadStatus.set('loading');
    const startType = evidenceTypes.includes(type as EvidenceType) ? (type as EvidenceType) : undefined;
    try {
      await this.autosave.open(userId, slot, startType);
      this.loadStatus.set('loaded');
    } catch (error: unknown) {
      this.loadStatus.set(failedLoad(error).status);
    }
  }
}
