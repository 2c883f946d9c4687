import { Client, type ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';

import { frameworkEntities } from '../frameworks/framework.entities';
import { migrations } from './migrations';

export interface DatabaseTarget {
  url: string;
  /** A schema of its own, so test suites can share one database without meeting. */
  schema?: string;
}

/**
 * The pool stops listening for a client's errors when it hands the client out, and TypeORM starts
 * only a moment later: a connection that dies in between (PostgreSQL stopping under load) would
 * raise an 'error' event nobody hears, which ends the process. Everyone who uses the client still
 * hears of the failure through its queries.
 */
class ListenedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export function typeOrmOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    schema: target.schema,
    entities: [...frameworkEntities],
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      Client: ListenedClient,
      max: 10,
      // Fail fast when the database is away, so requests answer 503 within 2 s instead of hanging.
      // This bounds both a new connection and the wait for a free one.
      connectionTimeoutMillis: 1_500,
      idleTimeoutMillis: 30_000,
      // Notice a server that vanished without closing the connection (a failover, a cut network).
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // Safety nets far above any request's queries: a runaway statement, or a transaction left
      // open by a stuck process, cannot hold its connection and locks for ever. A migration that
      // needs longer raises its own (SET LOCAL statement_timeout).
      statement_timeout: 300_000,
      idle_in_transaction_session_timeout: 300_000,
      // The API's queries are short: compiling one (JIT) costs far more than it saves.
      options: ['-c jit=off', ...(target.schema ? [`-c search_path=${target.schema}`] : [])].join(' '),
    },
  };
}
