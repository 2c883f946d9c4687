import { type CohortSummary, buildCohortSummaryDocument } from './cohort-summary-document';
import type { ReportData } from './report-data';
import { type RenderedReport, renderDocument, renderReport } from './report-pdf';

/** What a worker thread is asked to render. */
export type RenderTask = { kind: 'report'; data: ReportData } | { kind: 'cohort-summary'; summary: CohortSummary };

/** A worker thread's task. Piscina calls the default export. */
export default function renderInWorker(task: RenderTask): Promise<RenderedReport | Uint8Array> {
  return task.kind === 'report' ? renderReport(task.data) : renderDocument(buildCohortSummaryDocument(task.summary));
}
