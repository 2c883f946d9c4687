import { computeStageProgress, elementStatus } from './progress';

const domains = [
  { key: '1', code: '1', title: 'Personal' },
  { key: '2', code: '2', title: 'Others' },
  { key: '6', code: '6', title: 'Vision' },
];
const elements = [
  { key: '1.1', code: '1.1', title: 'Self awareness', domainKey: '1' },
  { key: '1.2', code: '1.2', title: 'Managing yourself', domainKey: '1' },
  { key: '2.1', code: '2.1', title: 'Networks', domainKey: '2' },
];

describe('elementStatus', () => {
  it('takes the furthest step reached', () => {
    expect(elementStatus(0, 0, false)).toBe('not-started');
    expect(elementStatus(2, 0, false)).toBe('evidenced');
    expect(elementStatus(2, 1, false)).toBe('assessed');
    expect(elementStatus(0, 0, true)).toBe('signed-off');
  });
});

describe('computeStageProgress', () => {
  it('counts per element and per domain, leaves out domains with no element at the stage, and lists gaps', () => {
    const progress = computeStageProgress({
      stage: 'postgraduate',
      domains,
      elements,
      evidenceCounts: new Map([
        ['1.1', 3],
        ['2.1', 1],
      ]),
      assessmentCounts: new Map([['2.1', 1]]),
      signedOff: new Set(['1.1']),
    });
    expect(progress.elements.map((element) => [element.key, element.status, element.evidenceCount])).toEqual([
      ['1.1', 'signed-off', 3],
      ['1.2', 'not-started', 0],
      ['2.1', 'assessed', 1],
    ]);
    expect(progress.domains.map((domain) => [domain.key, domain.elements, domain.totals])).toEqual([
      ['1', 2, { 'not-started': 1, evidenced: 0, assessed: 0, 'signed-off': 1 }],
      ['2', 1, { 'not-started': 0, evidenced: 0, assessed: 1, 'signed-off': 0 }],
    ]);
    expect(progress.totals).toEqual({ 'not-started': 1, evidenced: 0, assessed: 1, 'signed-off': 1 });
    expect(progress.gaps).toEqual(['1.2']);
  });

  it('gives all gaps for a trainee with nothing yet', () => {
    const progress = computeStageProgress({
      stage: 'undergraduate',
      domains,
      elements,
      evidenceCounts: new Map(),
      assessmentCounts: new Map(),
      signedOff: new Set(),
    });
    expect(progress.gaps).toEqual(['1.1', '1.2', '2.1']);
    expect(progress.totals['not-started']).toBe(3);
  });
});
