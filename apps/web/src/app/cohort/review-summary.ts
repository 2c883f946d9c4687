import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { type EvidenceSummary, type ProgressionReviewView, arcpOutcome } from '@portfolio/contracts';

import { OutcomeTag } from './outcome-tag';

/** A review as recorded, read-only: what a finalised review shows instead of the form. */
@Component({
  selector: 'app-review-summary',
  imports: [DatePipe, OutcomeTag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let shown = review();
    <dl class="nhsuk-summary-list app-review-summary">
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Period</dt>
        <dd class="nhsuk-summary-list__value">{{ shown.period }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Date of the panel</dt>
        <dd class="nhsuk-summary-list__value">{{ shown.reviewDate | date: 'd MMMM y' : 'UTC' }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Panel members</dt>
        <dd class="nhsuk-summary-list__value">
          <ul class="nhsuk-list">
            @for (member of shown.panelMembers; track $index) {
              <li>{{ member }}</li>
            } @empty {
              <li>None recorded</li>
            }
          </ul>
        </dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Outcome</dt>
        <dd class="nhsuk-summary-list__value">
          @if (shown.outcomeCode; as code) {
            <app-outcome-tag [code]="code" [showTitle]="true" />
            <p class="app-secondary-text app-outcome-meaning">{{ meaning() }}</p>
          } @else {
            Not decided
          }
        </dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Reasons</dt>
        <dd class="nhsuk-summary-list__value app-preserve-lines">{{ shown.reasons || 'None given' }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Actions required</dt>
        <dd class="nhsuk-summary-list__value app-preserve-lines">{{ shown.requiredActions || 'None' }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Evidence considered</dt>
        <dd class="nhsuk-summary-list__value">
          <ul class="nhsuk-list">
            @for (item of considered(); track item.id) {
              <li>{{ item.title ?? 'An item no longer visible to the panel' }}</li>
            } @empty {
              <li>None recorded</li>
            }
          </ul>
        </dd>
      </div>
      @if (shown.finalisedAt) {
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Finalised</dt>
          <dd class="nhsuk-summary-list__value">
            {{ shown.finalisedAt | date: "d MMMM y 'at' HH:mm" }}
            @if (shown.finalisedBy) {
              by {{ shown.finalisedBy }}
            }
          </dd>
        </div>
      }
    </dl>
  `,
})
export class ReviewSummary {
  readonly review = input.required<ProgressionReviewView>();
  /** The evidence the panel can see, to name what the review cites. */
  readonly evidence = input<readonly EvidenceSummary[]>([]);

  protected readonly meaning = computed(() => {
    const code = this.review().outcomeCode;
    return code ? (arcpOutcome(code)?.meaning ?? '') : '';
  });
  protected readonly considered = computed(() => {
    const titles = new Map(this.evidence().map((item) => [item.id, item.title]));
    return this.review().evidenceIds.map((id) => ({ id, title: titles.get(id) ?? null }));
  });
}
