import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { renderPortfolioPdf } from './portfolio-pdf';
import { buildPortfolioDocument } from './portfolio-pdf-document';
import type { PortfolioSummary } from './portfolio-summary';

function sampleSummary(items = 3): PortfolioSummary {
  return {
    exportedAt: '2027-06-14T10:00:00.000Z',
    purpose: 'trainee-download',
    trainee: { name: 'Dr Priya Portable', email: 'priya@example.test', gmcNumber: '7123456' },
    trainingRecords: [
      {
        deanery: 'North Deanery',
        programme: 'Foundation North',
        stageKey: 'postgraduate',
        grade: 'FY2',
        startsOn: '2026-08-05',
        endsOn: null,
      },
    ],
    evidence: Array.from({ length: items }, (_, index) => ({
      title: `Evidence item number ${index + 1}`,
      occurredOn: '2026-09-14',
      type: 'leadership-activity' as const,
      status: 'submitted' as const,
      elementCodes: ['2.1', '4.2'],
      attachments: index === 0 ? 2 : 0,
      path: `evidence/${String(index + 1).padStart(4, '0')}-2026-09-14-evidence-item.md`,
    })),
    assessments: [
      {
        title: 'Fewer missed doses on ward 7',
        templateTitle: 'Service-improvement business plan',
        status: 'signed-off',
        signedAt: '2027-01-10T12:00:00.000Z',
        signedBy: 'Dr Tom Evans',
        overallJudgementTitle: 'Satisfactory: ready to sign off',
        contentSha256: 'b'.repeat(64),
        path: 'assessments/0001-2027-01-02-fewer-missed-doses.json',
      },
      {
        title: 'Case discussion still in draft',
        templateTitle: 'Leadership case-based discussion',
        status: 'draft',
        signedAt: null,
        signedBy: null,
        overallJudgementTitle: null,
        contentSha256: null,
        path: 'assessments/0002-2027-02-02-case-discussion.json',
      },
    ],
    elementSignOffs: [
      {
        kind: 'sign-off',
        elementCode: '3.2',
        elementTitle: 'Managing resources',
        stageKey: 'postgraduate',
        recordedBy: 'Dr Tom Evans',
        recordedAt: '2027-01-11T12:00:00.000Z',
      },
    ],
    progressionOutcomes: [
      { period: '2026-27', reviewDate: '2027-06-10', outcomeCode: '1', outcomeTitle: 'Satisfactory progress' },
    ],
  };
}

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'portfolio-pdf-')), 'portfolio.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

describe('the portfolio summary PDF', () => {
  it('is a pure function of the summary: same data, same document', () => {
    const first = buildPortfolioDocument(sampleSummary());
    const second = buildPortfolioDocument(sampleSummary());
    expect(JSON.stringify(first.content)).toBe(JSON.stringify(second.content));
    expect(first.info?.title).toBe('Leadership portfolio: Dr Priya Portable');
  });

  it('prints the contents, every item, the signed assessment with its judgement and hash, sign-offs and outcomes', async () => {
    const text = pdfText(await renderPortfolioPdf(sampleSummary()));
    for (const expected of [
      'Leadership portfolio',
      'Dr Priya Portable',
      'Contents',
      'Evidence item number 1',
      'Evidence item number 3',
      'Leadership activity',
      '2.1, 4.2',
      'Fewer missed doses on ward 7',
      'Overall judgement: Satisfactory: ready to sign off',
      'b'.repeat(64),
      'Case discussion still in draft',
      'Managing resources',
      '1: Satisfactory progress',
      'Page 1 of',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('says what is missing rather than printing empty tables', async () => {
    const empty: PortfolioSummary = {
      ...sampleSummary(0),
      trainingRecords: [],
      assessments: [],
      elementSignOffs: [],
      progressionOutcomes: [],
    };
    const text = pdfText(await renderPortfolioPdf(empty));
    expect(text).toContain('No evidence has been logged.');
    expect(text).toContain('No assessment has been signed off.');
    expect(text).toContain('No final progression outcome.');
  });
});
