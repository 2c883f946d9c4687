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
    if (keys.every((key) => typeof decoded[key] === 'string')) {
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
