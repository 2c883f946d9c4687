import { Controller, Get, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { CurrentUser, RequirePermission, clientOf } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams } from '../common/common.dto';
import { streamedDownloadResponse } from '../common/download-response';
import { PortfolioExportQueryDto } from './portfolio-export.dto';
import { PortfolioExportService } from './portfolio-export.service';

@ApiTags('portfolio')
@Controller()
export class PortfolioExportController {
  constructor(private readonly exports: PortfolioExportService) {}

  @Get('trainees/:id/portfolio.zip')
  @RequirePermission('portfolio:export')
  @ApiOperation({
    summary: 'The whole portfolio as a ZIP, streamed',
    description:
      'portfolio.json (see portfolio-v1.schema.json), each evidence item as Markdown, the attachments, each ' +
      'assessment as JSON with its signature, and a summary PDF. The trainee downloads their own; a deanery ' +
      'administrator of their deanery gives a reason, which is audited.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The ZIP' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'A deanery administrator gave no reason' })
  @ApiNotFoundResponse({
    type: ApiErrorDto,
    description: 'No such trainee, or not one whose portfolio the caller may export',
  })
  async download(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Query() query: PortfolioExportQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    const requester = { user, reason: query.reason, ipAddress: clientOf(request).ipAddress };
    return streamedDownloadResponse(response, await this.exports.open(params.id, requester));
  }
}
