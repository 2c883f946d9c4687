import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Transporter, createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';

const pollIntervalMs = 15_000;
const batchSize = 20;
/** After this many failures a message stays in the outbox for an administrator to see. */
const maxAttempts = 8;

/**
 * Sends what the outbox holds through the configured mail server. Messages are claimed with
 * SKIP LOCKED, so several API processes deliver side by side without sending one twice; a
 * failure is retried later, waiting longer each time.
 */
@Injectable()
export class OutboxDelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDelivery.name);
  private readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  onApplicationBootstrap(): void {
    if (!this.transport || this.config.nodeEnv === 'test') {
      return;
    }
    const poll = () => {
      this.deliverDue().catch((error: unknown) => this.logger.warn(`Mail delivery failed: ${String(error)}`));
    };
    this.timer = setInterval(poll, pollIntervalMs);
    this.timer.unref();
    poll();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.transport?.close();
  }

  /** Sends the messages now due; answers how many were accepted. Without a mail server, none. */
  async deliverDue(): Promise<number> {
    const transport = this.transport;
    if (!transport) {
      return 0;
    }
    return this.dataSource.transaction(async (manager) => {
      const due = (await manager.query(
        `SELECT id, to_address, subject, body_text FROM outbox_message
          WHERE sent_at IS NULL AND attempts < $1 AND next_attempt_at <= now()
          ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [maxAttempts, batchSize],
      )) as { id: string; to_address: string; subject: string; body_text: string }[];
      let sent = 0;
      for (const message of due) {
        try {
          await transport.sendMail({
            from: this.config.mail.from,
            to: message.to_address,
            subject: message.subject,
            text: message.body_text,
          });
          await manager.query(`UPDATE outbox_message SET sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [
            message.id,
          ]);
          sent += 1;
        } catch (error) {
          await manager.query(
            `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2,
                    next_attempt_at = now() + make_interval(mins => power(2, attempts)::int)
              WHERE id = $1`,
            [message.id, String(error).slice(0, 1000)],
          );
        }
      }
      return sent;
    });
  }
}
