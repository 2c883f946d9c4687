import { createHash } from 'node:crypto';

import { canonicalJson } from '@portfolio/competency';

/** The hash the chain starts from, before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  ipAddress: string | null;
}

/** SHA-256 over the previous hash and the event's fields, so changing any event breaks every later link. */
export function chainHash(previousHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(previousHash).update(canonicalJson(fields)).digest('hex');
}

/** An event as stored, with its chain hashes once it is chained. */
export interface StoredEvent {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Record<string, unknown>;
  ip_address: string | null;
  previous_hash: string | null;
  hash: string | null;
}

export const storedEventColumns =
  'id, occurred_at, actor_id, action, entity_type, entity_id, details, ip_address, previous_hash, hash';

export function fieldsOf(event: StoredEvent): ChainedFields {
  return {
    occurredAt: new Date(event.occurred_at).toISOString(),
    actorId: event.actor_id,
    action: event.action,
    entityType: event.entity_type,
    entityId: event.entity_id,
    details: event.details,
    ipAddress: event.ip_address,
  };
}

/**
 * Advisory lock keys, per schema (test suites share a database). Writers hold the first shared
 * from before their event takes an id until they commit; the chainer takes it exclusively, for a
 * moment, to learn which ids are settled. The second keeps chainers to one at a time.
 */
export const auditWritersLock = `hashtext(current_schema() || ':audit-writers')`;
export const auditChainerLock = `hashtext(current_schema() || ':audit-chainer')`;
