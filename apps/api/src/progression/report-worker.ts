import type { ReportData } from './report-data';
import { type RenderedReport, renderReport } from './report-pdf';

/** A worker thread's task: render one report. Piscina calls the default export. */
export default function renderInWorker(data: ReportData): Promise<RenderedReport> {
  return renderReport(data);
}
