import { request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query, already encoded, sent exactly as given. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A bare HTTP/1.1 client: it sends paths, headers and bodies byte for byte, where supertest
 * would normalise a path or encode a body for us.
 */
export function send(port: number, raw: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = raw.body === undefined ? undefined : Buffer.isBuffer(raw.body) ? raw.body : Buffer.from(raw.body);
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: raw.method,
        path: raw.path,
        headers: { ...raw.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
        timeout: timeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    // The server may answer (413) and close before a huge body is written; that answer still counts.
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export function setCookies(response: RawResponse): string[] {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []);
}

export function cookieFrom(setCookieHeaders: string[], name: string): string | null {
  const cookie = setCookieHeaders.find((candidate) => candidate.startsWith(`${name}=`));
  return cookie ? (cookie.split(';')[0] ?? null) : null;
}
