import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { TraineePage, TraineeView } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams, PageQuery } from '../common/common.dto';
import { TraineeDto, TraineePageDto } from './trainees.dto';
import { TraineesService } from './trainees.service';

@ApiTags('trainees')
@Controller('trainees')
export class TraineesController {
  constructor(private readonly trainees: TraineesService) {}

  @Get()
  @RequirePermission('trainees:read')
  @ApiOkResponse({ type: TraineePageDto, description: 'The trainees the caller may see, by name' })
  list(@CurrentUser() user: SessionUser, @Query() query: PageQuery): Promise<TraineePage> {
    return this.trainees.list(user, query.cursor, query.limit);
  }

  @Get(':id')
  @RequirePermission('trainees:read')
  @ApiOkResponse({ type: TraineeDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'No such trainee, or not one the caller may see' })
  get(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<TraineeView> {
    return this.trainees.get(user, params.id);
  }
}
