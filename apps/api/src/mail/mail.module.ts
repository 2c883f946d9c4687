import { Module } from '@nestjs/common';

import { Mailer } from './mailer';
import { OutboxDelivery } from './outbox-delivery';
import { OutboxMailer } from './outbox-mailer';
import { OutboxController } from './outbox.controller';

@Module({
  controllers: [OutboxController],
  providers: [{ provide: Mailer, useClass: OutboxMailer }, OutboxDelivery],
  exports: [Mailer, OutboxDelivery],
})
export class MailModule {}
