import { Module } from '@nestjs/common';

import { AssessmentTemplatesModule } from '../assessments/assessment-templates.module';
import { CarryOverController } from './carry-over.controller';
import { CarryOverService } from './carry-over.service';
import { CrosswalkImporter } from './crosswalk-importer';
import { FrameworkImporter } from './framework-importer';
import { FrameworkSeeder } from './framework-seeder';
import { FrameworkRepository } from './framework.repository';
import { FrameworksController } from './frameworks.controller';
import { FrameworksService } from './frameworks.service';

@Module({
  imports: [AssessmentTemplatesModule],
  controllers: [FrameworksController, CarryOverController],
  providers: [
    CarryOverService,
    CrosswalkImporter,
    FrameworkImporter,
    FrameworkRepository,
    FrameworkSeeder,
    FrameworksService,
  ],
  exports: [CrosswalkImporter, FrameworkImporter, FrameworkSeeder],
})
export class FrameworksModule {}
