import { renderPortfolioPdf } from './portfolio-pdf';
import type { PortfolioSummary } from './portfolio-summary';

/** A worker thread's task: render one portfolio PDF. Piscina calls the default export. */
export default function renderPortfolioInWorker(summary: PortfolioSummary): Promise<Buffer> {
  return renderPortfolioPdf(summary);
}
