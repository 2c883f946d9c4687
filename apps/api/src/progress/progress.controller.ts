import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { ProgressView } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams } from '../common/common.dto';
import { ProgressViewQuery, ProgressWithCrosswalksDto } from './progress.dto';
import { ProgressService } from './progress.service';

@ApiTags('progress')
@Controller('trainees/:id/progress')
export class ProgressController {
  constructor(private readonly progressService: ProgressService) {}

  @Get()
  @RequirePermission('trainees:read')
  @ApiOkResponse({
    type: ProgressWithCrosswalksDto,
    description:
      'Coverage of the stage: every element with its counts, per-domain totals and the gaps; with includeCrosswalks=true, ' +
      'the evidence counting through a crosswalk, per element and apart from its own counts',
  })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'No such trainee, or not one the caller may see' })
  progress(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Query() query: ProgressViewQuery,
  ): Promise<ProgressView> {
    return this.progressService.progress(user, params.id, {
      stage: query.stage,
      framework: query.framework,
      includeCrosswalks: query.includeCrosswalks === 'true',
    });
  }
}
