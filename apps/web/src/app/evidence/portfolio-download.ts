import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { apiRoutes } from '@portfolio/contracts';

/**
 * The trainee's one-click export. A plain link: the browser saves the ZIP straight to disk as the
 * server streams it, however large the portfolio.
 */
@Component({
  selector: 'app-portfolio-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="nhsuk-u-margin-top-7" aria-labelledby="portfolio-download-heading">
      <h2 id="portfolio-download-heading">Download my whole portfolio</h2>
      <p>One ZIP file with everything you have logged, drafts and private reflections included:</p>
      <ul>
        <li>each evidence item as a text (Markdown) file, with its attachments</li>
        <li>your assessments, with the judgements and the fingerprints (SHA-256) of those signed off</li>
        <li>element sign-offs and progression outcomes</li>
        <li>a PDF summary, and a <span lang="en">portfolio.json</span> file that other systems can read</li>
      </ul>
      <p>
        <a class="nhsuk-button nhsuk-button--secondary" [href]="downloadUrl()" download>
          Download my whole portfolio (ZIP)
        </a>
      </p>
    </section>
  `,
})
export class PortfolioDownload {
  readonly traineeId = input.required<string>();

  protected readonly downloadUrl = computed(() => apiRoutes.portfolioExport(this.traineeId()));
}
