import { Module } from '@nestjs/common';

import { CoverageQueries } from './coverage-queries';
import { FrameworkStructures } from './framework-structures';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

@Module({
  controllers: [ProgressController],
  providers: [CoverageQueries, FrameworkStructures, ProgressService],
  exports: [CoverageQueries],
})
export class ProgressModule {}
