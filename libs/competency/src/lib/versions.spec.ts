import { compareVersions, pickCurrentVersion } from './versions';

describe('compareVersions', () => {
  it('orders numbers inside labels numerically', () => {
    expect(['2.10', '2.9', '2013', '2010', '1'].sort(compareVersions)).toEqual(['1', '2.9', '2.10', '2010', '2013']);
  });
});

describe('pickCurrentVersion', () => {
  it('prefers the newest published version over a newer draft', () => {
    const current = pickCurrentVersion([
      { version: '2010', status: 'published' as const },
      { version: '2024', status: 'draft' as const },
      { version: '2013', status: 'published' as const },
    ]);
    expect(current?.version).toBe('2013');
  });

  it('falls back to the newest draft, and to nothing for no versions', () => {
    expect(
      pickCurrentVersion([
        { version: '1', status: 'draft' as const },
        { version: '2', status: 'draft' as const },
      ])?.version,
    ).toBe('2');
    expect(pickCurrentVersion([])).toBeUndefined();
  });
});
