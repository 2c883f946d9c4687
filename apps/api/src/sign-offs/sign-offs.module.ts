import { Module } from '@nestjs/common';

import { EvidenceModule } from '../evidence/evidence.module';
import { SignOffsController } from './sign-offs.controller';
import { SignOffsRepository } from './sign-offs.repository';
import { SignOffsService } from './sign-offs.service';

@Module({
  imports: [EvidenceModule],
  controllers: [SignOffsController],
  providers: [SignOffsRepository, SignOffsService],
  exports: [SignOffsRepository],
})
export class SignOffsModule {}
