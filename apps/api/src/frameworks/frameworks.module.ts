import { Module } from '@nestjs/common';

import { FrameworkImporter } from './framework-importer';
import { FrameworkRepository } from './framework.repository';
import { FrameworkSeeder } from './framework-seeder';
import { FrameworksController } from './frameworks.controller';
import { FrameworksService } from './frameworks.service';

@Module({
  controllers: [FrameworksController],
  providers: [FrameworkImporter, FrameworkRepository, FrameworkSeeder, FrameworksService],
  exports: [FrameworkImporter, FrameworkSeeder],
})
export class FrameworksModule {}
