import { Module } from '@nestjs/common';

import { AssessmentTemplatesController } from './assessment-templates.controller';
import { AssessmentTemplatesRepository } from './assessment-templates.repository';

@Module({
  controllers: [AssessmentTemplatesController],
  providers: [AssessmentTemplatesRepository],
  exports: [AssessmentTemplatesRepository],
})
export class AssessmentTemplatesModule {}
