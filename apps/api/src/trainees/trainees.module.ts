import { Module } from '@nestjs/common';

import { TraineesController } from './trainees.controller';
import { TraineesRepository } from './trainees.repository';
import { TraineesService } from './trainees.service';

@Module({ controllers: [TraineesController], providers: [TraineesRepository, TraineesService] })
export class TraineesModule {}
