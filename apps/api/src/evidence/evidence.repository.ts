import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type {
  EvidenceAddendumView,
  EvidenceLinkView,
  EvidenceQuery,
  EvidenceSort,
  EvidenceStatus,
  EvidenceType,
  EvidenceVisibility,
} from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { preparedQuery } from '../database/prepared-query';
import { type SharedAcrossDeanery, visibleEvidenceBranches, visibleEvidenceCondition } from './evidence-visibility';

export interface EvidenceRow {
  id: string;
  trainee_id: string;
  type: EvidenceType;
  title: string;
  occurred_on: string;
  body: string;
  visibility: EvidenceVisibility;
  status: EvidenceStatus;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface EvidenceSummaryRow
  extends Pick<EvidenceRow, 'id' | 'type' | 'title' | 'occurred_on' | 'visibility' | 'status' | 'updated_at'> {
  element_codes: string[];
  sort_value: string;
}

export interface EvidenceFields {
  type: EvidenceType;
  title: string;
  occurredOn: string;
  body: string;
  visibility: EvidenceVisibility;
}

export interface ResolvedLink {
  elementId: string;
  stageId: string;
  note: string;
}

const itemColumns = `item.id, item.trainee_id, item.type, item.title, to_char(item.occurred_on, 'YYYY-MM-DD') AS occurred_on,
  item.body, item.visibility, item.status, item.version, item.created_at, item.updated_at`;

/** The columns a list's page is made of, and those its sorts order by. */
const branchColumns =
  'item.id, item.type, item.title, item.occurred_on, item.visibility, item.status, item.updated_at, item.element_codes';

/** How each sort orders rows, and the keyset comparison that continues after a cursor. */
const sorts: Record<EvidenceSort, { value: string; order: string; after: string }> = {
  'occurred-desc': {
    value: `item.occurred_on::text`,
    order: 'item.occurred_on DESC, item.id DESC',
    after: '(item.occurred_on, item.id) < (CAST(:sort AS date), CAST(:id AS uuid))',
  },
  'occurred-asc': {
    value: `item.occurred_on::text`,
    order: 'item.occurred_on ASC, item.id ASC',
    after: '(item.occurred_on, item.id) > (CAST(:sort AS date), CAST(:id AS uuid))',
  },
  'updated-desc': {
    value: `item.updated_at::text`,
    order: 'item.updated_at DESC, item.id DESC',
    after: '(item.updated_at, item.id) < (CAST(:sort AS timestamptz), CAST(:id AS uuid))',
  },
  'title-asc': {
    value: `lower(item.title)`,
    order: 'lower(item.title) ASC, item.id ASC',
    after: '(lower(item.title), item.id) > (:sort, CAST(:id AS uuid))',
  },
};

/** A page size from the validated query (1 to 100, and one more to tell whether another page follows). */
function pageLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 101) throw new RangeError(`page size ${limit}`);
  return limit;
}

/**
 * How many of a deanery's newest shared items (in the list's order, after the cursor) its search tests
 * against the words one by one before it asks the text index instead. A word in at least 1 shared item in
 * 38 fills a page of 26 from them.
 */
export const deanerySearchWindow = 1000;

/**
 * The page of a deanery's shared items that match a search, one plan for any words. The newest shared
 * items are tested one by one (`deanerySearchWindow`), which finds a page of a common word in a fraction
 * of a millisecond where the text index would list and sort tens of thousands of matches. When they hold
 * less than a page, the text index finds every match instead, as for a rare word. Either way the page is
 * the same: a full page from the window holds the first matches in the list's order.
 */
function searchAcrossDeanery(
  acrossDeanery: SharedAcrossDeanery,
  conditions: (...readable: string[]) => string,
  matches: string,
  order: string,
  limit: number,
): string {
  const { shared, inDeanery } = acrossDeanery;
  return `WITH walked AS (
            SELECT ${branchColumns}
              FROM (SELECT ${branchColumns}, item.trainee_id, item.search FROM evidence_item item
                     WHERE ${conditions(shared)} ORDER BY ${order} LIMIT ${deanerySearchWindow}) item
             WHERE ${matches} AND ${inDeanery} ORDER BY ${order} LIMIT ${limit})
          SELECT * FROM walked WHERE (SELECT count(*) FROM walked) = ${limit}
          UNION ALL
          (SELECT ${branchColumns} FROM evidence_item item
            WHERE ${conditions(shared, matches, inDeanery)} AND (SELECT count(*) FROM walked) < ${limit}
            ORDER BY ${order} LIMIT ${limit})`;
}

@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    user: SessionUser,
    query: EvidenceQuery & { sort: EvidenceSort; limit: number },
    after: { sort: string; id: string } | null,
  ): Promise<EvidenceSummaryRow[]> {
    const sort = sorts[query.sort];
    // Written into the statement, not bound: a plan made for any page size reckons on a tenth of the
    // rows, and a deanery's union then set aside room for thousands (10 ms).
    const limit = pageLimit(query.limit);
    // Conditions every item of the page meets, besides being one the user may read.
    const where: string[] = [];
    const parameters: Record<string, unknown> = { viewer: user.id };
    const add = (condition: string, values: Record<string, unknown>) => {
      where.push(condition);
      Object.assign(parameters, values);
    };
    // The text index is keyed by trainee too (IndexEvidenceSearchByTrainee): within one person's or a
    // supervisor's trainees each trainee's matches are one index scan. The words are a subquery, so that
    // no plan depends on them: a prepared plan serves every search and parses the words once.
    let matches: string | null = null;
    if (query.q) {
      matches = `item.search @@ (SELECT websearch_to_tsquery('english', :q))`;
      parameters['q'] = query.q;
    }
    if (query.type) add('item.type = :type', { type: query.type });
    if (query.status) add('item.status = :status', { status: query.status });
    if (query.visibility) add('item.visibility = :visibility', { visibility: query.visibility });
    if (query.from) add('item.occurred_on >= CAST(:from AS date)', { from: query.from });
    if (query.to) add('item.occurred_on <= CAST(:to AS date)', { to: query.to });
    if (query.elementKey || query.stageKey) {
      add(
        `EXISTS (SELECT 1 FROM evidence_element_link link
                   JOIN framework_element element ON element.id = link.element_id
                   JOIN framework_stage stage ON stage.id = link.stage_id
                  WHERE link.evidence_id = item.id
                    AND (CAST(:elementKey AS text) IS NULL OR element.key = :elementKey)
                    AND (CAST(:stageKey AS text) IS NULL OR stage.key = :stageKey))`,
        { elementKey: query.elementKey ?? null, stageKey: query.stageKey ?? null },
      );
    }
    if (after) add(sort.after, { sort: after.sort, id: after.id });
    const conditions = (...readable: (string | null)[]) =>
      [...readable.filter((part): part is string => part !== null), ...where].join(' AND ');
    const pageOf = (condition: string) =>
      `SELECT ${branchColumns} FROM evidence_item item WHERE ${condition} ORDER BY ${sort.order} LIMIT ${limit}`;

    // One trainee's items as the reader may see them; otherwise a supervisor's handful of trainees, whose
    // items PostgreSQL reads by index, and across a deanery also the items shared with its panel, read in
    // the list's order (IndexSharedEvidenceInListOrders) until a page is found.
    let readable: string;
    let acrossDeanery: SharedAcrossDeanery | null = null;
    if (query.traineeId) {
      readable = `(${visibleEvidenceCondition(user, 'item', ':viewer')} AND item.trainee_id = CAST(:traineeId AS uuid))`;
      parameters['traineeId'] = query.traineeId;
    } else {
      ({ ownAndSupervised: readable, acrossDeanery } = visibleEvidenceBranches(user, 'item', ':viewer'));
    }
    let rows = `evidence_item item WHERE ${conditions(readable, matches)}`;
    if (acrossDeanery) {
      // The page of the union is the page of its branches' pages; an item in two of them (a
      // supervisee's, shared with the panel) is one row.
      const shared = matches
        ? searchAcrossDeanery(acrossDeanery, conditions, matches, sort.order, limit)
        : pageOf(conditions(acrossDeanery.shared, acrossDeanery.inDeanery));
      rows = `((${pageOf(conditions(readable, matches))}) UNION (${shared})) item`;
    }
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT item.id, item.type, item.title, to_char(item.occurred_on, 'YYYY-MM-DD') AS occurred_on,
              item.visibility, item.status, item.updated_at, ${sort.value} AS sort_value,
              item.element_codes
         FROM ${rows} ORDER BY ${sort.order} LIMIT ${limit}`,
      parameters,
    );
    return preparedQuery<EvidenceSummaryRow>(this.dataSource, 'evidence-list', sql, values);
  }

  async findVisible(user: SessionUser, id: string): Promise<EvidenceRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${itemColumns} FROM evidence_item item WHERE item.id = $2 AND ${visibleEvidenceCondition(user, 'item', '$1')}`,
      [user.id, id],
    )) as EvidenceRow[];
    return row ?? null;
  }

  /** Items by id whoever may see them: for callers that have already decided access (an assessment's work). */
  async findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<EvidenceRow[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = (await manager.query(
      `SELECT ${itemColumns} FROM evidence_item item WHERE item.id = ANY ($1::uuid[])`,
      [ids],
    )) as EvidenceRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is EvidenceRow => row !== undefined);
  }

  /** The owner's item, locked for the rest of the transaction. */
  async findOwnForUpdate(manager: EntityManager, ownerId: string, id: string): Promise<EvidenceRow | null> {
    const [row] = (await manager.query(
      `SELECT ${itemColumns} FROM evidence_item item WHERE item.id = $1 AND item.trainee_id = $2 FOR UPDATE`,
      [id, ownerId],
    )) as EvidenceRow[];
    return row ?? null;
  }

  async linksOf(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, EvidenceLinkView[]>> {
    const rows = (await manager.query(
      `SELECT link.evidence_id, framework.key AS framework_key, framework.version AS framework_version, element.key AS element_key,
              element.code AS element_code, element.title AS element_title, stage.key AS stage_key, link.note
         FROM evidence_element_link link
         JOIN framework_element element ON element.id = link.element_id
         JOIN framework ON framework.id = element.framework_id
         JOIN framework_stage stage ON stage.id = link.stage_id
        WHERE link.evidence_id = ANY ($1) ORDER BY element.sequence, stage.sequence`,
      [ids],
    )) as Record<string, string>[];
    const byItem = new Map<string, EvidenceLinkView[]>();
    for (const row of rows) {
      const link: EvidenceLinkView = {
        frameworkKey: row['framework_key'] ?? '',
        frameworkVersion: row['framework_version'] ?? '',
        elementKey: row['element_key'] ?? '',
        elementCode: row['element_code'] ?? '',
        elementTitle: row['element_title'] ?? '',
        stageKey: row['stage_key'] ?? '',
        note: row['note'] ?? '',
      };
      const evidenceId = row['evidence_id'] ?? '';
      byItem.set(evidenceId, [...(byItem.get(evidenceId) ?? []), link]);
    }
    return byItem;
  }

  async addendaOf(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Omit<EvidenceAddendumView, 'bodyHtml'>[]> {
    const rows = (await manager.query(
      `SELECT id, body, created_at FROM evidence_addendum WHERE evidence_id = $1 ORDER BY created_at, id`,
      [id],
    )) as { id: string; body: string; created_at: Date }[];
    return rows.map((row) => ({ id: row.id, body: row.body, createdAt: new Date(row.created_at).toISOString() }));
  }

  async insert(manager: EntityManager, traineeId: string, fields: EvidenceFields): Promise<string> {
    return (await this.insertOnce(manager, traineeId, fields, null)) ?? '';
  }

  /**
   * A new item, or null when the trainee already made one with this idempotency key (a second
   * request with the key waits for the first to commit, then finds its item with `byIdempotencyKey`).
   */
  async insertOnce(
    manager: EntityManager,
    traineeId: string,
    fields: EvidenceFields,
    idempotencyKey: string | null,
  ): Promise<string | null> {
    const [row] = (await manager.query(
      `INSERT INTO evidence_item (trainee_id, type, title, occurred_on, body, visibility, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (trainee_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id`,
      [traineeId, fields.type, fields.title, fields.occurredOn, fields.body, fields.visibility, idempotencyKey],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  async byIdempotencyKey(manager: EntityManager, traineeId: string, idempotencyKey: string): Promise<string | null> {
    const [row] = (await manager.query(`SELECT id FROM evidence_item WHERE trainee_id = $1 AND idempotency_key = $2`, [
      traineeId,
      idempotencyKey,
    ])) as { id: string }[];
    return row?.id ?? null;
  }

  async update(manager: EntityManager, id: string, fields: EvidenceFields, status: EvidenceStatus): Promise<void> {
    await manager.query(
      `UPDATE evidence_item SET type = $2, title = $3, occurred_on = $4, body = $5, visibility = $6, status = $7,
              submitted_at = CASE WHEN $7 = 'submitted' AND status = 'draft' THEN now() ELSE submitted_at END,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, fields.type, fields.title, fields.occurredOn, fields.body, fields.visibility, status],
    );
  }

  async replaceLinks(manager: EntityManager, id: string, links: ResolvedLink[]): Promise<void> {
    await manager.query(`DELETE FROM evidence_element_link WHERE evidence_id = $1`, [id]);
    if (links.length > 0) {
      await manager.query(
        `INSERT INTO evidence_element_link (evidence_id, element_id, stage_id, note)
         SELECT $1, element_id, stage_id, note FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS link (element_id, stage_id, note)`,
        [id, links.map((link) => link.elementId), links.map((link) => link.stageId), links.map((link) => link.note)],
      );
    }
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM evidence_item WHERE id = $1`, [id]);
  }

  async addAddendum(manager: EntityManager, id: string, authorId: string, body: string): Promise<void> {
    await manager.query(`INSERT INTO evidence_addendum (evidence_id, author_id, body) VALUES ($1, $2, $3)`, [
      id,
      authorId,
      body,
    ]);
  }
}
