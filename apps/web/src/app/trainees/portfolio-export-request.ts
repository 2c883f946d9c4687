import { ChangeDetectionStrategy, Component, type ElementRef, inject, input, signal, viewChild } from '@angular/core';

import { apiRoutes } from '@portfolio/contracts';

import { FileDownloader } from '../cohort/file-downloader';

const maxReasonLength = 500;

/**
 * A deanery administrator's export of a trainee's whole portfolio, for a subject access request.
 * The reason is required (the API audits it); the ZIP then downloads straight to disk.
 */
@Component({
  selector: 'app-portfolio-export-request',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="nhsuk-u-margin-top-7" aria-labelledby="portfolio-export-heading">
      <h2 id="portfolio-export-heading">Export portfolio (subject access request)</h2>
      <p>
        One ZIP file with everything {{ traineeName() }} has logged, drafts and private reflections included: evidence
        with attachments, assessments with their signatures, sign-offs, progression outcomes and a PDF summary.
      </p>
      <p>The export and your reason are recorded in the audit log.</p>
      <form novalidate (submit)="submit($event)">
        <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="error()">
          <label class="nhsuk-label" for="export-reason">Reason for the export</label>
          <div class="nhsuk-hint" id="export-reason-hint">
            For example, the reference of the subject access request it answers.
          </div>
          @if (error(); as error) {
            <span class="nhsuk-error-message" id="export-reason-error">
              <span class="nhsuk-u-visually-hidden">Error:</span> {{ error }}
            </span>
          }
          <textarea
            #reason
            class="nhsuk-textarea"
            [class.nhsuk-textarea--error]="error()"
            id="export-reason"
            name="reason"
            rows="2"
            [attr.aria-describedby]="error() ? 'export-reason-hint export-reason-error' : 'export-reason-hint'"
          ></textarea>
        </div>
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">Export portfolio (ZIP)</button>
      </form>
      <p role="status">{{ started() ? 'The export has started: your browser saves the ZIP file.' : '' }}</p>
    </section>
  `,
})
export class PortfolioExportRequest {
  readonly traineeId = input.required<string>();
  readonly traineeName = input.required<string>();

  protected readonly error = signal<string | null>(null);
  protected readonly started = signal(false);
  private readonly reasonField = viewChild.required<ElementRef<HTMLTextAreaElement>>('reason');
  private readonly downloader = inject(FileDownloader);

  protected submit(event: Event): void {
    event.preventDefault();
    const field = this.reasonField().nativeElement;
    const reason = field.value.trim();
    const error = !reason
      ? 'Enter the reason for the export'
      : reason.length > maxReasonLength
        ? `The reason must be ${maxReasonLength} characters or fewer`
        : null;
    this.error.set(error);
    this.started.set(error === null);
    if (error) {
      field.focus();
      return;
    }
    this.downloader.download(apiRoutes.portfolioExport(this.traineeId(), reason));
  }
}
