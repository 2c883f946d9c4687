import { type EvidencePage, type EvidenceSort } from '@portfolio/contracts';

import {
  type SignedInClient,
  type TestUser,
  addTrainingRecord,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { deanerySearchWindow } from './evidence.repository';

/**
 * A deanery's search tests its newest shared items one by one (`deanerySearchWindow` of them) and asks
 * the text index for every match when they hold less than a page. Whichever way a page is found, it must
 * be the page that a plain reading of the rule gives: the deanery's items shared with the panel that
 * match, in the list's order.
 */
describe('evidence search across a deanery on PostgreSQL', () => {
  let testApp: TestApp;
  let trainee: TestUser;
  let deaneryClient: SignedInClient;
  /** Older than every item of the window, so only the text index finds them. */
  const old = '2019-03-01';

  const sql = (text: string, parameters: unknown[] = []) => testApp.dataSource.query(text, parameters);
  const insert = (traineeId: string, title: string, body: string, visibility: string, status: string, on = old) =>
    sql(
      `INSERT INTO evidence_item (trainee_id, type, title, occurred_on, body, visibility, status)
       VALUES ($1, 'reflection', $2, $3, $4, $5, $6)`,
      [traineeId, title, on, body, visibility, status],
    );

  /** Every page the deanery administrator is given, cursor after cursor. */
  const pages = async (words: string, sort: EvidenceSort, limit: number): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ q: words, sort, limit: String(limit), ...(cursor ? { cursor } : {}) });
      const page: EvidencePage = (await deaneryClient.agent.get(`/api/evidence?${query}`).expect(200)).body;
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  /** The same, read plainly: the trainee is the deanery's only one with shared items. */
  const expected = async (words: string, sort: EvidenceSort): Promise<string[]> => {
    const order = sort === 'title-asc' ? 'lower(title), id' : 'occurred_on DESC, id DESC';
    const rows = (await sql(
      `SELECT id FROM evidence_item
        WHERE trainee_id = $1 AND visibility = 'panel' AND status <> 'draft'
          AND search @@ websearch_to_tsquery('english', $2)
        ORDER BY ${order}`,
      [trainee.id, words],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  };

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const deanery = await createDeanery(dataSource);
    trainee = await createUser(dataSource, ['trainee'], { deaneryId: deanery });
    await addTrainingRecord(dataSource, trainee.id, await createProgramme(dataSource, deanery));
    const elsewhere = await createDeanery(dataSource);
    const outsider = await createUser(dataSource, ['trainee'], { deaneryId: elsewhere });
    await addTrainingRecord(dataSource, outsider.id, await createProgramme(dataSource, elsewhere));
    const admin = await createUser(dataSource, ['deanery_admin'], { deaneryId: deanery });
    deaneryClient = await signIn(testApp.app, admin.email);

    // More shared items than the window, twenty a day back from 31 October 2026. Every one mentions a
    // handover; one in a hundred a kestrel, two of them beyond the window.
    await sql(
      `INSERT INTO evidence_item (trainee_id, type, title, occurred_on, body, visibility, status)
       SELECT $1, 'reflection', 'Ward round ' || n, DATE '2026-10-31' - n / 20,
              CASE WHEN n % 100 = 0 THEN 'A kestrel over the car park at handover.' ELSE 'A quiet handover.' END,
              'panel', 'submitted'
         FROM generate_series(0, $2::int + 199) n`,
      [trainee.id, deanerySearchWindow],
    );
    await insert(trainee.id, 'Osprey study day', 'An osprey, far older than the window.', 'panel', 'submitted');
    await insert(trainee.id, 'Osprey audit', 'Another osprey and a kestrel.', 'panel', 'locked');
    // Matches no one in the deanery's office may read.
    await insert(trainee.id, 'Draft osprey', 'A kestrel osprey handover draft.', 'panel', 'draft', '2026-10-31');
    await insert(trainee.id, 'Private osprey', 'A kestrel osprey handover.', 'private', 'submitted', '2026-10-31');
    await insert(trainee.id, 'For my supervisor', 'A kestrel osprey handover.', 'supervisor', 'submitted');
    await insert(outsider.id, 'Another deanery', 'A kestrel osprey handover.', 'panel', 'submitted', '2026-10-31');
  });

  afterAll(() => testApp.close());

  it('pages a common word from the newest shared items, as the rule reads', async () => {
    const all = await expected('handover', 'occurred-desc');
    expect(all).toHaveLength(deanerySearchWindow + 200);
    expect(await pages('handover', 'occurred-desc', 100)).toEqual(all);
  });

  it('pages words the window holds less than a page of, or none of, from the text index, as the rule reads', async () => {
    for (const sort of ['occurred-desc', 'title-asc'] as const) {
      const kestrels = await expected('kestrel', sort);
      expect(kestrels).toHaveLength(13);
      // Five at a time, the first pages come from the window; twenty at a time, from the text index.
      expect(await pages('kestrel', sort, 5)).toEqual(kestrels);
      expect(await pages('kestrel', sort, 20)).toEqual(kestrels);
      const ospreys = await expected('osprey', sort);
      expect(ospreys).toHaveLength(2);
      expect(await pages('osprey', sort, 1)).toEqual(ospreys);
      expect(await pages('osprey OR kestrel', sort, 100)).toEqual(await expected('osprey OR kestrel', sort));
      expect(await pages('albatross', sort, 5)).toEqual([]);
    }
  });
});
