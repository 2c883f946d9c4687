import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ReportData } from './report-data';
import { buildReportDocument, coverageBarSvg } from './report-document';
import { renderReport } from './report-pdf';

function sampleReport(): ReportData {
  return {
    verificationCode: 'K7QH-3XPM-92TD',
    verifyUrl: 'https://portfolio.example/verify',
    issuedAt: '2027-06-14T10:00:00.000Z',
    issuedBy: 'Dana Admin',
    deanery: 'North Deanery',
    programme: 'Foundation North',
    trainee: { name: 'Alex Trainee', gmcNumber: '7654321' },
    stage: { key: 'postgraduate', title: 'Postgraduate' },
    grade: 'FY2',
    period: '2026-27',
    framework: { title: 'Medical Leadership Competency Framework', version: '2010' },
    review: {
      reviewDate: '2027-06-10',
      panelMembers: ['Dr A Chair', 'Ms B Lay member'],
      outcome: { code: '1', title: 'Satisfactory progress', meaning: 'Achieving progress at the expected rate.' },
      reasons: 'Good evidence across domains.',
      requiredActions: 'Complete a second improvement cycle.',
      finalisedBy: 'Dana Admin',
      finalisedAt: '2027-06-11T09:00:00.000Z',
    },
    domains: [
      {
        code: '3',
        title: 'Managing Services',
        elements: 4,
        totals: { 'signed-off': 1, assessed: 1, evidenced: 1, 'not-started': 1 },
      },
      {
        code: '4',
        title: 'Improving Services',
        elements: 4,
        totals: { 'signed-off': 0, assessed: 0, evidenced: 0, 'not-started': 4 },
      },
    ],
    elements: [
      {
        code: '3.2',
        title: 'Managing Resources',
        domainCode: '3',
        status: 'signed-off',
        evidenceCount: 3,
        assessmentCount: 1,
        signedOffBy: 'Dr S Supervisor',
        signedOffAt: '2027-05-01T12:00:00.000Z',
      },
      {
        code: '4.1',
        title: 'Ensuring Patient Safety',
        domainCode: '4',
        status: 'not-started',
        evidenceCount: 0,
        assessmentCount: 0,
        signedOffBy: null,
        signedOffAt: null,
      },
    ],
    assessments: [
      {
        title: 'Fewer missed doses on ward 7',
        templateTitle: 'Service-improvement project business plan',
        signedBy: 'Dr S Supervisor',
        signedAt: '2027-04-20T12:00:00.000Z',
        overallJudgement: 'Satisfactory',
      },
    ],
    gaps: [{ code: '4.1', title: 'Ensuring Patient Safety' }],
  };
}

describe('the progression report document', () => {
  it('holds every section with the right figures, metadata and a page footer', () => {
    const document = buildReportDocument(sampleReport(), 'a'.repeat(64));
    const flat = JSON.stringify(document.content);
    for (const expected of [
      'Alex Trainee',
      '7654321',
      'North Deanery',
      'Foundation North',
      'FY2',
      '2026-27',
      'Outcome 1: Satisfactory progress',
      'Good evidence across domains.',
      'Dr A Chair, Ms B Lay member',
      '1 of 4',
      '3.2',
      'Dr S Supervisor, 1 May 2027',
      'Fewer missed doses on ward 7',
      'Satisfactory',
      '4.1 Ensuring Patient Safety',
      'Complete a second improvement cycle.',
      'K7QH-3XPM-92TD',
    ]) {
      expect(flat).toContain(expected);
    }
    expect(document.info).toMatchObject({
      title: 'Progression report: Alex Trainee, 2026-27',
      author: 'North Deanery',
      subject: 'Annual Review of Competence Progression, 2026-27',
    });
    const footer = (document.footer as (page: number, pages: number) => unknown)(2, 3);
    expect(JSON.stringify(footer)).toContain('Page 2 of 3');
    expect(JSON.stringify(footer)).toContain('a'.repeat(64));
  });

  it('says so when no outcome is final, and when every element has evidence', () => {
    const flat = JSON.stringify(
      buildReportDocument({ ...sampleReport(), review: null, gaps: [] }, 'b'.repeat(64)).content,
    );
    expect(flat).toContain('No outcome has been finalised for this period.');
    expect(flat).toContain('Every element of the stage has evidence.');
  });

  it('draws each domain as bars in proportion to its elements', () => {
    const svg = coverageBarSvg({ 'signed-off': 1, assessed: 1, evidenced: 0, 'not-started': 2 }, 4, 100);
    expect(svg).toContain('width="25.00" height="10" fill="#007f3b"');
    expect(svg).toContain('x="25.00" y="0" width="25.00"');
    expect(svg).toContain('x="50.00" y="0" width="50.00"');
  });

  it('renders a PDF whose text reads as the report and whose pages render as images', async () => {
    const rendered = await renderReport(sampleReport());
    expect(rendered.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(rendered.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const folder = mkdtempSync(join(tmpdir(), 'report-'));
    const file = join(folder, 'report.pdf');
    writeFileSync(file, rendered.pdf);
    const textOf = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(textOf).toContain('Alex Trainee');
    expect(textOf).toContain('Outcome 1: Satisfactory progress');
    expect(textOf).toContain('K7QH-3XPM-92TD');
    expect(textOf).toContain(`Page 1 of ${rendered.pages}`);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toContain('Progression report: Alex Trainee, 2026-27');
    expect(execFileSync('pdffonts', [file]).toString()).toMatch(/Roboto.*yes/);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(folder, 'page')]);
    expect(readdirSync(folder).filter((name) => name.endsWith('.png'))).toHaveLength(rendered.pages);
  });

  it('places every word the same when the thread has shaped its words before', async () => {
    // Renderings after the first in this thread reuse the words it shaped (pdf-engine), which
    // pdfkit must not be able to change: each rendering places every word where the last did.
    const wordBoxes = async () => {
      const folder = mkdtempSync(join(tmpdir(), 'report-'));
      const file = join(folder, 'report.pdf');
      writeFileSync(file, (await renderReport(sampleReport())).pdf);
      return execFileSync('pdftotext', ['-bbox', file, '-'])
        .toString()
        .replace(/<meta[^>]*>/g, '');
    };
    const first = await wordBoxes();
    expect(first).toContain('>Managing</word>');
    expect(await wordBoxes()).toBe(first);
    expect(await wordBoxes()).toBe(first);
  });
});
