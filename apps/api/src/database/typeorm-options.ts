import type { DataSourceOptions } from 'typeorm';

import { frameworkEntities } from '../frameworks/framework.entities';
import { migrations } from './migrations';

export interface DatabaseTarget {
  url: string;
  /** A schema of its own, so test suites can share one database without meeting. */
  schema?: string;
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
      max: 10,
      // Fail fast when the database is away, so requests answer 503 instead of hanging.
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
      // The API's queries are short: compiling one (JIT) costs far more than it saves.
      options: ['-c jit=off', ...(target.schema ? [`-c search_path=${target.schema}`] : [])].join(' '),
    },
  };
}
