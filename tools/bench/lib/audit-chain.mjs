// The audit log's hash chain, computed exactly as apps/api/src/audit/audit-chain.ts does, so
// that GET /api/admin/audit/verify accepts the generated year of events.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth: the same text as libs/competency's canonicalJson
 * for JSON values, written directly rather than through sorted copies of every object.
 */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const members = [];
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(value[key])}`);
  }
  return `{${members.join(',')}}`;
}

export function sha256Hex(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 over the previous hash and the event's canonical fields. */
export function chainHash(previousHash, fields) {
  return createHash('sha256').update(previousHash).update(canonicalJson(fields)).digest('hex');
}
