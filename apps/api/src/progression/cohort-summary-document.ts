import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';

export interface CohortSummaryRow {
  name: string;
  gmcNumber: string | null;
  programme: string;
  stage: string;
  grade: string;
  outcome: string;
  signedOff: string;
  verificationCode: string | null;
  error: string | null;
}

export interface CohortSummary {
  deanery: string;
  period: string;
  issuedAt: string;
  issuedBy: string;
  rows: CohortSummaryRow[];
}

/** One document for the whole cohort: every trainee's outcome and the code of their report. */
export function buildCohortSummaryDocument(summary: CohortSummary): TDocumentDefinitions {
  const produced = summary.rows.filter((row) => row.verificationCode).length;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [32, 36, 32, 48],
    info: {
      title: `Cohort progression summary: ${summary.deanery}, ${summary.period}`,
      author: summary.deanery,
      subject: `Annual Review of Competence Progression, ${summary.period}`,
      creator: 'Leadership portfolio',
    },
    content: [
      { text: 'Cohort progression summary', fontSize: 18, bold: true },
      {
        text: `${summary.deanery} · ${summary.period} · ${produced} of ${summary.rows.length} reports issued ${new Date(
          summary.issuedAt,
        ).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} by ${summary.issuedBy}`,
        color: '#4c6272',
        margin: [0, 2, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          widths: ['*', 52, '*', 70, 36, 120, 52, 86],
          body: [
            ['Trainee', 'GMC', 'Programme', 'Stage', 'Grade', 'Outcome', 'Signed off', 'Report'].map(
              (label): TableCell => ({ text: label, bold: true, color: '#4c6272' }),
            ),
            ...summary.rows.map((row): TableCell[] => [
              row.name,
              row.gmcNumber ?? '—',
              row.programme,
              row.stage,
              row.grade,
              row.outcome,
              row.signedOff,
              row.verificationCode
                ? { text: row.verificationCode, bold: true }
                : { text: `Not produced: ${row.error ?? 'unknown error'}`, color: '#d5281b' },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 8,
      },
    ],
    footer: (currentPage, pageCount) => ({
      text: `${summary.deanery} · ${summary.period} · page ${currentPage} of ${pageCount}`,
      alignment: 'right',
      fontSize: 7.5,
      color: '#4c6272',
      margin: [32, 14, 32, 0],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9, color: '#212b32' },
  };
}
