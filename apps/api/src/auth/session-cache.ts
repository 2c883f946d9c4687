import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

import type { SessionUser } from './session.service';

/** Triggers (`NotifySessionChanges` migration) send a user's id here when their sign-in state changes. */
const channel = 'session_changes';
const maxSessions = 50_000;
const reconnectDelaysMs = [100, 500, 2_000, 5_000];
const settleMarker = 'settled:';
/** Sent when a table is emptied: every kept session goes. */
const everyone = '*';
const settleTimeoutMs = 10_000;

interface KeptSession {
  user: SessionUser;
  /** By this process's clock, so the database's clock never lengthens it. */
  until: number;
}

/**
 * Resolved sessions kept in this process between changes, so that a request needs no query to
 * know who sent it. Only while it listens: every change to a user's account, sessions or
 * authenticator app is notified at commit, and drops that user's sessions here; a session is
 * kept no longer than until it is due to be touched (a minute) or expires. If the listening
 * connection is lost, nothing is kept (every request reads its session) until it listens again.
 */
@Injectable()
export class SessionCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly sessions = new Map<string, KeptSession>();
  private readonly tokensByUser = new Map<string, Set<string>>();
  private readonly settling = new Map<string, () => void>();
  private listener: Client | null = null;
  private listening = false;
  private failedAttempts = 0;
  private reconnect: NodeJS.Timeout | null = null;
  private shuttingDown = false;
  /** Moves with every change heard and whenever listening stops: a read begun before it moved is not kept. */
  private changes = 0;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    const listener = this.listener;
    this.stopKeeping();
    await listener?.end().catch(() => undefined);
  }

  /** Whether sessions are being kept: only while changes are heard. */
  get keeping(): boolean {
    return this.listening;
  }

  /** The kept session for this token hash, if it is still good. */
  get(tokenHash: string): SessionUser | null {
    const kept = this.listening ? this.sessions.get(tokenHash) : undefined;
    if (!kept) return null;
    if (Date.now() < kept.until) return kept.user;
    this.drop(tokenHash, kept.user.id);
    return null;
  }

  /** Taken before reading a session from the database, and handed to `keep` with what was read. */
  mark(): number {
    return this.changes;
  }

  /** Keeps a session read from the database, unless a change was heard since `mark` (it may predate it). */
  keep(user: SessionUser, lifetimeMs: number, mark: number): void {
    if (!this.listening || mark !== this.changes || lifetimeMs <= 0) return;
    if (this.sessions.size >= maxSessions) {
      const [oldestHash, oldest] = this.sessions.entries().next().value as [string, KeptSession];
      this.drop(oldestHash, oldest.user.id);
    }
    const frozen = Object.freeze({ ...user, roles: Object.freeze([...user.roles]) as SessionUser['roles'] });
    this.sessions.set(user.sessionTokenHash, { user: frozen, until: Date.now() + lifetimeMs });
    const tokens = this.tokensByUser.get(user.id) ?? new Set<string>();
    tokens.add(user.sessionTokenHash);
    this.tokensByUser.set(user.id, tokens);
  }

  /** Drops a user's kept sessions at once in this process (the notification reaches the others). */
  forgetUser(userId: string): void {
    this.changes++;
    for (const tokenHash of this.tokensByUser.get(userId) ?? []) this.sessions.delete(tokenHash);
    this.tokensByUser.delete(userId);
  }

  private forgetEveryone(): void {
    this.changes++;
    this.sessions.clear();
    this.tokensByUser.clear();
  }

  /** Drops one kept session at once in this process. */
  forgetSession(tokenHash: string): void {
    this.changes++;
    const kept = this.sessions.get(tokenHash);
    if (kept) this.drop(tokenHash, kept.user.id);
  }

  /**
   * Resolves once every change committed before the call has been heard here: for code (and
   * tests) that changed sign-in state through another connection and must see it next.
   */
  async settled(): Promise<void> {
    if (!this.listening) return;
    const marker = `${settleMarker}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<void>((resolve, reject) => {
      this.settling.set(marker, resolve);
      timer = setTimeout(() => {
        this.settling.delete(marker);
        reject(new Error(`Session changes were not heard within ${settleTimeoutMs} ms`));
      }, settleTimeoutMs);
    });
    try {
      await this.dataSource.query(`SELECT pg_notify($1, $2)`, [channel, marker]);
      await heard;
    } finally {
      clearTimeout(timer);
      this.settling.delete(marker);
    }
  }

  private heard(payload: string | undefined): void {
    if (payload?.startsWith(settleMarker)) {
      this.settling.get(payload)?.();
      this.settling.delete(payload);
    } else if (payload === everyone) {
      this.forgetEveryone();
    } else if (payload) {
      this.forgetUser(payload);
    }
  }

  private drop(tokenHash: string, userId: string): void {
    this.sessions.delete(tokenHash);
    const tokens = this.tokensByUser.get(userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.tokensByUser.delete(userId);
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as PostgresDataSourceOptions;
    const client = new Client({
      connectionString: options.url,
      connectionTimeoutMillis: 1_500,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (message) => this.heard(message.payload));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.listener !== client) {
      await client.end().catch(() => undefined);
      return;
    }
    // Changes made before LISTEN were not heard: start from nothing kept.
    this.forgetEveryone();
    this.listening = true;
    if (this.failedAttempts > 0) this.logger.log('Listening for session changes again: sessions are kept between them');
    this.failedAttempts = 0;
  }

  private lost(client: Client, error?: unknown): void {
    if (this.listener !== client) return;
    this.stopKeeping();
    void client.end().catch(() => undefined);
    if (this.shuttingDown) return;
    const delay = reconnectDelaysMs[Math.min(this.failedAttempts, reconnectDelaysMs.length - 1)] ?? 5_000;
    if (this.failedAttempts === 0) {
      const reason = error instanceof Error ? `: ${error.message}` : '';
      this.logger.warn(`Not listening for session changes${reason}; every request reads its session until it is back`);
    }
    this.failedAttempts++;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.listen();
    }, delay).unref();
  }

  /** Keeps nothing (and nothing being read now) until listening again; anyone waiting has nothing left to wait for. */
  private stopKeeping(): void {
    this.listening = false;
    this.listener = null;
    this.forgetEveryone();
    for (const resolve of this.settling.values()) resolve();
    this.settling.clear();
  }
}
