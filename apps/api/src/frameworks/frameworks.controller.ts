import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { FrameworkSummary, FrameworkTree } from '@portfolio/contracts';

import { Public } from '../auth/access.decorators';
import { ApiErrorDto } from '../common/api-error.dto';
import { FrameworkKeyParams, FrameworkSummaryDto, FrameworkTreeDto, FrameworkVersionParams } from './frameworks.dto';
import { FrameworksService } from './frameworks.service';

@Public()
@ApiTags('frameworks')
@Controller('frameworks')
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  @Get()
  @ApiOkResponse({ type: [FrameworkSummaryDto], description: 'The current version of every framework held' })
  listFrameworks(): Promise<FrameworkSummary[]> {
    return this.frameworks.listFrameworks();
  }

  @Get(':key')
  @ApiOkResponse({ type: FrameworkTreeDto, description: 'The current version as a tree' })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  getFramework(@Param() params: FrameworkKeyParams): Promise<FrameworkTree> {
    return this.frameworks.getFramework(params.key);
  }

  @Get(':key/versions/:version')
  @ApiOkResponse({ type: FrameworkTreeDto, description: 'One version as a tree' })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  getFrameworkVersion(@Param() params: FrameworkVersionParams): Promise<FrameworkTree> {
    return this.frameworks.getFramework(params.key, params.version);
  }
}
