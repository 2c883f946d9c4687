import { Type, plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { resolve } from 'node:path';
import 'reflect-metadata';

import { parseSecretsKey } from './secrets-key';

export const nodeEnvironments = ['development', 'production', 'test'] as const;
export type NodeEnvironment = (typeof nodeEnvironments)[number];

/** The environment variables the API reads; see `.env.example`. */
class EnvironmentVariables {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  DATA_DIR = '.data';

  // Below 32768, where the kernel's ephemeral ports start, so a just-closed port is not taken.
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(32767)
  EMBEDDED_POSTGRES_PORT = 5488;

  @IsOptional()
  @IsIn(nodeEnvironments)
  NODE_ENV: NodeEnvironment = 'development';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  FRAMEWORK_DATA_DIR = 'framework-data';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  WEB_DIST_DIR?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_ABSOLUTE_HOURS = 12;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http(s):// address' })
  PUBLIC_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// address' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'Leadership portfolio <no-reply@localhost>';

  @IsOptional()
  @IsString()
  @MinLength(12)
  DEMO_PASSWORD = 'demo-portfolio-2026';

  @IsOptional()
  @IsString()
  SECRETS_KEY?: string;

  @IsOptional()
  @IsString()
  SECRETS_KEY_PREVIOUS?: string;
}

/** Variables whose values never appear in an error message. */
const secretVariables: readonly string[] = ['SECRETS_KEY', 'SECRETS_KEY_PREVIOUS'];

export interface AppConfig {
  port: number;
  nodeEnv: NodeEnvironment;
  /** A server to use; when absent the API runs an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  frameworkDataDir: string;
  /** The built web app to serve; null serves the API alone. */
  webDistDir: string | null;
  session: { idleMinutes: number; absoluteHours: number };
  /** Where users reach the web app: the base of links in the mail it sends. */
  publicUrl: string;
  /** Mail leaves through this server; without one it stays in the outbox for administrators to read. */
  mail: { smtpUrl: string | null; from: string };
  demoPassword: string;
  /**
   * Keys (32 bytes) that encrypt authenticator secrets at rest; a value sealed with `previousKey` is
   * still read, and re-encrypted at start. Without `key` (never in production) the API keeps one in
   * `dataDir`.
   */
  secrets: { key: Buffer | null; previousKey: Buffer | null };
}

export class InvalidConfigError extends Error {}

/** Reads and checks the environment once at boot, failing with every bad variable named. */
export function loadAppConfig(
  env: NodeJS.ProcessEnv = process.env,
  defaultWebDistDir: string | null = null,
): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const variables = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(variables, { skipMissingProperties: false });
  const lines = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((constraint) =>
      secretVariables.includes(error.property) ? `  ${constraint}` : `  ${constraint} (got '${String(error.value)}')`,
    ),
  );
  const secrets = readSecretsKeys(variables, lines);
  if (lines.length > 0) {
    throw new InvalidConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    port: variables.PORT,
    nodeEnv: variables.NODE_ENV,
    databaseUrl: variables.DATABASE_URL ?? null,
    dataDir: resolve(variables.DATA_DIR),
    embeddedPostgresPort: variables.EMBEDDED_POSTGRES_PORT,
    frameworkDataDir: resolve(variables.FRAMEWORK_DATA_DIR),
    webDistDir: variables.WEB_DIST_DIR ? resolve(variables.WEB_DIST_DIR) : defaultWebDistDir,
    session: { idleMinutes: variables.SESSION_IDLE_MINUTES, absoluteHours: variables.SESSION_ABSOLUTE_HOURS },
    publicUrl: (variables.PUBLIC_URL ?? `http://localhost:${variables.PORT}`).replace(/\/+$/, ''),
    mail: { smtpUrl: variables.SMTP_URL ?? null, from: variables.MAIL_FROM },
    demoPassword: variables.DEMO_PASSWORD,
    secrets,
  };
}

const keyFormat = '32 random bytes as base64 or 64 hex digits, e.g. from `openssl rand -base64 32`';

/** Checks the encryption keys, adding a line per problem to `problems` without ever echoing a key. */
function readSecretsKeys(variables: EnvironmentVariables, problems: string[]): AppConfig['secrets'] {
  const parse = (name: 'SECRETS_KEY' | 'SECRETS_KEY_PREVIOUS'): Buffer | null => {
    const value = variables[name];
    if (typeof value !== 'string') {
      return null;
    }
    const key = parseSecretsKey(value);
    if (!key) {
      problems.push(`  ${name} must be ${keyFormat} (the value given is not shown)`);
    }
    return key;
  };
  const key = parse('SECRETS_KEY');
  const previousKey = parse('SECRETS_KEY_PREVIOUS');
  if (!variables.SECRETS_KEY && variables.NODE_ENV === 'production') {
    problems.push(`  SECRETS_KEY is required when NODE_ENV=production: ${keyFormat}`);
  }
  if (!variables.SECRETS_KEY && variables.SECRETS_KEY_PREVIOUS) {
    problems.push('  SECRETS_KEY_PREVIOUS is set without SECRETS_KEY: set the new key in SECRETS_KEY');
  }
  if (key && previousKey?.equals(key)) {
    problems.push('  SECRETS_KEY_PREVIOUS must differ from SECRETS_KEY');
  }
  return { key, previousKey };
}
