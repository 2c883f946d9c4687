import type { PortfolioEvidenceItem } from '@portfolio/contracts';

import { evidenceMarkdown } from './evidence-markdown';

const item: PortfolioEvidenceItem = {
  id: '0b6f0a3e-6d1c-4b3a-9a57-1f0d2a9c8e11',
  type: 'leadership-activity',
  title: 'Led the "handover": safer nights',
  occurredOn: '2026-09-14',
  status: 'submitted',
  visibility: 'supervisor',
  body: 'I chaired the **handover** redesign.',
  path: 'evidence/0001-2026-09-14-led-the-handover-safer-nights.md',
  createdAt: '2026-09-14T10:00:00.000Z',
  updatedAt: '2026-09-15T10:00:00.000Z',
  submittedAt: '2026-09-15T10:00:00.000Z',
  lockedAt: null,
  links: [
    {
      frameworkKey: 'mlcf',
      frameworkVersion: '2010',
      elementKey: '2.1',
      elementCode: '2.1',
      elementTitle: 'Developing networks',
      stageKey: 'postgraduate',
      note: 'Chaired the group',
    },
  ],
  addenda: [
    {
      id: '5d1d6b8e-9a0c-4b0b-8f52-6f3c1f0a2b33',
      authorName: 'Dr Priya Portable',
      body: 'Still in use.',
      createdAt: '2027-03-01T09:00:00.000Z',
    },
  ],
  attachments: [
    {
      id: '7a2e4c1d-3b5f-4e6a-8c9d-0e1f2a3b4c55',
      fileName: 'Plan [v2].pdf',
      path: 'attachments/0001-2026-09-14-led-the-handover-safer-nights/Plan-v2.pdf',
      sha256: 'a'.repeat(64),
      size: 1234,
      contentType: 'application/pdf',
      uploadedAt: '2026-09-14T10:05:00.000Z',
    },
  ],
};

describe('an evidence item as Markdown', () => {
  it('opens with front matter whose strings are quoted, so a title cannot break it', () => {
    const markdown = evidenceMarkdown(item);
    const frontMatter = markdown.split('\n---\n')[0] ?? '';
    expect(frontMatter).toContain('title: "Led the \\"handover\\": safer nights"');
    expect(frontMatter).toContain('date: "2026-09-14"');
    expect(frontMatter).toContain('locked: null');
    expect(frontMatter).toContain('elements:\n  - code: "2.1"\n    title: "Developing networks"');
    expect(frontMatter).toContain(`sha256: "${'a'.repeat(64)}"`);
  });

  it('holds the body as written, the elements, the addenda and links to the attachments', () => {
    const markdown = evidenceMarkdown(item);
    expect(markdown).toContain('# Led the "handover": safer nights\n\nLeadership activity, 2026-09-14.');
    expect(markdown).toContain('I chaired the **handover** redesign.');
    expect(markdown).toContain('- **2.1** Developing networks (postgraduate stage): Chaired the group');
    expect(markdown).toContain('### 2027-03-01T09:00:00.000Z, Dr Priya Portable\n\nStill in use.');
    expect(markdown).toContain(
      '- [Plan \\[v2\\].pdf](../attachments/0001-2026-09-14-led-the-handover-safer-nights/Plan-v2.pdf)',
    );
  });

  it('says so when an item has no text, elements or files', () => {
    const markdown = evidenceMarkdown({ ...item, body: '  ', links: [], addenda: [], attachments: [] });
    expect(markdown).toContain('elements: []');
    expect(markdown).toContain('attachments: []');
    expect(markdown).toContain('_No text._');
    expect(markdown).not.toContain('## Attachments');
  });
});
