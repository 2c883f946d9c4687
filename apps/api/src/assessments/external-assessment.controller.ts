import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Req,
  Res,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { AssessmentView, ExternalAssessmentSession } from '@portfolio/contracts';

import { Public } from '../auth/access.decorators';
import { ApiErrorDto } from '../common/api-error.dto';
import { downloadResponse } from '../common/download-response';
import { AssessingService } from './assessing.service';
import { AssessmentAttachments } from './assessment-attachments';
import { AssessmentTickets, type TicketSession } from './assessment-tickets';
import { AssessmentViewDto, ExternalAssessmentSessionDto } from './assessments-views.dto';
import { idempotencyKeyHeader } from './assessments.controller';
import { ExternalAttachmentParams, JudgementDto, RedeemTicketDto, ReturnAssessmentDto } from './assessments.dto';
import { CurrentTicketSession, TicketSessionGuard, setTicketSessionCookie } from './ticket-session.guard';

/** Assessors without an account: a single-use link opens a session for the one assessment it names. */
@ApiTags('external assessment')
@Controller()
export class ExternalAssessmentController {
  constructor(
    private readonly tickets: AssessmentTickets,
    private readonly assessing: AssessingService,
    private readonly attachments: AssessmentAttachments,
  ) {}

  @Post('assessment-tickets/redemption')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the assessment a link names; the link is used up' })
  @ApiOkResponse({ type: ExternalAssessmentSessionDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'Not a link we sent' })
  @ApiGoneResponse({ type: ApiErrorDto, description: 'Used, expired, or withdrawn' })
  async redeem(
    @Body() body: RedeemTicketDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ExternalAssessmentSession> {
    const session = await this.tickets.redeem(body.token);
    setTicketSessionCookie(request, response, session);
    return this.sessionView(session);
  }

  @Get('external-assessment')
  @Public()
  @UseGuards(TicketSessionGuard)
  @ApiOperation({ summary: 'The assessment of the session a link opened' })
  @ApiOkResponse({ type: ExternalAssessmentSessionDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'No live session from a link' })
  current(@CurrentTicketSession() session: TicketSession): Promise<ExternalAssessmentSession> {
    return this.sessionView(session);
  }

  @Put('external-assessment/judgement')
  @Public()
  @UseGuards(TicketSessionGuard)
  @ApiOkResponse({ type: AssessmentViewDto })
  saveJudgement(@CurrentTicketSession() session: TicketSession, @Body() body: JudgementDto): Promise<AssessmentView> {
    return this.assessing.saveJudgement({ kind: 'ticket', session }, session.assessmentId, body);
  }

  @Post('external-assessment/return')
  @Public()
  @UseGuards(TicketSessionGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: AssessmentViewDto })
  returnForRevision(
    @CurrentTicketSession() session: TicketSession,
    @Body() body: ReturnAssessmentDto,
  ): Promise<AssessmentView> {
    return this.assessing.returnForRevision({ kind: 'ticket', session }, session.assessmentId, body);
  }

  @Post('external-assessment/sign-off')
  @Public()
  @UseGuards(TicketSessionGuard)
  @ApiHeader(idempotencyKeyHeader)
  @ApiCreatedResponse({ type: AssessmentViewDto, description: 'Signed' })
  @ApiOkResponse({ type: AssessmentViewDto, description: 'Already signed with this Idempotency-Key' })
  async signOff(
    @CurrentTicketSession() session: TicketSession,
    @Body() body: JudgementDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AssessmentView> {
    const result = await this.assessing.signOff(
      { kind: 'ticket', session },
      session.assessmentId,
      body,
      idempotencyKey?.slice(0, 200),
    );
    response.status(result.created ? 201 : 200);
    return result.assessment;
  }

  @Get('external-assessment/evidence/:evidenceId/attachments/:attachmentId')
  @Public()
  @UseGuards(TicketSessionGuard)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file' })
  async attachment(
    @CurrentTicketSession() session: TicketSession,
    @Param() params: ExternalAttachmentParams,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(
      response,
      await this.attachments.forTicket(session, params.evidenceId, params.attachmentId),
    );
  }

  private async sessionView(session: TicketSession): Promise<ExternalAssessmentSession> {
    return {
      assessment: await this.assessing.view({ kind: 'ticket', session }, session.assessmentId),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }
}
