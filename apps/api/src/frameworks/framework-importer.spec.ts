import type { FrameworkFile } from '@portfolio/competency';

import { type TestApp, createTestApp } from '../../test/test-app';
import { FrameworkImporter, PublishedFrameworkChangedError } from './framework-importer';
import { FrameworkSeeder } from './framework-seeder';

function smallFramework(overrides: Partial<FrameworkFile> = {}): FrameworkFile {
  return {
    key: 'teamwork',
    version: '1',
    status: 'published',
    title: 'Teamwork',
    description: 'A small framework for the importer tests.',
    stages: [
      { id: 'novice', title: 'Novice', description: 'Starting out.' },
      { id: 'expert', title: 'Expert', description: 'Leading others.' },
    ],
    domains: [
      {
        id: '1',
        title: 'Working together',
        summary: 'How people work as a team.',
        elements: [
          {
            id: '1.1',
            title: 'Listening',
            summary: 'Hearing what others say.',
            outcomes: { novice: ['Listens without interrupting.'], expert: ['Draws out quieter voices.'] },
          },
        ],
      },
    ],
    ...overrides,
  };
}

describe('framework importer on PostgreSQL', () => {
  let testApp: TestApp;
  let importer: FrameworkImporter;

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: false });
    importer = testApp.app.get(FrameworkImporter);
  });

  afterAll(() => testApp.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const tables = [
      'framework',
      'framework_stage',
      'framework_domain',
      'framework_element',
      'framework_outcome',
      'framework_crosswalk_mapping',
    ];
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [row] = (await testApp.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`)) as {
        count: number;
      }[];
      counts[table] = row?.count ?? 0;
    }
    return counts;
  }

  it('seeds every file of framework-data/, and a second run changes nothing', async () => {
    const seeder = testApp.app.get(FrameworkSeeder);
    const first = await seeder.seedFrameworks();
    expect(first.imported.map((entry) => `${entry.key}: ${entry.result}`)).toEqual([
      'healthcare-leadership-model: created',
      'mlcf: created',
      'assessment leadership-case-based-discussion: created',
      'assessment service-improvement-business-plan: created',
      'assessment supervisor-placement-review: created',
      'crosswalk mlcf-2010--healthcare-leadership-model-2013: created',
    ]);
    const before = await rowCounts();
    const hashesBefore = await testApp.dataSource.query(
      `SELECT key, version, content_hash, imported_at FROM framework ORDER BY key`,
    );

    const second = await seeder.seedFrameworks();
    expect(second.imported.map((entry) => entry.result)).toEqual(Array(6).fill('unchanged'));
    expect(second.refused).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    expect(
      await testApp.dataSource.query(`SELECT key, version, content_hash, imported_at FROM framework ORDER BY key`),
    ).toEqual(hashesBefore);
    expect(before['framework_element']).toBe(28 + 9);
  });

  it('treats the same content with keys in another order as unchanged', async () => {
    await importer.importFramework(smallFramework({ key: 'reordered' }));
    const { status, title, key, ...rest } = smallFramework({ key: 'reordered' });
    expect(await importer.importFramework({ ...rest, title, key, status })).toBe('unchanged');
  });

  it('refuses a published version whose content changed, telling the author to add a version', async () => {
    await importer.importFramework(smallFramework());
    const changed = smallFramework({ title: 'Teamwork, revised' });
    await expect(importer.importFramework(changed)).rejects.toThrow(PublishedFrameworkChangedError);
    await expect(importer.importFramework(changed)).rejects.toThrow(/add|new version/);
    const [stored] = await testApp.dataSource.query(`SELECT title FROM framework WHERE key = 'teamwork'`);
    expect(stored.title).toBe('Teamwork');
  });

  it('replaces a draft whose content changed', async () => {
    await importer.importFramework(smallFramework({ key: 'draft-one', status: 'draft' }));
    const result = await importer.importFramework(
      smallFramework({ key: 'draft-one', status: 'draft', title: 'Renamed' }),
    );
    expect(result).toBe('replaced-draft');
    const rows = await testApp.dataSource.query(`SELECT title FROM framework WHERE key = 'draft-one'`);
    expect(rows).toEqual([{ title: 'Renamed' }]);
  });

  it('stores one copy when the same version is imported twice at once', async () => {
    const framework = smallFramework({ key: 'concurrent' });
    const results = await Promise.all([importer.importFramework(framework), importer.importFramework(framework)]);
    expect(results.sort()).toEqual(['created', 'unchanged']);
    const rows = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM framework WHERE key = 'concurrent'`,
    );
    expect(rows).toEqual([{ count: 1 }]);
  });
});
