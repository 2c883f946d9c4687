import { BadRequestException } from '@nestjs/common';

/** Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<K extends string>(
  cursor: string | undefined,
  keys: readonly K[],
): Record<K, string> | null {
  if (!cursor) {
    return null;
  }
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (keys.every((key) => typeof decoded[key] === 'string' && isWellFormed(key, decoded[key]))) {
      return decoded as Record<K, string>;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'cursor is not one this API gave out',
    errors: [{ field: 'cursor', message: 'cursor is not one this API gave out' }],
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A tampered cursor must be refused here, not reach PostgreSQL as a value it cannot cast.
function isWellFormed(key: string, value: string): boolean {
  if (key === 'id') return uuidPattern.test(value);
  if (key.endsWith('At')) return !Number.isNaN(Date.parse(value));
  return true;
}
