import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type {
  AssessmentRoundView,
  AssessmentSignatureView,
  AssessmentTicketView,
  AssessorKind,
} from '@portfolio/contracts';

const signerKindLabels: Record<AssessorKind, string> = {
  supervisor: 'educational supervisor',
  assessor: 'assessor',
  external: 'external assessor',
};

/** Who signed, when, and the fingerprint of what they signed. */
@Component({
  selector: 'app-assessment-signature',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let signature = this.signature();
    <div class="nhsuk-card app-signature">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading nhsuk-heading-m">Signature</h2>
        <dl class="nhsuk-summary-list nhsuk-u-margin-bottom-3">
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Signed off by</dt>
            <dd class="nhsuk-summary-list__value">{{ signature.signedBy }}, {{ signerKind() }}</dd>
          </div>
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Signed on</dt>
            <dd class="nhsuk-summary-list__value">{{ signature.signedAt | date: 'd MMMM y, HH:mm' }}</dd>
          </div>
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">SHA-256</dt>
            <dd class="nhsuk-summary-list__value">
              <code class="app-hash">{{ signature.contentSha256 }}</code>
            </dd>
          </div>
        </dl>
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
          The SHA-256 is a fingerprint of everything signed: the work, the further evidence, the judgement and who
          signed. Any change to any of them would give a different fingerprint, so a signed record can be checked.
        </p>
      </div>
    </div>
  `,
})
export class AssessmentSignature {
  readonly signature = input.required<AssessmentSignatureView>();
  protected readonly signerKind = computed(() => signerKindLabels[this.signature().signerKind]);
}

/** Each time the work was sent, and what the assessor decided. */
@Component({
  selector: 'app-assessment-rounds',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="app-rounds">
      @for (round of rounds(); track round.number) {
        <li class="app-rounds__item">
          <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">Round {{ round.number }}</h3>
          <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">Sent {{ round.sentAt | date: 'd MMMM y, HH:mm' }}</p>
          @switch (round.decision) {
            @case ('returned') {
              <p class="nhsuk-u-margin-bottom-2">
                Returned for revision by {{ round.decidedBy }} on {{ round.decidedAt | date: 'd MMMM y, HH:mm' }}
              </p>
              @if (round.comments) {
                <div class="nhsuk-inset-text app-rounds__comments">
                  <span class="nhsuk-u-visually-hidden">Comments: </span>
                  <p class="app-pre-wrap">{{ round.comments }}</p>
                </div>
              }
            }
            @case ('signed-off') {
              <p class="nhsuk-u-margin-bottom-0">
                Signed off by {{ round.decidedBy }} on {{ round.decidedAt | date: 'd MMMM y, HH:mm' }}
              </p>
            }
            @case ('withdrawn') {
              <p class="nhsuk-u-margin-bottom-0">
                Withdrawn on {{ round.decidedAt | date: 'd MMMM y, HH:mm' }}: the link to the assessor was revoked
              </p>
            }
            @default {
              <p class="nhsuk-u-margin-bottom-0">Waiting for the assessor</p>
            }
          }
        </li>
      }
    </ol>
  `,
})
export class AssessmentRounds {
  readonly rounds = input.required<readonly AssessmentRoundView[]>();
}

/** The single-use link an external assessor was sent, and taking it back. */
@Component({
  selector: 'app-assessment-ticket',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let ticket = this.ticket();
    <dl class="nhsuk-summary-list">
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Sent to</dt>
        <dd class="nhsuk-summary-list__value app-break-anywhere">{{ ticket.name }} ({{ ticket.email }})</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Sent on</dt>
        <dd class="nhsuk-summary-list__value">{{ ticket.createdAt | date: 'd MMMM y, HH:mm' }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Link</dt>
        <dd class="nhsuk-summary-list__value">
          @if (ticket.revokedAt) {
            Revoked on {{ ticket.revokedAt | date: 'd MMMM y, HH:mm' }}
          } @else if (ticket.usedAt) {
            Opened on {{ ticket.usedAt | date: 'd MMMM y, HH:mm' }}
          } @else {
            Not opened yet. It expires on {{ ticket.expiresAt | date: 'd MMMM y' }}.
          }
        </dd>
      </div>
    </dl>
    @if (canRevoke()) {
      <p>
        If the link went to the wrong person, or they cannot assess it, revoke it: it stops working at once and your
        assessment goes back to draft, so that you can send it to someone else.
      </p>
      <button
        class="nhsuk-button nhsuk-button--warning"
        type="button"
        [attr.aria-disabled]="revoking() || null"
        (click)="revoke.emit()"
      >
        {{ revoking() ? 'Revoking…' : 'Revoke link' }}
      </button>
    }
  `,
})
export class AssessmentTicket {
  readonly ticket = input.required<AssessmentTicketView>();
  readonly canRevoke = input(false);
  readonly revoking = input(false);
  readonly revoke = output();
}
