import request from 'supertest';

import { TcpProxy } from '../../test/tcp-proxy';
import { type TestApp, createTestApp, testDatabaseUrl } from '../../test/test-app';

describe('GET /api/health', () => {
  let testApp: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    testApp = await createTestApp({ seedFrameworks: false, databaseUrl: proxy.proxiedUrl(testDatabaseUrl()) });
  });

  afterAll(async () => {
    await proxy.restore();
    await testApp.close();
    await proxy.cut();
  });

  it('says the database is up', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 quickly while the database is unreachable, and recovers by itself', async () => {
    await proxy.cut();
    const started = Date.now();
    const down = await request(testApp.app.getHttpServer()).get('/api/health').expect(503);
    expect(down.body).toEqual({ status: 'error', database: 'down' });
    expect(Date.now() - started).toBeLessThan(5_000);

    const frameworks = await request(testApp.app.getHttpServer()).get('/api/frameworks').expect(503);
    expect(frameworks.body.message).toMatch(/database is unavailable/);

    await proxy.restore();
    const up = await request(testApp.app.getHttpServer()).get('/api/health').expect(200);
    expect(up.body).toEqual({ status: 'ok', database: 'up' });
  });
});
