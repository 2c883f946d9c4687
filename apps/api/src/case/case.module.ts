import { Module } from '@nestjs/common';

import { FrameworksModule } from '../frameworks/frameworks.module';
import { CaseImportController } from './case-import.controller';
import { CaseImportService } from './case-import.service';
import { CasePackagesService } from './case-packages.service';
import { CaseRestController, FrameworkCaseController } from './case.controller';

@Module({
  imports: [FrameworksModule],
  controllers: [FrameworkCaseController, CaseRestController, CaseImportController],
  providers: [CaseImportService, CasePackagesService],
})
export class CaseModule {}
