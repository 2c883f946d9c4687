import { CSRF_COOKIE, CSRF_HEADER } from '@portfolio/contracts';

import type { SignedInClient } from '../factories';

/** One request of the stream, as the client saw it. */
export interface Exchange {
  kind: 'read' | 'session' | 'write';
  userIndex: number;
  startedAt: number;
  finishedAt: number;
  /** 0 when no answer came (the connection failed or the client gave up). */
  status: number;
  message: string;
  /** For writes: the title sent, and the id of the item when the API said it was created. */
  title?: string;
  createdId?: string;
}

export interface StreamUser {
  client: SignedInClient;
  index: number;
}

export interface RequestStreamOptions {
  baseUrl: string;
  users: StreamUser[];
  /** Concurrent request loops per user. */
  loopsPerUser: number;
  /** What a write sends, given a title unique to it. */
  writeBody: (title: string) => object;
  /** Bounds, so the stream ends by itself whatever happens. */
  maxDurationMs: number;
  maxRequestsPerLoop: number;
  /** Longer than this and the client gives up, recording the request as unanswered. */
  clientTimeoutMs: number;
}

/** A steady stream of reads and writes by signed-in users, until stopped or its bounds are reached. */
export class RequestStream {
  readonly exchanges: Exchange[] = [];
  private stopped = false;
  private done: Promise<void> | null = null;
  private sequence = 0;

  constructor(private readonly options: RequestStreamOptions) {}

  start(): void {
    const loops = this.options.users.flatMap((user) =>
      Array.from({ length: this.options.loopsPerUser }, (_, loop) => this.loop(user, loop)),
    );
    this.done = Promise.all(loops).then(() => undefined);
  }

  async stop(): Promise<Exchange[]> {
    this.stopped = true;
    await this.done;
    return this.exchanges;
  }

  private async loop(user: StreamUser, loop: number): Promise<void> {
    const endsAt = Date.now() + this.options.maxDurationMs;
    for (let count = 0; !this.stopped && count < this.options.maxRequestsPerLoop && Date.now() < endsAt; count++) {
      const turn = (count + loop) % 3;
      this.exchanges.push(await (turn === 0 ? this.write(user) : this.read(user, turn === 1 ? 'read' : 'session')));
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 15));
    }
  }

  private read(user: StreamUser, kind: 'read' | 'session'): Promise<Exchange> {
    return this.send(user, kind, kind === 'read' ? '/api/evidence' : '/api/auth/me', { method: 'GET' });
  }

  private async write(user: StreamUser): Promise<Exchange> {
    const title = `Stream ${user.index}-${++this.sequence}`;
    const exchange = await this.send(user, 'write', '/api/evidence', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: user.client.csrfToken },
      body: JSON.stringify(this.options.writeBody(title)),
    });
    return { ...exchange, title };
  }

  private async send(user: StreamUser, kind: Exchange['kind'], path: string, init: RequestInit): Promise<Exchange> {
    const startedAt = Date.now();
    let status = 0;
    let message = '';
    let createdId: string | undefined;
    try {
      const response = await fetch(`${this.options.baseUrl}${path}`, {
        ...init,
        headers: { ...init.headers, cookie: cookieHeader(user.client) },
        signal: AbortSignal.timeout(this.options.clientTimeoutMs),
      });
      status = response.status;
      const body = (await response.json().catch(() => ({}))) as { id?: string; message?: string };
      message = body.message ?? '';
      createdId = status === 201 ? body.id : undefined;
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    return { kind, userIndex: user.index, startedAt, finishedAt: Date.now(), status, message, createdId };
  }
}

export function cookieHeader(client: SignedInClient): string {
  const session = client.sessionCookie.split(';')[0] ?? '';
  return `${session}; ${CSRF_COOKIE}=${encodeURIComponent(client.csrfToken)}`;
}
