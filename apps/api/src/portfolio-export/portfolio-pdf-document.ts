import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';

import { assessmentStatusLabels, evidenceStatuses, evidenceTypeLabels } from '@portfolio/contracts';

import type { PortfolioSummary } from './portfolio-summary';

const text = '#212b32';
const secondary = '#4c6272';
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateOf = (iso: string) => longDate.format(new Date(iso));
// Calendar dates (YYYY-MM-DD) are read as UTC so that no time zone moves them a day.
const calendarDate = (isoDate: string) => shortDate.format(new Date(`${isoDate}T00:00:00Z`));
const statusLabels: Record<(typeof evidenceStatuses)[number], string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  locked: 'Locked',
};

function heading(title: string): Content {
  return { text: title, style: 'heading', tocItem: true };
}

function headerRow(labels: string[]): TableCell[] {
  return labels.map((label) => ({ text: label, style: 'tableHeader' }));
}

function table(widths: (number | string)[], header: string[], rows: TableCell[][], empty: string): Content {
  if (rows.length === 0) return { text: empty, color: secondary, margin: [0, 0, 0, 8] };
  return {
    table: { headerRows: 1, widths, body: [headerRow(header), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

/**
 * The portfolio's readable summary as a pdfmake document: who, their training, contents, every
 * evidence item (title, date, type, elements), signed assessments with their judgements and
 * hashes, element sign-offs and progression outcomes. Pure, so it is tested on fixed data.
 */
export function buildPortfolioDocument(summary: PortfolioSummary): TDocumentDefinitions {
  const { trainee } = summary;
  const signed = summary.assessments.filter((assessment) => assessment.contentSha256 !== null);
  const content: Content[] = [
    { text: 'Leadership portfolio', style: 'title' },
    { text: trainee.name, fontSize: 14, margin: [0, 0, 0, 10] },
    {
      table: {
        widths: [130, '*'],
        body: [
          ['Trainee', trainee.name],
          ['GMC number', trainee.gmcNumber ?? 'Not recorded'],
          ['Email address', trainee.email],
          ['Exported', dateOf(summary.exportedAt)],
          [
            'Made for',
            summary.purpose === 'subject-access-request' ? 'A subject access request' : 'The trainee’s own copy',
          ],
          ['Evidence items', String(summary.evidence.length)],
          ['Signed assessments', String(signed.length)],
        ].map(([label, value]) => [{ text: label ?? '', bold: true }, { text: value ?? '' }]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 8],
    },
    {
      text: 'Every item’s full text is in the evidence folder of this ZIP, its files in attachments, and everything in portfolio.json.',
      color: secondary,
      margin: [0, 0, 0, 8],
    },
    { toc: { title: { text: 'Contents', style: 'heading' } } },
    heading('Training'),
    table(
      ['*', '*', 70, 50, 110],
      ['Deanery', 'Programme', 'Stage', 'Grade', 'Dates'],
      summary.trainingRecords.map((record) => [
        record.deanery,
        record.programme,
        record.stageKey,
        record.grade,
        `${calendarDate(record.startsOn)} to ${record.endsOn ? calendarDate(record.endsOn) : 'now'}`,
      ]),
      'No training record.',
    ),
    heading('Evidence'),
    table(
      [62, '*', 88, 52, 60],
      ['Date', 'Title', 'Type', 'Status', 'Elements'],
      summary.evidence.map((item) => [
        calendarDate(item.occurredOn),
        {
          text: [
            item.title,
            {
              text: `\n${item.path}${item.attachments ? ` · ${item.attachments} attachment${item.attachments === 1 ? '' : 's'}` : ''}`,
              color: secondary,
              fontSize: 7.5,
            },
          ],
        },
        evidenceTypeLabels[item.type],
        statusLabels[item.status],
        item.elementCodes.join(', ') || '–',
      ]),
      'No evidence has been logged.',
    ),
    heading('Signed assessments'),
    ...(signed.length === 0
      ? [{ text: 'No assessment has been signed off.', color: secondary, margin: [0, 0, 0, 8] } as Content]
      : signed.map(
          (assessment): Content => ({
            stack: [
              { text: assessment.title, bold: true },
              {
                text: `${assessment.templateTitle} · signed by ${assessment.signedBy ?? 'unknown'} on ${
                  assessment.signedAt ? dateOf(assessment.signedAt) : 'an unknown date'
                }`,
              },
              { text: `Overall judgement: ${assessment.overallJudgementTitle ?? 'none recorded'}` },
              {
                text: `Content SHA-256 ${assessment.contentSha256 ?? ''} · ${assessment.path}`,
                fontSize: 7.5,
                color: secondary,
              },
            ],
            margin: [0, 0, 0, 8],
            unbreakable: true,
          }),
        )),
    heading('Other assessments'),
    table(
      ['*', 150, 90],
      ['Title', 'Form', 'Status'],
      summary.assessments
        .filter((assessment) => assessment.contentSha256 === null)
        .map((assessment) => [assessment.title, assessment.templateTitle, assessmentStatusLabels[assessment.status]]),
      'None.',
    ),
    heading('Element sign-offs'),
    table(
      [40, '*', 70, 110, 70],
      ['Element', 'Title', 'Stage', 'Recorded by', 'Date'],
      summary.elementSignOffs.map((record) => [
        record.elementCode,
        record.kind === 'withdrawal' ? `${record.elementTitle} (withdrawn)` : record.elementTitle,
        record.stageKey,
        record.recordedBy,
        dateOf(record.recordedAt),
      ]),
      'No element has been signed off.',
    ),
    heading('Progression outcomes'),
    table(
      [60, 80, '*'],
      ['Period', 'Review date', 'Outcome'],
      summary.progressionOutcomes.map((outcome) => [
        outcome.period,
        calendarDate(outcome.reviewDate),
        `${outcome.outcomeCode}: ${outcome.outcomeTitle}`,
      ]),
      'No final progression outcome.',
    ),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: {
      title: `Leadership portfolio: ${trainee.name}`,
      subject: 'Portable portfolio export',
      creator: 'Leadership portfolio',
    },
    content,
    footer: (currentPage, pageCount) => ({
      margin: [40, 14, 40, 0],
      fontSize: 7.5,
      color: secondary,
      columns: [
        { text: `${trainee.name} · leadership portfolio exported ${dateOf(summary.exportedAt)}` },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', width: 70 },
      ],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9, color: text, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 2] },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] },
      tableHeader: { bold: true, color: secondary, fontSize: 8 },
    },
  };
}
