import { Module } from '@nestjs/common';

import { AttachmentsService } from './attachments.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { TraineeFramework } from './trainee-framework';

@Module({
  controllers: [EvidenceController],
  providers: [AttachmentsService, EvidenceRepository, EvidenceService, TraineeFramework],
  exports: [AttachmentsService, EvidenceRepository, EvidenceService, TraineeFramework],
})
export class EvidenceModule {}
