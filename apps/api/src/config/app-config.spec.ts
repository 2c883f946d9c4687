import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { InvalidConfigError, loadAppConfig } from './app-config';
import { developmentSecretsKey, parseSecretsKey, resolveSecretsKeys } from './secrets-key';

describe('loadAppConfig', () => {
  const key = randomBytes(32);
  const previousKey = randomBytes(32);

  it('applies the documented defaults', () => {
    const config = loadAppConfig({});
    expect(config).toEqual({
      port: 3000,
      nodeEnv: 'development',
      databaseUrl: null,
      dataDir: resolve('.data'),
      embeddedPostgresPort: 5488,
      frameworkDataDir: resolve('framework-data'),
      webDistDir: null,
      session: { idleMinutes: 30, absoluteHours: 12 },
      publicUrl: 'http://localhost:3000',
      mail: { smtpUrl: null, from: 'Leadership portfolio <no-reply@localhost>' },
      demoPassword: 'demo-portfolio-2026',
      secrets: { key: null, previousKey: null },
    });
  });

  it('reads every variable', () => {
    const config = loadAppConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      DATA_DIR: '/var/lib/portfolio',
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://portfolio.example.nhs.uk/',
      SECRETS_KEY: key.toString('base64'),
      SECRETS_KEY_PREVIOUS: previousKey.toString('hex'),
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://portfolio.example.nhs.uk',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      dataDir: '/var/lib/portfolio',
      nodeEnv: 'production',
      secrets: { key, previousKey },
    });
  });

  it('fails naming each bad variable and the value it got', () => {
    const attempt = () => loadAppConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://localhost/db', NODE_ENV: 'staging' });
    expect(attempt).toThrow(InvalidConfigError);
    expect(attempt).toThrow(/PORT must be an integer number \(got 'NaN'\)|PORT must be an integer/);
    expect(attempt).toThrow(/DATABASE_URL must be a postgres:\/\/ connection URL \(got 'mysql:\/\/localhost\/db'\)/);
    expect(attempt).toThrow(/NODE_ENV must be one of the following values/);
  });

  it('refuses a port out of range and an embedded port in the ephemeral range', () => {
    expect(() => loadAppConfig({ PORT: '70000' })).toThrow(/PORT must not be greater than 65535/);
    expect(() => loadAppConfig({ EMBEDDED_POSTGRES_PORT: '40000' })).toThrow(
      /EMBEDDED_POSTGRES_PORT must not be greater than 32767/,
    );
  });

  it('reads SECRETS_KEY as hex, base64 or base64url, with or without padding', () => {
    for (const written of [
      key.toString('hex'),
      key.toString('hex').toUpperCase(),
      key.toString('base64'),
      key.toString('base64').replace(/=$/, ''),
      key.toString('base64url'),
      ` ${key.toString('base64')}\n`,
    ]) {
      expect(parseSecretsKey(written)).toEqual(key);
    }
    for (const wrong of ['', 'short', randomBytes(16).toString('hex'), randomBytes(48).toString('base64')]) {
      expect(parseSecretsKey(wrong)).toBeNull();
    }
  });

  it('requires SECRETS_KEY in production, and refuses a bad key naming the variable but never its value', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_KEY is required when NODE_ENV=production/);
    const bad = 'not-a-key-but-maybe-a-password';
    const attempt = () => loadAppConfig({ SECRETS_KEY: bad, SECRETS_KEY_PREVIOUS: `${bad}-2` });
    expect(attempt).toThrow(/SECRETS_KEY must be 32 random bytes as base64 or 64 hex digits/);
    expect(attempt).toThrow(/SECRETS_KEY_PREVIOUS must be 32 random bytes/);
    expect(attempt).not.toThrow(new RegExp(bad));
    expect(() => loadAppConfig({ SECRETS_KEY_PREVIOUS: previousKey.toString('hex') })).toThrow(
      /SECRETS_KEY_PREVIOUS is set without SECRETS_KEY/,
    );
    expect(() =>
      loadAppConfig({ SECRETS_KEY: key.toString('hex'), SECRETS_KEY_PREVIOUS: key.toString('base64') }),
    ).toThrow(/SECRETS_KEY_PREVIOUS must differ from SECRETS_KEY/);
  });
});

describe('the development key file', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'portfolio-keys-')), 'data');
  });

  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('is made once, readable only by its owner, and read again afterwards', () => {
    const first = developmentSecretsKey(dataDir);
    expect(first).toMatchObject({ file: join(dataDir, 'secrets.key'), created: true });
    expect(first.key).toHaveLength(32);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const again = developmentSecretsKey(dataDir);
    expect(again.created).toBe(false);
    expect(again.key).toEqual(first.key);
  });

  it('is made private again if its mode was loosened, and refused if it holds no key', () => {
    const { file, key } = developmentSecretsKey(dataDir);
    chmodSync(file, 0o644);
    expect(developmentSecretsKey(dataDir).key).toEqual(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'nonsense\n');
    expect(() => developmentSecretsKey(dataDir)).toThrow(/does not hold a 32-byte key/);
  });

  it('is used only without SECRETS_KEY, and the message about it names the file but not the key', () => {
    const key = randomBytes(32);
    const messages: string[] = [];
    const configured = resolveSecretsKeys(
      loadAppConfig({ DATA_DIR: dataDir, SECRETS_KEY: key.toString('hex') }),
      (message) => messages.push(message),
    );
    expect(configured).toEqual({ key, previousKey: null });
    expect(messages).toEqual([]);

    const made = resolveSecretsKeys(loadAppConfig({ DATA_DIR: dataDir }), (message) => messages.push(message));
    const written = readFileSync(join(dataDir, 'secrets.key'), 'utf8');
    expect(parseSecretsKey(written)).toEqual(made.key);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(join(dataDir, 'secrets.key'));
    expect(messages[0]).not.toContain(written.trim());
  });
});
