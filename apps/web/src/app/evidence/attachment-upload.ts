import { HttpClient, HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Subscription } from 'rxjs';

import { type AttachmentView, MAX_ATTACHMENT_BYTES, apiRoutes, attachmentKindsDescription } from '@portfolio/contracts';

import { apiErrorBody, statusOf } from '../shared/api-errors';
import { AttachmentList } from './attachment-list';
import { fileSizeLabel } from './evidence-labels';

/** What the file picker offers; the API checks each file's content, whatever its name. */
export const acceptedAttachmentTypes = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt';

/** Why a file cannot be attached, before it is sent; null when it may be. */
export function attachmentProblem(file: Pick<File, 'size' | 'name'>): string | null {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `${file.name} is ${fileSizeLabel(file.size)}. The file must be 20 MB or smaller.`;
  }
  if (file.size === 0) {
    return `${file.name} is empty. Choose a file with something in it.`;
  }
  return null;
}

/** Files attached to an item, and a file input that uploads another with a progress bar. */
@Component({
  selector: 'app-attachment-upload',
  imports: [AttachmentList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-attachment-list [evidenceId]="evidenceId() ?? ''" [attachments]="attachments()" />
    @if (!evidenceId()) {
      <p>You can attach files once your draft has been saved, which happens when it has a title.</p>
    } @else {
      <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="problem()">
        <label class="nhsuk-label" for="attachment">Attach a file</label>
        <div class="nhsuk-hint" id="attachment-hint">{{ kinds }}, up to 20 MB each.</div>
        @if (problem(); as problem) {
          <span class="nhsuk-error-message" id="attachment-error">
            <span class="nhsuk-u-visually-hidden">Error:</span> {{ problem }}
          </span>
        }
        <input
          #fileInput
          class="app-file-input"
          id="attachment"
          name="attachment"
          type="file"
          [accept]="accept"
          [attr.aria-describedby]="problem() ? 'attachment-hint attachment-error' : 'attachment-hint'"
          (change)="choose(fileInput)"
        />
      </div>
      @if (progress(); as progress) {
        <div class="app-upload-progress">
          <label class="nhsuk-label nhsuk-body-s" for="upload-progress">
            Uploading {{ progress.fileName }}: {{ progress.percent }}%
          </label>
          <progress class="app-upload-progress__bar" id="upload-progress" max="100" [value]="progress.percent">
            {{ progress.percent }}%
          </progress>
        </div>
      }
      <button
        class="nhsuk-button nhsuk-button--secondary"
        type="button"
        [attr.aria-disabled]="progress() !== null || null"
        (click)="upload()"
      >
        Upload file
      </button>
      <p class="nhsuk-body-s" role="status">{{ announcement() }}</p>
    }
  `,
})
export class AttachmentUpload {
  readonly evidenceId = input.required<string | null>();
  readonly attachments = input.required<readonly AttachmentView[]>();
  readonly uploaded = output<AttachmentView>();

  private readonly http = inject(HttpClient);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly accept = acceptedAttachmentTypes;
  protected readonly kinds = attachmentKindsDescription;
  protected readonly chosen = signal<File | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly progress = signal<{ fileName: string; percent: number } | null>(null);
  protected readonly announcement = signal('');
  private request: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected choose(fileInput: HTMLInputElement): void {
    const file = fileInput.files?.[0] ?? null;
    this.chosen.set(file);
    this.announcement.set('');
    this.problem.set(file ? attachmentProblem(file) : null);
  }

  protected upload(): void {
    const file = this.chosen();
    const evidenceId = this.evidenceId();
    if (this.progress() || !evidenceId) {
      return;
    }
    if (!file) {
      this.problem.set('Choose a file to attach');
      return;
    }
    const problem = attachmentProblem(file);
    this.problem.set(problem);
    if (problem) {
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    this.progress.set({ fileName: file.name, percent: 0 });
    this.announcement.set(`Uploading ${file.name}`);
    this.request = this.http
      .post<AttachmentView>(apiRoutes.evidenceAttachments(evidenceId), form, {
        reportProgress: true,
        observe: 'events',
      })
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            this.progress.set({ fileName: file.name, percent: Math.round((100 * event.loaded) / event.total) });
          } else if (event.type === HttpEventType.Response && event.body) {
            this.finished(event.body);
          }
        },
        error: (error: unknown) => {
          this.progress.set(null);
          this.announcement.set('');
          this.problem.set(uploadProblem(error, file.name));
        },
      });
  }

  private finished(attachment: AttachmentView): void {
    this.progress.set(null);
    this.chosen.set(null);
    const input = this.fileInput()?.nativeElement;
    if (input) {
      input.value = '';
    }
    this.announcement.set(`${attachment.fileName} has been attached.`);
    this.uploaded.emit(attachment);
  }
}

function uploadProblem(error: unknown, fileName: string): string {
  const status = statusOf(error);
  const message = apiErrorBody(error)?.message;
  if (status === 413) {
    return message ?? `${fileName} is larger than 20 MB. The file must be 20 MB or smaller.`;
  }
  if (status === 415) {
    return message ?? `${fileName} is not a kind of file the portfolio takes: ${attachmentKindsDescription}.`;
  }
  if (status === 0) {
    return `${fileName} could not be uploaded. Check your connection and try again.`;
  }
  if (status === 409 && message) {
    return message;
  }
  return `${fileName} could not be uploaded. Try again later.`;
}
