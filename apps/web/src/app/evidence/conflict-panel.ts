import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterNextRender,
  computed,
  input,
  output,
  viewChild,
} from '@angular/core';

import type { EvidenceView } from '@portfolio/contracts';

import { type EvidenceDraft, draftFromView } from './evidence-draft';
import { EvidenceTypePipe, VisibilityPipe } from './evidence-labels';

/**
 * Shown when the item was saved somewhere else (another tab, another device) after this editor
 * last saved it: both versions side by side, and the trainee chooses which to keep.
 */
@Component({
  selector: 'app-conflict-panel',
  imports: [DatePipe, EvidenceTypePipe, VisibilityPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="nhsuk-error-summary app-conflict" aria-labelledby="conflict-heading" tabindex="-1" #panel>
      <h2 class="nhsuk-error-summary__heading" id="conflict-heading">This item was changed somewhere else</h2>
      <p>
        Someone, perhaps you in another tab or on another device, saved this item after you opened it. Your changes have
        not been saved. Compare the two versions and choose which to keep.
      </p>
      <div class="nhsuk-grid-row">
        @for (version of versions(); track version.heading) {
          <div class="nhsuk-grid-column-one-half">
            <h3 class="nhsuk-heading-s">{{ version.heading }}</h3>
            <dl class="nhsuk-summary-list app-conflict__summary">
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Title</dt>
                <dd class="nhsuk-summary-list__value">{{ version.draft.title }}</dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Type and date</dt>
                <dd class="nhsuk-summary-list__value">
                  {{ version.draft.type | evidenceType }}, {{ version.draft.occurredOn | date: 'd MMMM y' : 'UTC' }}
                </dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Who can read it</dt>
                <dd class="nhsuk-summary-list__value">{{ version.draft.visibility | visibility }}</dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Elements</dt>
                <dd class="nhsuk-summary-list__value">{{ elementCodes(version.draft) }}</dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Text</dt>
                <dd class="nhsuk-summary-list__value app-conflict__body">{{ version.draft.body || 'None' }}</dd>
              </div>
            </dl>
          </div>
        }
      </div>
      <div class="app-button-group">
        <button class="nhsuk-button" type="button" (click)="keepMine.emit()">Keep my version</button>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="takeCurrent.emit()">
          Use the other version
        </button>
      </div>
    </section>
  `,
})
export class ConflictPanel {
  readonly mine = input.required<EvidenceDraft>();
  readonly current = input.required<EvidenceView>();
  readonly keepMine = output();
  readonly takeCurrent = output();

  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');

  protected readonly versions = computed(() => [
    { heading: 'Your version', draft: this.mine() },
    { heading: `Saved elsewhere at ${timeOf(this.current().updatedAt)}`, draft: draftFromView(this.current()) },
  ]);

  constructor() {
    // Like an error summary, it takes focus so that it is read out first.
    afterNextRender(() => this.panel().nativeElement.focus());
  }

  protected elementCodes(draft: EvidenceDraft): string {
    return draft.links.map((link) => link.elementCode).join(', ') || 'None';
  }
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
