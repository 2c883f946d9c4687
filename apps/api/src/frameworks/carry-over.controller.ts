import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { CarryOverReportView } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { CarryOverDto, CarryOverReportDto } from './carry-over.dto';
import { CarryOverService } from './carry-over.service';
import { FrameworkVersionParams } from './frameworks.dto';

@ApiTags('admin')
@Controller('admin/frameworks/:key/versions/:version/carry-over')
export class CarryOverController {
  constructor(private readonly carryOver: CarryOverService) {}

  @Post()
  @HttpCode(200)
  @RequirePermission('frameworks:manage')
  @ApiOperation({
    summary: "Carry trainees' evidence links and sign-offs over from the previous version, along its correspondences",
  })
  @ApiOkResponse({ type: CarryOverReportDto, description: 'Per trainee: what was carried, and what was not and why' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'The version states no previous version' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  run(
    @CurrentUser() user: SessionUser,
    @Param() params: FrameworkVersionParams,
    @Body() body: CarryOverDto,
  ): Promise<CarryOverReportView> {
    return this.carryOver.carryOver(user, params.key, params.version, body.dryRun ?? false);
  }
}
