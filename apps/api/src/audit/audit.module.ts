import { Global, Module } from '@nestjs/common';

import { AuditChainer } from './audit-chainer';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditChainer, AuditService],
  exports: [AuditChainer, AuditService],
})
export class AuditModule {}
