import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { type AttachmentView, apiRoutes } from '@portfolio/contracts';

import { FileSizePipe } from './evidence-labels';

/** The files attached to an item, each a download link with its kind and size. */
@Component({
  selector: 'app-attachment-list',
  imports: [FileSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (attachments().length === 0) {
      <p>No files attached.</p>
    } @else {
      <ul class="nhsuk-list app-attachment-list">
        @for (attachment of attachments(); track attachment.id) {
          <li>
            <a class="app-break-anywhere" [href]="downloadUrl(attachment)" download>
              {{ attachment.fileName }}<span class="nhsuk-u-visually-hidden"> (download)</span>
            </a>
            <span class="nhsuk-body-s app-attachment-list__details">
              {{ kindOf(attachment) }}, {{ attachment.sizeBytes | fileSize }}
            </span>
          </li>
        }
      </ul>
    }
  `,
})
export class AttachmentList {
  readonly evidenceId = input.required<string>();
  readonly attachments = input.required<readonly AttachmentView[]>();

  protected downloadUrl(attachment: AttachmentView): string {
    return apiRoutes.evidenceAttachment(this.evidenceId(), attachment.id);
  }

  protected kindOf(attachment: AttachmentView): string {
    const [family, subtype] = attachment.contentType.split('/');
    if (subtype === 'pdf') {
      return 'PDF';
    }
    if (family === 'image') {
      return `${(subtype ?? 'image').toUpperCase()} image`;
    }
    if (family === 'text') {
      return 'Text';
    }
    // Office types all say "officedocument", so the specific kinds are tried first.
    if (/sheet|excel/.test(subtype ?? '')) {
      return 'Spreadsheet';
    }
    if (/presentation|powerpoint/.test(subtype ?? '')) {
      return 'Presentation';
    }
    if (/word|document/.test(subtype ?? '')) {
      return 'Word document';
    }
    return 'File';
  }
}
