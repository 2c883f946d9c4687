import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';

import { type ReportData, type ReportElementStatus, reportStatusLabels } from './report-data';

// NHS identity colours, so the report reads as part of the same service.
const colours: Record<ReportElementStatus, string> = {
  'signed-off': '#007f3b',
  assessed: '#005eb8',
  evidenced: '#41b6e6',
  'not-started': '#d8dde0',
};
const statusOrder: ReportElementStatus[] = ['signed-off', 'assessed', 'evidenced', 'not-started'];
const text = '#212b32';
const secondary = '#4c6272';

// One formatter for every date: building one per call is a measurable share of a report's time.
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const date = (iso: string) => longDate.format(new Date(iso));

/** One domain's coverage as a stacked bar, drawn as SVG: signed off, assessed, evidenced, not started. */
export function coverageBarSvg(totals: Record<ReportElementStatus, number>, elements: number, width = 150): string {
  let x = 0;
  const bars = statusOrder.map((status) => {
    const share = elements > 0 ? (totals[status] / elements) * width : 0;
    const bar =
      share > 0
        ? `<rect x="${x.toFixed(2)}" y="0" width="${share.toFixed(2)}" height="10" fill="${colours[status]}"/>`
        : '';
    x += share;
    return bar;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="10" viewBox="0 0 ${width} 10">${bars.join('')}</svg>`;
}

function heading(title: string): Content {
  return { text: title, style: 'heading' };
}

function facts(rows: [string, string][]): Content {
  return {
    table: {
      widths: [130, '*'],
      body: rows.map(([label, value]) => [{ text: label, bold: true }, { text: value }]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

function headerRow(labels: string[]): TableCell[] {
  return labels.map((label) => ({ text: label, style: 'tableHeader' }));
}

/**
 * The progression report as a pdfmake document: pure, so it is tested on fixed data and
 * rendered anywhere (in the request, or in a worker thread for a cohort).
 */
export function buildReportDocument(data: ReportData, contentSha256: string): TDocumentDefinitions {
  const outcome = data.review?.outcome;
  const content: Content[] = [
    { text: 'Progression report', style: 'title' },
    {
      text: `${data.deanery} · Annual Review of Competence Progression ${data.period}`,
      color: secondary,
      margin: [0, 0, 0, 12],
    },
    facts([
      ['Trainee', data.trainee.name],
      ['GMC number', data.trainee.gmcNumber ?? 'Not recorded'],
      ['Deanery', data.deanery],
      ['Programme', data.programme],
      ['Stage', data.stage.title],
      ['Grade', data.grade],
      ['Review period', data.period],
      ['Framework', `${data.framework.title} (${data.framework.version})`],
    ]),
    heading('Outcome'),
    data.review && outcome
      ? {
          stack: [
            { text: `Outcome ${outcome.code}: ${outcome.title}`, style: 'outcome' },
            { text: outcome.meaning, color: secondary, margin: [0, 0, 0, 6] },
            facts([
              ['Panel date', date(data.review.reviewDate)],
              ['Panel', data.review.panelMembers.join(', ') || 'Not recorded'],
              ['Finalised', `${date(data.review.finalisedAt)} by ${data.review.finalisedBy}`],
            ]),
            { text: 'Reasons', bold: true },
            { text: data.review.reasons || 'None recorded.', margin: [0, 2, 0, 8] },
          ],
        }
      : { text: 'No outcome has been finalised for this period.', italics: true, margin: [0, 0, 0, 8] },
    heading('Coverage by domain'),
    {
      table: {
        headerRows: 1,
        widths: ['*', 150, 42, 42, 42, 42],
        body: [
          headerRow(['Domain', 'Coverage', 'Signed off', 'Assessed', 'Evidenced', 'Not started']),
          ...data.domains.map((domain): TableCell[] => [
            { text: `${domain.code} ${domain.title}` },
            { svg: coverageBarSvg(domain.totals, domain.elements), width: 150, margin: [0, 3, 0, 0] },
            ...statusOrder.map((status) => ({
              text: `${domain.totals[status]} of ${domain.elements}`,
              alignment: 'right' as const,
            })),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    {
      columns: statusOrder.map((status) => ({
        width: 'auto',
        columns: [
          { canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 8, color: colours[status] }], width: 12 },
          { text: reportStatusLabels[status], fontSize: 8, width: 'auto' },
        ],
        columnGap: 2,
      })),
      columnGap: 12,
      margin: [0, 4, 0, 12],
    },
    heading(`Elements at the ${data.stage.title.toLowerCase()} stage`),
    {
      table: {
        headerRows: 1,
        widths: [28, '*', 58, 44, 44, 110],
        body: [
          headerRow(['', 'Element', 'Status', 'Evidence', 'Assessed', 'Signed off']),
          ...data.elements.map((element): TableCell[] => [
            { text: element.code, bold: true },
            { text: element.title },
            {
              text: reportStatusLabels[element.status],
              color: element.status === 'not-started' ? secondary : colours[element.status],
            },
            { text: String(element.evidenceCount), alignment: 'right' },
            { text: String(element.assessmentCount), alignment: 'right' },
            {
              text:
                element.signedOffBy && element.signedOffAt
                  ? `${element.signedOffBy}, ${date(element.signedOffAt)}`
                  : '—',
            },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
      margin: [0, 0, 0, 12],
    },
    heading('Signed assessments'),
    data.assessments.length > 0
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 110, 90, 80],
            body: [
              headerRow(['Assessment', 'Signed by', 'Signed on', 'Overall judgement']),
              ...data.assessments.map((assessment): TableCell[] => [
                { text: [{ text: assessment.title, bold: true }, `\n${assessment.templateTitle}`] },
                { text: assessment.signedBy },
                { text: date(assessment.signedAt) },
                { text: assessment.overallJudgement },
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 12],
        }
      : { text: 'No assessments have been signed off.', italics: true, margin: [0, 0, 0, 12] },
    heading('Gaps: elements with no evidence yet'),
    data.gaps.length > 0
      ? { ul: data.gaps.map((gap) => `${gap.code} ${gap.title}`), margin: [0, 0, 0, 12] }
      : { text: 'Every element of the stage has evidence.', margin: [0, 0, 0, 12] },
    heading('Required actions'),
    { text: data.review?.requiredActions || 'None recorded.', margin: [0, 0, 0, 12] },
    {
      text: [
        'Issued ',
        { text: date(data.issuedAt), bold: true },
        ` by ${data.issuedBy}. Check this report at ${data.verifyUrl} with the code `,
        { text: data.verificationCode, bold: true },
        '.',
      ],
      color: secondary,
      margin: [0, 8, 0, 0],
    },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 60],
    info: {
      title: `Progression report: ${data.trainee.name}, ${data.period}`,
      author: data.deanery,
      subject: `Annual Review of Competence Progression, ${data.period}`,
      keywords: `verification ${data.verificationCode}`,
      creator: 'Leadership portfolio',
    },
    content,
    footer: (currentPage, pageCount) => ({
      margin: [40, 10, 40, 0],
      fontSize: 7.5,
      color: secondary,
      columns: [
        {
          text: [
            `${data.trainee.name} · ${data.period} · verification code `,
            { text: data.verificationCode, bold: true },
            `\nContent SHA-256 ${contentSha256}`,
          ],
        },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', width: 70 },
      ],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, color: text, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 2] },
      heading: { fontSize: 13, bold: true, margin: [0, 8, 0, 6] },
      outcome: { fontSize: 12, bold: true, color: '#005eb8' },
      tableHeader: { bold: true, color: secondary, fontSize: 8.5 },
    },
  };
}
