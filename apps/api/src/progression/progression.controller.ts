import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CohortPage, ProgressionReportView, ProgressionReviewView } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams } from '../common/common.dto';
import { downloadResponse } from '../common/download-response';
import { CohortService } from './cohort.service';
import { CohortPageDto, ProgressionReportDto, ProgressionReviewDto } from './progression-views.dto';
import {
  CohortQueryDto,
  CorrectReviewDto,
  FinaliseReviewDto,
  IssueReportDto,
  ReviewInputDto,
  UpdateReviewDto,
} from './progression.dto';
import { ReportsService } from './reports.service';
import { ReviewsService } from './reviews.service';

@ApiTags('progression')
@ApiNotFoundResponse({ type: ApiErrorDto, description: 'No such record, or not one the caller may see' })
@Controller()
export class ProgressionController {
  constructor(
    private readonly cohort: CohortService,
    private readonly reviews: ReviewsService,
    private readonly reports: ReportsService,
  ) {}

  @Get('cohort')
  @RequirePermission('cohort:read')
  @ApiOperation({ summary: 'The trainees of the caller’s deanery, a page at a time, with coverage and outcomes' })
  @ApiOkResponse({ type: CohortPageDto })
  cohortPage(@CurrentUser() user: SessionUser, @Query() query: CohortQueryDto): Promise<CohortPage> {
    return this.cohort.page(user, query);
  }

  @Get('cohort/export')
  @RequirePermission('cohort:read')
  @ApiOperation({ summary: 'The whole filtered cohort as CSV' })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="cohort.csv"')
  @Header('Cache-Control', 'private, no-store')
  async cohortCsv(@CurrentUser() user: SessionUser, @Query() query: CohortQueryDto): Promise<string> {
    return this.cohort.csv(user, query);
  }

  @Get('trainees/:id/reviews')
  @RequirePermission('trainees:read')
  @ApiOperation({ summary: 'A trainee’s progression reviews (final ones only, unless the caller records them)' })
  @ApiOkResponse({ type: [ProgressionReviewDto] })
  listReviews(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<ProgressionReviewView[]> {
    return this.reviews.list(user, params.id);
  }

  @Post('trainees/:id/reviews')
  @RequirePermission('progression:manage')
  @ApiCreatedResponse({ type: ProgressionReviewDto })
  createReview(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: ReviewInputDto,
  ): Promise<ProgressionReviewView> {
    return this.reviews.create(user, params.id, body);
  }

  @Get('reviews/:id')
  @RequirePermission('trainees:read')
  @ApiOkResponse({ type: ProgressionReviewDto })
  getReview(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<ProgressionReviewView> {
    return this.reviews.get(user, params.id);
  }

  @Patch('reviews/:id')
  @RequirePermission('progression:manage')
  @ApiOkResponse({ type: ProgressionReviewDto })
  updateReview(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: UpdateReviewDto,
  ): Promise<ProgressionReviewView> {
    return this.reviews.update(user, params.id, body);
  }

  @Post('reviews/:id/finalisation')
  @HttpCode(200)
  @RequirePermission('progression:manage')
  @ApiOperation({ summary: 'Finalise the review: it never changes again, and the trainee sees the outcome' })
  @ApiOkResponse({ type: ProgressionReviewDto })
  finalise(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: FinaliseReviewDto,
  ): Promise<ProgressionReviewView> {
    return this.reviews.finalise(user, params.id, body.version);
  }

  @Post('reviews/:id/corrections')
  @RequirePermission('progression:manage')
  @ApiOperation({ summary: 'Correct a final review: a new draft that amends it' })
  @ApiCreatedResponse({ type: ProgressionReviewDto })
  correct(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: CorrectReviewDto,
  ): Promise<ProgressionReviewView> {
    return this.reviews.correct(user, params.id, body.reason);
  }

  @Get('trainees/:id/reports')
  @RequirePermission('progression:manage')
  @ApiOkResponse({ type: [ProgressionReportDto] })
  listReports(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<ProgressionReportView[]> {
    return this.reports.list(user, params.id);
  }

  @Post('trainees/:id/reports')
  @RequirePermission('progression:manage')
  @ApiOperation({ summary: 'Issue a verifiable progression report for a period' })
  @ApiCreatedResponse({ type: ProgressionReportDto })
  issueReport(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: IssueReportDto,
  ): Promise<ProgressionReportView> {
    return this.reports.issue(user, params.id, body.period);
  }

  @Get('reports/:id/pdf')
  @RequirePermission('progression:manage')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report as issued' })
  async reportPdf(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(response, { ...(await this.reports.pdf(user, params.id)), contentType: 'application/pdf' });
  }
}
