import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { patientIdentifierLabels } from '@portfolio/competency';

import { SessionStore } from '../auth/session-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, problemsFromApi, rawValueOf, submittedForm } from '../shared/form-problems';
import { LabelOfKeyPipe } from '../shared/label-of-key.pipe';
import { NotificationBanner } from '../shared/notification-banner';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { AttachmentList } from './attachment-list';
import { EvidenceStatusPipe, EvidenceStatusTagPipe, EvidenceTypePipe, VisibilityPipe } from './evidence-labels';
import { EvidenceStore } from './evidence-store';

/** One evidence item, read-only, with what its owner may still do to it. */
@Component({
  selector: 'app-evidence-item-page',
  imports: [
    AttachmentList,
    DatePipe,
    ErrorSummary,
    EvidenceStatusPipe,
    EvidenceStatusTagPipe,
    EvidenceTypePipe,
    FieldErrorPipe,
    LabelOfKeyPipe,
    NotificationBanner,
    RouterLink,
    ServiceProblem,
    VisibilityPipe,
  ],
  templateUrl: './evidence-item-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceItemPage {
  /** From the route, /evidence/:evidenceId. */
  readonly evidenceId = input.required<string>();
  /** From the query, after the editor submitted the item. */
  readonly submitted = input<string>();

  protected readonly store = inject(EvidenceStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly identifierLabels = patientIdentifierLabels;
  protected readonly confirmingDelete = signal(false);
  protected readonly deleting = signal(false);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly addendumAdded = signal(false);
  private readonly addendumFormVersion = signal(0);

  protected readonly item = this.store.item;
  protected readonly isOwner = computed(() => {
    const item = this.item();
    return item !== null && item.traineeId === this.session.user()?.id && this.session.hasPermission('evidence:write');
  });
  /** Re-rendering the addendum form empties it after an addendum is added. */
  protected readonly addendumForms = computed(() => [this.addendumFormVersion()]);

  private readonly pageTitle = computed(() => {
    switch (this.store.itemStatus()) {
      case 'loaded':
        return this.item()?.title ?? null;
      case 'not-found':
        return 'Evidence not found';
      case 'failed':
        return 'Sorry, there is a problem with the service';
      case 'idle':
      case 'loading':
        return null;
    }
  });

  constructor() {
    effect(() => {
      const id = this.evidenceId();
      untracked(() => this.store.openItem(id));
    });
    usePageTitle(() => this.pageTitle());
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: this.isOwner() || !this.item() ? 'My evidence' : 'Evidence', link: ['/evidence'] },
    ]);
  }

  protected async deleteItem(): Promise<void> {
    const item = this.item();
    if (!item || this.deleting()) {
      return;
    }
    this.deleting.set(true);
    try {
      await this.store.deleteItem(item.id);
      await this.router.navigate(['/evidence'], { queryParams: { deleted: item.title } });
    } catch (error: unknown) {
      this.confirmingDelete.set(false);
      this.problems.set(problemsFromApi(error, []));
    } finally {
      this.deleting.set(false);
    }
  }

  protected async addAddendum(event: Event): Promise<void> {
    const form = submittedForm(event);
    const item = this.item();
    const body = rawValueOf(form, 'addendum').trim();
    if (!item) {
      return;
    }
    if (!body) {
      this.problems.set([{ field: 'addendum', message: 'Write your addendum' }]);
      return;
    }
    this.problems.set([]);
    try {
      await this.store.addAddendum(item.id, body);
      this.addendumAdded.set(true);
      this.addendumFormVersion.update((version) => version + 1);
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, { body: 'addendum' }));
    }
  }

  protected retry(): void {
    this.store.openItem(this.evidenceId());
  }
}
