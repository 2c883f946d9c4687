import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { ReportBatchView } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams } from '../common/common.dto';
import { downloadResponse } from '../common/download-response';
import { ReportBatchDto } from './progression-views.dto';
import { StartReportBatchDto } from './progression.dto';
import { ReportBatchesService } from './report-batches.service';

@ApiTags('progression')
@ApiNotFoundResponse({ type: ApiErrorDto, description: 'No such batch for the caller’s deanery' })
@Controller('report-batches')
export class ReportBatchesController {
  constructor(private readonly batches: ReportBatchesService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('progression:manage')
  @ApiOperation({ summary: 'Produce the reports of a whole cohort in the background' })
  @ApiAcceptedResponse({ type: ReportBatchDto })
  start(@CurrentUser() user: SessionUser, @Body() body: StartReportBatchDto): Promise<ReportBatchView> {
    return this.batches.start(user, body);
  }

  @Get(':id')
  @RequirePermission('progression:manage')
  @ApiOperation({ summary: 'How far a batch has got, with an estimate of the time left' })
  @ApiOkResponse({ type: ReportBatchDto })
  get(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<ReportBatchView> {
    return this.batches.get(user, params.id);
  }

  @Get(':id/zip')
  @RequirePermission('progression:manage')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'Every report of the batch and the cohort summary' })
  async zip(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(response, { ...(await this.batches.zip(user, params.id)), contentType: 'application/zip' });
  }
}
