import { Module } from '@nestjs/common';

import { AdminController } from './admin.controller';
import { OrganisationsService } from './organisations.service';
import { TraineeImportService } from './trainee-import.service';
import { TrainingAdminService } from './training-admin.service';
import { UsersAdminService } from './users-admin.service';

@Module({
  controllers: [AdminController],
  providers: [OrganisationsService, TraineeImportService, TrainingAdminService, UsersAdminService],
})
export class AdminModule {}
