import { Module } from '@nestjs/common';

import { CoverageQueries } from './coverage-queries';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

@Module({
  controllers: [ProgressController],
  providers: [CoverageQueries, ProgressService],
  exports: [CoverageQueries],
})
export class ProgressModule {}
