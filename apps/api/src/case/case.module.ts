import { Module } from '@nestjs/common';

import { CasePackagesService } from './case-packages.service';
import { CaseRestController, FrameworkCaseController } from './case.controller';

@Module({ controllers: [FrameworkCaseController, CaseRestController], providers: [CasePackagesService] })
export class CaseModule {}
