import { signIn } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { demoAccounts } from './demo-accounts';
import { DemoSeeder } from './demo-seeder';

describe('demo data', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
  });

  afterAll(() => testApp.close());

  it('seeds one account per role once, each able to sign in and see its own area', async () => {
    const seeder = testApp.app.get(DemoSeeder);
    expect(await seeder.seedDemo()).toBe('seeded');
    expect(await seeder.seedDemo()).toBe('already-present');
    expect(demoAccounts.map((account) => account.email)).toEqual([
      'trainee@demo.test',
      'supervisor@demo.test',
      'assessor@demo.test',
      'deanery@demo.test',
      'admin@demo.test',
    ]);

    const trainee = await signIn(testApp.app, 'trainee@demo.test', 'demo-portfolio-2026');
    const own = await trainee.agent.get('/api/trainees').expect(200);
    expect(own.body.items.map((item: { displayName: string }) => item.displayName)).toEqual(['Dr Aisha Khan']);

    const supervisor = await signIn(testApp.app, 'supervisor@demo.test', 'demo-portfolio-2026');
    const assigned = await supervisor.agent.get('/api/trainees').expect(200);
    expect(assigned.body.items).toHaveLength(1);

    const deanery = await signIn(testApp.app, 'deanery@demo.test', 'demo-portfolio-2026');
    expect((await deanery.agent.get('/api/trainees').expect(200)).body.items).toHaveLength(1);
    await deanery.agent.get('/api/admin/users').expect(404);

    const assessor = await signIn(testApp.app, 'assessor@demo.test', 'demo-portfolio-2026');
    await assessor.agent.get('/api/trainees').expect(404);

    const admin = await signIn(testApp.app, 'admin@demo.test', 'demo-portfolio-2026');
    await admin.agent.get('/api/admin/users').expect(200);

    // The published demo secrets are stored encrypted like any other.
    const stored = (await testApp.dataSource.query(
      `SELECT u.email, a.secret FROM user_authenticator a JOIN app_user u ON u.id = a.user_id ORDER BY u.email`,
    )) as { email: string; secret: string }[];
    const published = demoAccounts.flatMap((account) => account.authenticatorSecret ?? []);
    expect(stored.length).toBe(published.length);
    for (const row of stored) {
      expect(row.secret).toMatch(/^v1\./);
      expect(published.some((secret) => row.secret.includes(secret))).toBe(false);
    }
  });

  it('is never created in production', async () => {
    const seeder = new DemoSeeder(testApp.dataSource, {} as never, {} as never, { nodeEnv: 'production' } as never);
    await expect(seeder.seedDemo()).rejects.toThrow(/never created when NODE_ENV=production/);
  });
});
