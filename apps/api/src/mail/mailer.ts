import type { EntityManager } from 'typeorm';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where the product's mail goes. Sending takes the caller's transaction, so a message exists
 * exactly when the change it reports was committed.
 */
export abstract class Mailer {
  abstract send(message: MailMessage, manager: EntityManager): Promise<void>;
}
