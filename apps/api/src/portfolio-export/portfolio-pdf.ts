import { renderDocument } from '../progression/report-pdf';
import { buildPortfolioDocument } from './portfolio-pdf-document';
import type { PortfolioSummary } from './portfolio-summary';

/** Renders the portfolio's summary PDF; on a worker thread in the built server, in tests on the caller's. */
export function renderPortfolioPdf(summary: PortfolioSummary): Promise<Buffer> {
  return renderDocument(buildPortfolioDocument(summary));
}
