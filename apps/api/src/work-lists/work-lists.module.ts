import { Module } from '@nestjs/common';

import { ProgressModule } from '../progress/progress.module';
import { SupervisionService } from './supervision.service';
import { TodoService } from './todo.service';
import { WorkListsController } from './work-lists.controller';

@Module({ imports: [ProgressModule], controllers: [WorkListsController], providers: [SupervisionService, TodoService] })
export class WorkListsModule {}
