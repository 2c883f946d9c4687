import { DatePipe } from '@angular/common';
import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import { type EvidencePage, type EvidenceSummary, apiRoutes } from '@portfolio/contracts';

import { EvidenceTypePipe } from '../evidence/evidence-labels';
import { PagedLoader } from '../shared/paged-list';

/** Further evidence from the trainee's log for the assessor to read beside their part: submitted items only. */
@Component({
  selector: 'app-further-evidence-picker',
  imports: [DatePipe, EvidenceTypePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="nhsuk-details" (toggle)="opened()">
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">
          Further evidence ({{ chosen().length === 0 ? 'optional' : chosen().length + ' chosen' }})
        </span>
      </summary>
      <div class="nhsuk-details__text">
        @let list = pages.list();
        @switch (list.status) {
          @case ('loaded') {
            @if (submitted().length === 0) {
              <p>You have no submitted evidence to add. Evidence you submit to your portfolio can be added here.</p>
            } @else {
              <fieldset class="nhsuk-fieldset" aria-describedby="further-evidence-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                  Evidence the assessor should read alongside your part
                </legend>
                <div class="nhsuk-hint" id="further-evidence-hint">
                  The assessor can read what you choose here, with its attachments.
                </div>
                <div class="nhsuk-checkboxes">
                  @for (item of submitted(); track item.id) {
                    <div class="nhsuk-checkboxes__item">
                      <input
                        #checkbox
                        class="nhsuk-checkboxes__input"
                        type="checkbox"
                        [id]="'further-evidence-' + item.id"
                        [checked]="chosenIds().has(item.id)"
                        (change)="toggle(item.id, checkbox.checked)"
                      />
                      <label class="nhsuk-label nhsuk-checkboxes__label" [for]="'further-evidence-' + item.id">
                        {{ item.title }}
                        <span class="nhsuk-u-secondary-text-colour">
                          ({{ item.type | evidenceType }}, {{ item.occurredOn | date: 'd MMM y' : 'UTC' }})
                        </span>
                      </label>
                    </div>
                  }
                </div>
              </fieldset>
            }
            @if (list.nextCursor) {
              <button
                class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                type="button"
                [attr.aria-disabled]="list.loadingMore || null"
                (click)="pages.loadMore()"
              >
                {{ list.loadingMore ? 'Loading more evidence…' : 'Show more evidence' }}
              </button>
            }
          }
          @case ('failed') {
            <p class="nhsuk-error-message">
              <span class="nhsuk-u-visually-hidden">Error:</span> Your evidence could not be loaded just now.
            </p>
          }
          @default {
            <p role="status">Loading your evidence…</p>
          }
        }
      </div>
    </details>
  `,
})
export class FurtherEvidencePicker {
  readonly chosen = input.required<readonly string[]>();
  readonly chosenChange = output<string[]>();

  private readonly http = inject(HttpClient);
  protected readonly pages = new PagedLoader<EvidenceSummary>((cursor) =>
    this.http.get<EvidencePage>(apiRoutes.evidence, {
      params: cursor
        ? new HttpParams().set('sort', 'updated-desc').set('cursor', cursor)
        : new HttpParams().set('sort', 'updated-desc'),
    }),
  );
  protected readonly chosenIds = computed(() => new Set(this.chosen()));
  protected readonly submitted = computed(() => this.pages.list().items.filter((item) => item.status !== 'draft'));

  /** The log is fetched when the trainee first looks, not with every form. */
  protected opened(): void {
    if (this.pages.list().status === 'idle') {
      this.pages.open();
    }
  }

  protected toggle(id: string, checked: boolean): void {
    const others = this.chosen().filter((chosenId) => chosenId !== id);
    this.chosenChange.emit(checked ? [...others, id] : others);
  }
}
