import { Module } from '@nestjs/common';

import { PortfolioExportController } from './portfolio-export.controller';
import { PortfolioExportService } from './portfolio-export.service';
import { PortfolioPdfRenderer } from './portfolio-pdf-renderer';

@Module({
  controllers: [PortfolioExportController],
  providers: [PortfolioExportService, PortfolioPdfRenderer],
})
export class PortfolioExportModule {}
