import { Module } from '@nestjs/common';

import { CoverageCounts } from './coverage-counts';
import { CoverageQueries } from './coverage-queries';
import { CrosswalkCoverage } from './crosswalk-coverage';
import { FrameworkStructures } from './framework-structures';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

@Module({
  controllers: [ProgressController],
  providers: [CoverageCounts, CoverageQueries, CrosswalkCoverage, FrameworkStructures, ProgressService],
  exports: [CoverageQueries],
})
export class ProgressModule {}
