import { Module } from '@nestjs/common';

import { AssessmentTemplatesModule } from '../assessments/assessment-templates.module';
import { FrameworkImporter } from './framework-importer';
import { FrameworkSeeder } from './framework-seeder';
import { FrameworkRepository } from './framework.repository';
import { FrameworksController } from './frameworks.controller';
import { FrameworksService } from './frameworks.service';

@Module({
  imports: [AssessmentTemplatesModule],
  controllers: [FrameworksController],
  providers: [FrameworkImporter, FrameworkRepository, FrameworkSeeder, FrameworksService],
  exports: [FrameworkImporter, FrameworkSeeder],
})
export class FrameworksModule {}
