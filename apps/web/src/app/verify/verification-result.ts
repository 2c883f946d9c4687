import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { VerificationOutcome } from './verification-store';

/**
 * What a check found. A genuine report shows what the service holds for it, to compare with
 * the paper; anything else is a plain warning not to rely on the report.
 */
@Component({
  selector: 'app-verification-result',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let checked = outcome();
    @if (checked.verification.report; as report) {
      <div class="nhsuk-panel app-verification-panel">
        <h2 class="nhsuk-panel__title">This report is genuine</h2>
        <div class="nhsuk-panel__body">
          @switch (checked.source.kind) {
            @case ('file') {
              {{ checked.source.fileName }} is exactly as this service issued it.
            }
            @case ('code') {
              Code {{ report.verificationCode }} belongs to a report this service issued.
            }
          }
        </div>
      </div>
      @if (checked.source.kind === 'code') {
        <p>
          Check that the report you have says the same as below. If anything differs, it has been changed since it was
          issued: do not rely on it.
        </p>
      }
      <dl class="nhsuk-summary-list app-verification-details">
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Name</dt>
          <dd class="nhsuk-summary-list__value">{{ report.traineeName }}</dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">GMC number</dt>
          <dd class="nhsuk-summary-list__value">{{ report.gmcNumber ?? 'Not known' }}</dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Review period</dt>
          <dd class="nhsuk-summary-list__value">{{ report.period }}</dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Outcome</dt>
          <dd class="nhsuk-summary-list__value">
            @if (report.outcomeCode) {
              Outcome {{ report.outcomeCode }}: {{ report.outcomeTitle }}
            } @else {
              No final outcome when the report was issued
            }
          </dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Date of the review</dt>
          <dd class="nhsuk-summary-list__value">
            {{ report.reviewDate ? (report.reviewDate | date: 'd MMMM y' : 'UTC') : 'No review' }}
          </dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Issued</dt>
          <dd class="nhsuk-summary-list__value">{{ report.issuedAt | date: "d MMMM y 'at' HH:mm" }}</dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Verification code</dt>
          <dd class="nhsuk-summary-list__value">
            <code class="app-code">{{ report.verificationCode }}</code>
          </dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Content hash (SHA-256)</dt>
          <dd class="nhsuk-summary-list__value">
            <code class="app-code">{{ report.contentSha256 }}</code>
          </dd>
        </div>
      </dl>
    } @else {
      <div class="nhsuk-warning-callout app-verification-warning">
        <h2 class="nhsuk-warning-callout__label">
          <span role="text"
            ><span class="nhsuk-u-visually-hidden">Important: </span>
            @switch (checked.source.kind) {
              @case ('file') {
                This file does not match any report we issued
              }
              @case ('code') {
                We have no report with this code
              }
            }
          </span>
        </h2>
        @switch (checked.source.kind) {
          @case ('file') {
            <p>
              {{ checked.source.fileName }} is not a progression report from this service, or it has been changed since
              it was issued. Do not rely on it.
            </p>
            <p>If you have the paper report, check the verification code printed on it instead.</p>
          }
          @case ('code') {
            <p>
              Check that you typed <code class="app-code">{{ checked.source.code }}</code> as it is printed on the
              report. If it is, the report was not issued by this service: do not rely on it.
            </p>
          }
        }
      </div>
    }
  `,
})
export class VerificationResult {
  readonly outcome = input.required<VerificationOutcome>();
}
