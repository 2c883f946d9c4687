import { Module } from '@nestjs/common';

import { EvidenceModule } from '../evidence/evidence.module';
import { SignOffsModule } from '../sign-offs/sign-offs.module';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

@Module({ imports: [EvidenceModule, SignOffsModule], controllers: [ProgressController], providers: [ProgressService] })
export class ProgressModule {}
