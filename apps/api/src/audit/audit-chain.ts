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
