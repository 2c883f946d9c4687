import { UniqueNames, assessmentPath, evidenceStem, safeFileName, slugOf } from './portfolio-names';

describe('names inside the portfolio ZIP', () => {
  it('turns a title into a short ASCII slug', () => {
    expect(slugOf('Led the ward’s handover: safer nights!')).toBe('led-the-ward-s-handover-safer-nights');
    expect(slugOf('Réflexion über Führung')).toBe('reflexion-uber-fuhrung');
    expect(slugOf('!!!')).toBe('untitled');
    expect(slugOf('a'.repeat(80) + ' b')).toHaveLength(60);
  });

  it('numbers evidence and assessments so that equal titles on equal dates never collide', () => {
    expect(evidenceStem(7, '2026-03-14', 'Handover')).toBe('0007-2026-03-14-handover');
    expect(evidenceStem(8, '2026-03-14', 'Handover')).toBe('0008-2026-03-14-handover');
    expect(evidenceStem(12345, '2026-03-14', 'Handover')).toBe('12345-2026-03-14-handover');
    expect(assessmentPath(1, '2026-05-01', 'Fewer missed doses')).toBe(
      'assessments/0001-2026-05-01-fewer-missed-doses.json',
    );
  });

  it('makes file names safe on every system', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\plan v2.pdf')).toBe('plan-v2.pdf');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('con.txt')).toBe('con-file.txt');
    expect(safeFileName('notes\u0000\n.txt')).toBe('notes.txt');
    expect(safeFileName('')).toBe('file');
    expect(safeFileName(`${'x'.repeat(300)}.docx`)).toHaveLength(100);
    expect(safeFileName(`${'x'.repeat(300)}.docx`).endsWith('.docx')).toBe(true);
  });

  it('gives a repeated name a number, ignoring case', () => {
    const names = new UniqueNames();
    expect(['plan.pdf', 'Plan.pdf', 'plan.pdf', 'notes'].map((name) => names.claim(name))).toEqual([
      'plan.pdf',
      'Plan-2.pdf',
      'plan-3.pdf',
      'notes',
    ]);
  });
});
