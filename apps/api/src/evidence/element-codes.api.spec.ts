import { CSRF_HEADER, type EvidencePage, type EvidenceView } from '@portfolio/contracts';

import {
  type SignedInClient,
  addTrainingRecord,
  createDeanery,
  createProgramme,
  createUser,
  signIn,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';

/**
 * Each item keeps the codes of the elements it is linked to (KeepEvidenceElementCodes), which the
 * evidence list shows: whoever writes the links, the kept codes must be what reading the links says.
 */
describe('kept evidence element codes on PostgreSQL', () => {
  let testApp: TestApp;
  let traineeClient: SignedInClient;

  const sql = (text: string, parameters: unknown[] = []) => testApp.dataSource.query(text, parameters);
  const write = (method: 'post' | 'patch', path: string, body: object) =>
    traineeClient.agent[method](path).set(CSRF_HEADER, traineeClient.csrfToken).send(body);
  const create = async (body: object): Promise<EvidenceView> =>
    (await write('post', '/api/evidence', body).expect(201)).body as EvidenceView;

  const kept = async (itemId: string): Promise<string[] | undefined> => {
    const [row] = (await sql(`SELECT element_codes FROM evidence_item WHERE id = $1`, [itemId])) as {
      element_codes: string[];
    }[];
    return row?.element_codes;
  };
  /** What reading the item's links says now. */
  const read = async (itemId: string): Promise<string[]> =>
    (
      (await sql(
        `SELECT DISTINCT element.code FROM evidence_element_link link
           JOIN framework_element element ON element.id = link.element_id
          WHERE link.evidence_id = $1 ORDER BY element.code`,
        [itemId],
      )) as { code: string }[]
    ).map((row) => row.code);
  const listed = async (itemId: string): Promise<string[] | undefined> =>
    ((await traineeClient.agent.get('/api/evidence?limit=100').expect(200)).body as EvidencePage).items.find(
      (item) => item.id === itemId,
    )?.elementCodes;

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    const { dataSource } = testApp;
    const deanery = await createDeanery(dataSource);
    const trainee = await createUser(dataSource, ['trainee'], { deaneryId: deanery });
    await addTrainingRecord(dataSource, trainee.id, await createProgramme(dataSource, deanery), {
      stageKey: 'postgraduate',
    });
    traineeClient = await signIn(testApp.app, trainee.email);
  });

  afterAll(() => testApp.close());

  it('follows the links an item is saved with, and the list shows them', async () => {
    const created = await create({
      type: 'reflection',
      title: 'Chairing the rota meeting',
      occurredOn: '2026-10-12',
      links: [{ elementKey: '4.3' }, { elementKey: '2.4', note: 'I chaired it' }],
    });
    expect(await kept(created.id)).toEqual(['2.4', '4.3']);
    expect(await listed(created.id)).toEqual(['2.4', '4.3']);

    await write('patch', `/api/evidence/${created.id}`, {
      version: created.version,
      links: [{ elementKey: '1.1' }],
    }).expect(200);
    expect(await kept(created.id)).toEqual(['1.1']);
    expect(await read(created.id)).toEqual(['1.1']);
    expect(await listed(created.id)).toEqual(['1.1']);

    const unlinked = await create({ type: 'teaching', title: 'Taught FY1s', occurredOn: '2026-10-01' });
    expect(await kept(unlinked.id)).toEqual([]);
  });

  it('changes on a locked item with links written past the API, and nothing else of it may change', async () => {
    const created = await create({
      type: 'leadership-activity',
      title: 'Led the discharge audit',
      occurredOn: '2026-09-30',
      links: [{ elementKey: '5.2' }],
    });
    await sql(`UPDATE evidence_item SET status = 'locked', locked_at = now() WHERE id = $1`, [created.id]);

    // As a framework's carry-over writes them: one statement over links of many items.
    await sql(
      `INSERT INTO evidence_element_link (evidence_id, element_id, stage_id, note)
       SELECT link.evidence_id, element.id, link.stage_id, '' FROM evidence_element_link link
         JOIN framework_element element ON element.framework_id = (SELECT framework_id FROM framework_element
                                                                    WHERE id = link.element_id)
        WHERE link.evidence_id = $1 AND element.code IN ('1.2', '3.1')`,
      [created.id],
    );
    expect(await kept(created.id)).toEqual(['1.2', '3.1', '5.2']);
    expect(await read(created.id)).toEqual(['1.2', '3.1', '5.2']);

    await sql(
      `DELETE FROM evidence_element_link WHERE evidence_id = $1
          AND element_id IN (SELECT id FROM framework_element WHERE code = '3.1')`,
      [created.id],
    );
    expect(await kept(created.id)).toEqual(['1.2', '5.2']);

    await expect(sql(`UPDATE evidence_item SET title = 'Rewritten' WHERE id = $1`, [created.id])).rejects.toThrow(
      /is locked/,
    );
    await expect(
      sql(`UPDATE evidence_item SET element_codes = '{9.9}', body = 'Rewritten' WHERE id = $1`, [created.id]),
    ).rejects.toThrow(/is locked/);
    await expect(sql(`DELETE FROM evidence_item WHERE id = $1`, [created.id])).rejects.toThrow(/is locked/);
  });
});
