import { CohortSnapshots } from './cohort-snapshots';
import type { CohortRepository, CohortSnapshotRows } from './cohort.repository';

/** A repository whose deaneries are all at `version`, counting the loads it answers. */
function fakeRepository(version: { current: string }) {
  const loads: string[] = [];
  const repository = {
    viewersDeanery: (viewerId: string) =>
      Promise.resolve({ deaneryId: `deanery-${viewerId}`, version: version.current }),
    snapshot: (deaneryId: string): Promise<CohortSnapshotRows> => {
      loads.push(deaneryId);
      return Promise.resolve({ version: version.current, programmes: [], rows: [] });
    },
  };
  return { loads, snapshots: new CohortSnapshots(repository as unknown as CohortRepository) };
}

describe('CohortSnapshots', () => {
  const filter = { period: '2026-27' };

  it('keeps a snapshot while its version holds, and loads again when it moves', async () => {
    const version = { current: '3' };
    const { loads, snapshots } = fakeRepository(version);
    await snapshots.page('a', filter, 'name', 'asc', 25, 0);
    await snapshots.page('a', filter, 'outcome', 'desc', 25, 0);
    expect(loads).toEqual(['deanery-a']);
    version.current = '4';
    await snapshots.all('a', filter);
    expect(loads).toEqual(['deanery-a', 'deanery-a']);
  });

  it('keeps a bounded number of snapshots, dropping the least recently used', async () => {
    const { loads, snapshots } = fakeRepository({ current: '1' });
    for (let index = 0; index < 33; index += 1) await snapshots.all(String(index), filter);
    await snapshots.all('32', filter);
    expect(loads).toHaveLength(33);
    await snapshots.all('0', filter);
    expect(loads).toHaveLength(34);
  });
});
