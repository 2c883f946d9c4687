import { resolve } from 'node:path';

import { InvalidConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
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
    });
  });

  it('reads every variable', () => {
    const config = loadAppConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      DATA_DIR: '/var/lib/portfolio',
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://portfolio.example.nhs.uk/',
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://portfolio.example.nhs.uk',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      dataDir: '/var/lib/portfolio',
      nodeEnv: 'production',
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
});
