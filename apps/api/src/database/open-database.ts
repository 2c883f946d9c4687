import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  /** Where the data lives, for the start-up message. */
  description: string;
  close(): Promise<void>;
}

/** The server in DATABASE_URL, or an embedded PostgreSQL under DATA_DIR when there is none. */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, description: redactPassword(config.databaseUrl), close: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    database: 'portfolio',
    durable: true,
    log,
  });
  return {
    url: embedded.url,
    description: `embedded PostgreSQL in ${config.dataDir} (port ${config.embeddedPostgresPort})`,
    close: () => embedded.stop(),
  };
}

export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
