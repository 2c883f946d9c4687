import type { EvidenceSummary, EvidenceView, ProgressView } from '@portfolio/contracts';

/** Evidence and progress as the API answers, for tests. */

export function evidenceView(overrides: Partial<EvidenceView> = {}): EvidenceView {
  return {
    id: 'item-1',
    traineeId: 'trainee-1',
    type: 'reflection',
    title: 'Handover redesign',
    occurredOn: '2026-03-02',
    body: 'I led the handover.',
    bodyHtml: '<p>I led the handover.</p>',
    visibility: 'private',
    status: 'draft',
    links: [],
    addenda: [],
    attachments: [],
    patientIdentifierWarnings: [],
    version: 1,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

export function evidenceSummary(id: string, title = `Evidence ${id}`): EvidenceSummary {
  return {
    id,
    type: 'reflection',
    title,
    occurredOn: '2026-03-02',
    visibility: 'private',
    status: 'draft',
    elementCodes: ['1.1'],
    updatedAt: '2026-03-02T09:00:00.000Z',
  };
}

/** Postgraduate coverage of two domains: 1.1 evidenced twice, 1.2 assessed, 2.1 and 2.2 not started. */
export function progressFixture(): ProgressView {
  return {
    traineeId: 'trainee-1',
    frameworkKey: 'mlcf',
    frameworkVersion: '2010',
    frameworkTitle: 'Medical Leadership Competency Framework',
    stages: [
      { key: 'undergraduate', title: 'Undergraduate' },
      { key: 'postgraduate', title: 'Postgraduate' },
      { key: 'continuing-practice', title: 'Continuing practice' },
      { key: 'senior-leadership', title: 'Senior leadership' },
    ],
    stage: 'postgraduate',
    elements: [
      element('1.1', 'Developing Self Awareness', '1', 2, 0, 'evidenced'),
      element('1.2', 'Managing Yourself', '1', 1, 1, 'assessed'),
      element('2.1', 'Developing Networks', '2', 0, 0, 'not-started'),
      element('2.2', 'Building and Maintaining Relationships', '2', 0, 0, 'not-started'),
    ],
    domains: [
      {
        key: '1',
        code: '1',
        title: 'Demonstrating Personal Qualities',
        elements: 2,
        totals: { 'not-started': 0, evidenced: 1, assessed: 1, 'signed-off': 0 },
      },
      {
        key: '2',
        code: '2',
        title: 'Working with Others',
        elements: 2,
        totals: { 'not-started': 2, evidenced: 0, assessed: 0, 'signed-off': 0 },
      },
    ],
    totals: { 'not-started': 2, evidenced: 1, assessed: 1, 'signed-off': 0 },
    gaps: ['2.1', '2.2'],
  };
}

function element(
  code: string,
  title: string,
  domainKey: string,
  evidenceCount: number,
  assessmentCount: number,
  status: ProgressView['elements'][number]['status'],
): ProgressView['elements'][number] {
  return { key: code, code, title, domainKey, evidenceCount, assessmentCount, signedOff: false, status };
}
