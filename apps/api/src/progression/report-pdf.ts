import { createHash } from 'node:crypto';
import type { DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';

import { canonicalJson } from '@portfolio/competency';

import { pdfEngine } from './pdf-engine';
import type { ReportData } from './report-data';
import { buildReportDocument } from './report-document';

export function contentSha256Of(data: ReportData): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

export async function renderDocument(document: TDocumentDefinitions): Promise<Buffer> {
  return pdfEngine().createPdf(document).getBuffer();
}

export interface RenderedReport {
  pdf: Buffer;
  contentSha256: string;
  fileSha256: string;
  pages: number;
}

/** Renders one report; used in the request for a single report and in worker threads for a cohort. */
export async function renderReport(data: ReportData): Promise<RenderedReport> {
  const contentSha256 = contentSha256Of(data);
  let pages = 0;
  const document = buildReportDocument(data, contentSha256);
  const footer = document.footer as DynamicContent;
  // pdfmake tells the footer the page count: the one place to learn it without parsing the file.
  document.footer = (currentPage, pageCount, pageSize) => {
    pages = pageCount;
    return footer(currentPage, pageCount, pageSize);
  };
  const pdf = await renderDocument(document);
  return { pdf, contentSha256, fileSha256: createHash('sha256').update(pdf).digest('hex'), pages };
}
