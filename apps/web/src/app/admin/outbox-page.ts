import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { CountPipe } from '../shared/count.pipe';
import { ServiceProblem } from '../shared/service-problem';
import { AdminStore } from './admin-store';

/** The mail the portfolio has sent or holds to send, newest first, each with its text to read. */
@Component({
  selector: 'app-outbox-page',
  imports: [CountPipe, DatePipe, ServiceProblem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let list = store.outbox();
    @switch (list.status) {
      @case ('loaded') {
        <h1>Outbox</h1>
        <p class="nhsuk-lede-text">The mail the portfolio has sent, and any still waiting to go. Newest first.</p>
        @if (list.items.length === 0) {
          <p>No mail has been sent yet.</p>
        } @else {
          <ul class="app-outbox">
            @for (message of list.items; track message.id) {
              <li class="app-outbox__message">
                <h2 class="nhsuk-heading-s app-outbox__subject">{{ message.subject }}</h2>
                <dl class="nhsuk-summary-list app-outbox__facts">
                  <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">To</dt>
                    <dd class="nhsuk-summary-list__value app-break-anywhere">{{ message.to }}</dd>
                  </div>
                  <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">Created</dt>
                    <dd class="nhsuk-summary-list__value">{{ message.createdAt | date: "d MMMM y 'at' HH:mm" }}</dd>
                  </div>
                  <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">Sent</dt>
                    <dd class="nhsuk-summary-list__value">
                      @if (message.sentAt) {
                        {{ message.sentAt | date: "d MMMM y 'at' HH:mm" }}
                      } @else {
                        <strong class="nhsuk-tag nhsuk-tag--yellow">Waiting in outbox</strong>
                      }
                    </dd>
                  </div>
                </dl>
                <details class="nhsuk-details app-outbox__details">
                  <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text"
                      >Read the message<span class="nhsuk-u-visually-hidden">: {{ message.subject }}</span></span
                    >
                  </summary>
                  <div class="nhsuk-details__text">
                    <p class="app-outbox__text">{{ message.text }}</p>
                  </div>
                </details>
              </li>
            }
          </ul>
          <p role="status">
            Showing {{ list.items.length | count: 'message' }}{{ hasMore() ? '' : ', all there are' }}.
          </p>
          @if (list.moreFailed) {
            <p class="nhsuk-error-message">
              <span class="nhsuk-u-visually-hidden">Error:</span> More messages could not be loaded. Try again.
            </p>
          }
          @if (hasMore()) {
            <button
              class="nhsuk-button nhsuk-button--secondary"
              type="button"
              [attr.aria-disabled]="list.loadingMore || null"
              (click)="store.loadMoreOutbox()"
            >
              {{ list.loadingMore ? 'Loading more messages…' : 'Show more messages' }}
            </button>
          }
        }
      }
      @case ('failed') {
        <app-service-problem whatFailed="The outbox could not be loaded" (retry)="store.openOutbox()" />
      }
      @case ('not-found') {
        <app-service-problem whatFailed="The outbox could not be loaded" (retry)="store.openOutbox()" />
      }
      @default {
        <h1>Outbox</h1>
        <p role="status">Loading the outbox…</p>
      }
    }
  `,
})
export class OutboxPage {
  protected readonly store = inject(AdminStore);
  protected readonly hasMore = computed(() => this.store.outbox().nextCursor !== null);

  constructor() {
    this.store.openOutbox();
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Administration', link: ['/admin'] },
    ]);
  }
}
