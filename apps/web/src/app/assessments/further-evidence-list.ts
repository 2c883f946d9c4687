import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { type EvidenceView, apiRoutes } from '@portfolio/contracts';

import { EvidenceTypePipe, FileSizePipe } from '../evidence/evidence-labels';

/**
 * The further evidence put forward with an assessment, readable in place: an assessor may not
 * otherwise see the trainee's log, so attachments come through the assessment's own routes.
 */
@Component({
  selector: 'app-further-evidence-list',
  imports: [DatePipe, EvidenceTypePipe, FileSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (item of evidence(); track item.id) {
      <details class="nhsuk-details app-further-evidence">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text app-break-anywhere">{{ item.title }}</span>
        </summary>
        <div class="nhsuk-details__text">
          <p class="nhsuk-body-s nhsuk-u-secondary-text-colour">
            {{ item.type | evidenceType }}, {{ item.occurredOn | date: 'd MMMM y' : 'UTC' }}
          </p>
          @if (item.bodyHtml) {
            <div class="app-markdown nhsuk-u-margin-bottom-3" [innerHTML]="item.bodyHtml"></div>
          }
          @if (item.links.length > 0) {
            <p class="nhsuk-body-s">
              Elements:
              @for (link of item.links; track link.elementKey + '@' + link.stageKey; let last = $last) {
                {{ link.elementCode }} {{ link.elementTitle }}{{ last ? '' : ',' }}
              }
            </p>
          }
          @if (item.attachments.length > 0) {
            <ul class="nhsuk-list app-attachment-list nhsuk-u-margin-bottom-0">
              @for (attachment of item.attachments; track attachment.id) {
                <li>
                  <a [href]="attachmentUrl(item.id, attachment.id)" download
                    >{{ attachment.fileName }}<span class="nhsuk-u-visually-hidden"> (download)</span></a
                  >
                  <span class="nhsuk-body-s app-attachment-list__details">{{ attachment.sizeBytes | fileSize }}</span>
                </li>
              }
            </ul>
          }
        </div>
      </details>
    } @empty {
      <p>None.</p>
    }
  `,
})
export class FurtherEvidenceList {
  readonly evidence = input.required<readonly EvidenceView[]>();
  readonly assessmentId = input.required<string>();
  /** An external assessor reads attachments through their session's routes. */
  readonly external = input(false);

  protected attachmentUrl(evidenceId: string, attachmentId: string): string {
    return this.external()
      ? apiRoutes.externalAttachment(evidenceId, attachmentId)
      : apiRoutes.assessmentAttachment(this.assessmentId(), evidenceId, attachmentId);
  }
}
