import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';

import { ProgressModule } from '../progress/progress.module';
import { CohortSnapshots } from './cohort-snapshots';
import { CohortRepository } from './cohort.repository';
import { CohortService } from './cohort.service';
import { ProgressionController } from './progression.controller';
import { ReportBatchQueue } from './report-batch-queue';
import { ReportBatchRunner } from './report-batch-runner';
import { ReportBatchesController } from './report-batches.controller';
import { ReportBatchesService } from './report-batches.service';
import { ReportDataSource } from './report-data-source';
import { ReportRenderer } from './report-renderer';
import { ReportsService } from './reports.service';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import { VerificationController } from './verification.controller';

@Module({
  imports: [ProgressModule, ThrottlerModule.forRoot([{ ttl: 60_000, limit: 30 }])],
  controllers: [ProgressionController, ReportBatchesController, VerificationController],
  providers: [
    CohortRepository,
    CohortService,
    CohortSnapshots,
    ReportBatchQueue,
    ReportBatchRunner,
    ReportBatchesService,
    ReportDataSource,
    ReportRenderer,
    ReportsService,
    ReviewsRepository,
    ReviewsService,
  ],
})
export class ProgressionModule {}
