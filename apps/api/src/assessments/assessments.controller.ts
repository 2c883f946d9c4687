import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { AssessmentPage, AssessmentView, AssessorOption } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams } from '../common/common.dto';
import { downloadResponse } from '../common/download-response';
import { AssessingService } from './assessing.service';
import { AssessmentAttachments } from './assessment-attachments';
import { AssessmentPageDto, AssessmentViewDto, AssessorOptionDto } from './assessments-views.dto';
import {
  AssessmentAttachmentParams,
  AssessmentListQueryDto,
  AssessorSearchQuery,
  CorrectAssessmentDto,
  CreateAssessmentDto,
  JudgementDto,
  ReturnAssessmentDto,
  SendAssessmentDto,
  UpdateAssessmentDto,
  assessorChoiceOf,
} from './assessments.dto';
import { AssessmentsService } from './assessments.service';

export const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Any unique string per sign-off; a retried request with the same key answers the same record',
} as const;

@ApiTags('assessments')
@ApiNotFoundResponse({ type: ApiErrorDto, description: 'No such assessment, or not one the caller may see' })
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly assessing: AssessingService,
    private readonly attachments: AssessmentAttachments,
  ) {}

  @Get('assessors')
  @RequirePermission('assessments:request')
  @ApiOperation({ summary: 'Registered supervisors and assessors a trainee may ask, by name' })
  @ApiOkResponse({ type: [AssessorOptionDto] })
  assessors(@CurrentUser() user: SessionUser, @Query() query: AssessorSearchQuery): Promise<AssessorOption[]> {
    return this.assessments.assessorOptions(user, query.q);
  }

  @Get('assessments')
  @RequirePermission('account:read')
  @ApiOperation({
    summary: 'The caller’s own assessments (scope=mine) or those they were asked to assess (scope=to-assess)',
  })
  @ApiOkResponse({ type: AssessmentPageDto })
  list(@CurrentUser() user: SessionUser, @Query() query: AssessmentListQueryDto): Promise<AssessmentPage> {
    return this.assessments.list(user, query);
  }

  @Post('assessments')
  @RequirePermission('assessments:request')
  @ApiOperation({ summary: 'Start an assessment from a template; the trainee’s part may be unfinished' })
  @ApiCreatedResponse({ type: AssessmentViewDto })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateAssessmentDto): Promise<AssessmentView> {
    return this.assessments.create(user, body);
  }

  @Get('assessments/:id')
  @RequirePermission('account:read')
  @ApiOkResponse({ type: AssessmentViewDto })
  get(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<AssessmentView> {
    return this.assessments.get(user, params.id);
  }

  @Patch('assessments/:id')
  @RequirePermission('assessments:request')
  @ApiOperation({ summary: 'Change the trainee’s part while it is a draft or returned' })
  @ApiOkResponse({ type: AssessmentViewDto })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: 'A stale version (with `current`), or not the trainee’s turn',
  })
  update(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: UpdateAssessmentDto,
  ): Promise<AssessmentView> {
    return this.assessments.update(user, params.id, body);
  }

  @Post('assessments/:id/send')
  @HttpCode(200)
  @RequirePermission('assessments:request')
  @ApiOperation({ summary: 'Send the work to the supervisor, a registered assessor, or an assessor by email' })
  @ApiOkResponse({ type: AssessmentViewDto })
  send(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: SendAssessmentDto,
  ): Promise<AssessmentView> {
    return this.assessments.send(user, params.id, {
      version: body.version,
      assessor: assessorChoiceOf(body.assessor),
    });
  }

  @Post('assessments/:id/ticket/revocation')
  @HttpCode(200)
  @RequirePermission('assessments:request')
  @ApiOperation({ summary: 'Withdraw the link sent to an assessor by email; the assessment returns to draft' })
  @ApiOkResponse({ type: AssessmentViewDto })
  revokeTicket(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<AssessmentView> {
    return this.assessments.revokeTicket(user, params.id);
  }

  @Put('assessments/:id/judgement')
  @RequirePermission('assessments:assess')
  @ApiOperation({ summary: 'Save the assessor’s ratings and feedback as a draft' })
  @ApiOkResponse({ type: AssessmentViewDto })
  saveJudgement(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: JudgementDto,
  ): Promise<AssessmentView> {
    return this.assessing.saveJudgement({ kind: 'user', user }, params.id, body);
  }

  @Post('assessments/:id/return')
  @HttpCode(200)
  @RequirePermission('assessments:assess')
  @ApiOperation({ summary: 'Return the work to the trainee for revision, with comments' })
  @ApiOkResponse({ type: AssessmentViewDto })
  returnForRevision(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: ReturnAssessmentDto,
  ): Promise<AssessmentView> {
    return this.assessing.returnForRevision({ kind: 'user', user }, params.id, body);
  }

  @Post('assessments/:id/sign-off')
  @RequirePermission('assessments:assess')
  @ApiOperation({ summary: 'Sign the assessment off: final, hashed, and locking the work it assessed' })
  @ApiHeader(idempotencyKeyHeader)
  @ApiCreatedResponse({ type: AssessmentViewDto, description: 'Signed' })
  @ApiOkResponse({ type: AssessmentViewDto, description: 'Already signed with this Idempotency-Key' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Already signed, or not waiting for this assessor' })
  async signOff(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: JudgementDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AssessmentView> {
    const result = await this.assessing.signOff({ kind: 'user', user }, params.id, body, idempotencyKey?.slice(0, 200));
    response.status(result.created ? 201 : 200);
    return result.assessment;
  }

  @Post('assessments/:id/corrections')
  @RequirePermission('assessments:assess')
  @ApiOperation({ summary: 'Correct a signed assessment: a new version that amends it, to sign again' })
  @ApiCreatedResponse({ type: AssessmentViewDto })
  correct(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: CorrectAssessmentDto,
  ): Promise<AssessmentView> {
    return this.assessing.correct(user, params.id, body.reason);
  }

  @Get('assessments/:id/evidence/:evidenceId/attachments/:attachmentId')
  @RequirePermission('account:read')
  @ApiOperation({ summary: 'An attachment of the work or evidence put before the assessment’s readers' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file' })
  async attachment(
    @CurrentUser() user: SessionUser,
    @Param() params: AssessmentAttachmentParams,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(
      response,
      await this.attachments.forUser(user, params.id, params.evidenceId, params.attachmentId),
    );
  }
}
