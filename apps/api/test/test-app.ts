import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { AppModule } from '../src/app.module';
import { loadAppConfig } from '../src/config/app-config';
import { configureApp, createHttpAdapter } from '../src/configure-app';
import { FrameworkSeeder } from '../src/frameworks/framework-seeder';
import { testSecretsKey } from './test-secrets';

export const workspaceRoot = resolve(__dirname, '../../..');

export function testDatabaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    throw new Error('DATABASE_URL is not set: the API tests run through their jest global setup');
  }
  return url;
}

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  schema: string;
  /** Stops the server and drops its schema. */
  close(): Promise<void>;
  /** Stops the server and keeps its schema, for another server to start over the same data. */
  stop(): Promise<void>;
  /** Every route the server answers, as `GET /api/evidence/:id` (HEAD, which answers with GET, left out). */
  routes: string[];
}

export interface TestAppOptions {
  /** Load framework-data/ as the server does at start. */
  seedFrameworks?: boolean;
  /** Connect through this URL instead (a proxy, to cut the database off). */
  databaseUrl?: string;
  /** Further environment variables, as the server would read them. */
  env?: Record<string, string>;
  /** Reuse this schema (a restarted server over the same data) instead of a new one. */
  schema?: string;
}

/**
 * The whole API on a real PostgreSQL, in a schema of its own that is dropped afterwards,
 * so test files can run side by side on one database.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const schema = options.schema ?? (await createTestSchema());
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATA_DIR: resolve(workspaceRoot, '.data/test'),
    FRAMEWORK_DATA_DIR: resolve(workspaceRoot, 'framework-data'),
    SECRETS_KEY: testSecretsKey(),
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ config, database: { url: options.databaseUrl ?? testDatabaseUrl(), schema } })],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: ['error'] });
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      routes.push(...methods.filter((method) => method !== 'HEAD').map((method) => `${method} ${route.url}`));
    });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  if (options.seedFrameworks ?? true) {
    await app.get(FrameworkSeeder).seedFrameworks();
  }
  return {
    app,
    dataSource: app.get(DataSource),
    schema,
    close: async () => {
      await app.close();
      await dropTestSchema(schema);
    },
    stop: () => app.close(),
    routes,
  };
}

export async function createTestSchema(): Promise<string> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withClient((client) => client.query(`CREATE SCHEMA ${schema}`));
  return schema;
}

export async function dropTestSchema(schema: string): Promise<void> {
  // The job queue keeps its tables beside the application's schema.
  await withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`));
}

async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server as main.ts makes it, serving the web app from `webDistDir`. */
export async function createServedApp(schema: string, webDistDir: string): Promise<NestFastifyApplication> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATA_DIR: resolve(workspaceRoot, '.data/test'),
    FRAMEWORK_DATA_DIR: resolve(workspaceRoot, 'framework-data'),
    SECRETS_KEY: testSecretsKey(),
    WEB_DIST_DIR: webDistDir,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, database: { url: testDatabaseUrl(), schema } }),
    createHttpAdapter(),
    { logger: ['error'] },
  );
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
