import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

import type { OutboxPage } from '@portfolio/contracts';

import { createUser, signIn } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/test-app';
import { Mailer } from './mailer';
import { OutboxDelivery } from './outbox-delivery';

interface Received {
  to: string[];
  data: string;
}

/** A mail server on a local port that keeps what it is sent, and can be told to refuse. */
async function startMailServer(): Promise<{
  port: number;
  received: Received[];
  refuse: (on: boolean) => void;
  stop: () => Promise<void>;
}> {
  const received: Received[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(_address, _session, callback) {
      callback(refusing ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    refuse: (on) => {
      refusing = on;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('outbox delivery through a mail server', () => {
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let testApp: TestApp;

  beforeAll(async () => {
    mail = await startMailServer();
    testApp = await createTestApp({
      seedFrameworks: false,
      env: { SMTP_URL: `smtp://127.0.0.1:${mail.port}`, MAIL_FROM: 'Portfolio <portfolio@example.test>' },
    });
  });

  afterAll(async () => {
    await testApp.close();
    await mail.stop();
  });

  const queue = (to: string, subject: string) =>
    testApp.dataSource.transaction((manager) =>
      testApp.app.get(Mailer).send({ to, subject, text: `About ${subject}` }, manager),
    );

  it('sends each queued message once and records when, and keeps a refused one for a later try', async () => {
    await queue('pat@trust.example', 'First');
    await queue('sam@trust.example', 'Second');
    const delivery = testApp.app.get(OutboxDelivery);
    expect(await delivery.deliverDue()).toBe(2);
    expect(await delivery.deliverDue()).toBe(0);
    expect(mail.received.map((message) => message.to)).toEqual([['pat@trust.example'], ['sam@trust.example']]);
    expect(mail.received[0]?.data).toContain('Subject: First');
    expect(mail.received[0]?.data).toContain('From: Portfolio <portfolio@example.test>');

    mail.refuse(true);
    await queue('gone@trust.example', 'Third');
    expect(await delivery.deliverDue()).toBe(0);
    const [refused] = (await testApp.dataSource.query(
      `SELECT attempts, last_error, next_attempt_at > now() AS later FROM outbox_message WHERE subject = 'Third'`,
    )) as { attempts: number; last_error: string; later: boolean }[];
    expect(refused).toMatchObject({ attempts: 1, later: true });
    expect(refused?.last_error).toContain('Mailbox unavailable');

    const admin = await signIn(testApp.app, (await createUser(testApp.dataSource, ['admin'])).email);
    const page = (await admin.agent.get('/api/admin/outbox?limit=2').expect(200)).body as OutboxPage;
    expect(page.items.map((message) => [message.subject, message.sentAt === null])).toEqual([
      ['Third', true],
      ['Second', false],
    ]);
    const next = (await admin.agent.get(`/api/admin/outbox?limit=2&cursor=${page.nextCursor}`).expect(200))
      .body as OutboxPage;
    expect(next.items.map((message) => message.subject)).toEqual(['First']);
    await admin.agent.get('/api/admin/outbox?cursor=bm90LWEtY3Vyc29y').expect(400);
  });
});
