import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type MailMessage, Mailer } from './mailer';

/**
 * Keeps every message in the `outbox_message` table, in the caller's transaction: administrators
 * read it there, and OutboxDelivery sends it on when a mail server is configured.
 */
@Injectable()
export class OutboxMailer extends Mailer {
  async send(message: MailMessage, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO outbox_message (to_address, subject, body_text) VALUES ($1, $2, $3)`, [
      message.to,
      message.subject,
      message.text,
    ]);
  }
}
