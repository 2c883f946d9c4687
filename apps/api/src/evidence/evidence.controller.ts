import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { type AttachmentView, type EvidencePage, type EvidenceView, MAX_ATTACHMENT_BYTES } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams } from '../common/common.dto';
import { downloadResponse } from '../common/download-response';
import { FileUpload, type FormFile, UploadedFormFile } from '../common/file-upload';
import { AttachmentsService } from './attachments.service';
import { AttachmentViewDto, EvidencePageDto, EvidenceViewDto } from './evidence-views.dto';
import { AddendumDto, AttachmentParams, CreateEvidenceDto, EvidenceListQuery, UpdateEvidenceDto } from './evidence.dto';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@ApiNotFoundResponse({ type: ApiErrorDto, description: 'No such item, or not one the caller may see' })
@Controller()
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get('evidence')
  @RequirePermission('evidence:read')
  @ApiOkResponse({ type: EvidencePageDto })
  list(@CurrentUser() user: SessionUser, @Query() query: EvidenceListQuery): Promise<EvidencePage> {
    return this.evidence.list(user, query);
  }

  @Post('evidence')
  @RequirePermission('evidence:write')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Any unique string per new item (up to 200 characters); a retried or double-submitted request with the same key answers the item the first one made',
  })
  @ApiCreatedResponse({ type: EvidenceViewDto })
  @ApiOkResponse({ type: EvidenceViewDto, description: 'Already made with this Idempotency-Key' })
  async create(
    @CurrentUser() user: SessionUser,
    @Body() body: CreateEvidenceDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<EvidenceView> {
    const key = idempotencyKey?.trim().slice(0, 200) || null;
    const { item, created } = await this.evidence.create(user, body, key);
    response.status(created ? 201 : 200);
    return item;
  }

  @Get('evidence/:id')
  @RequirePermission('evidence:read')
  @ApiOkResponse({ type: EvidenceViewDto })
  get(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<EvidenceView> {
    return this.evidence.get(user, params.id);
  }

  @Patch('evidence/:id')
  @RequirePermission('evidence:write')
  @ApiOkResponse({ type: EvidenceViewDto })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: 'Stale version (the body holds yours and the current one), or a locked item',
  })
  update(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: UpdateEvidenceDto,
  ): Promise<EvidenceView> {
    return this.evidence.update(user, params.id, body);
  }

  @Delete('evidence/:id')
  @RequirePermission('evidence:write')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ApiErrorDto, description: 'A locked item cannot be deleted' })
  delete(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<void> {
    return this.evidence.delete(user, params.id);
  }

  @Post('evidence/:id/addenda')
  @RequirePermission('evidence:write')
  @ApiCreatedResponse({ type: EvidenceViewDto })
  addAddendum(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: AddendumDto,
  ): Promise<EvidenceView> {
    return this.evidence.addAddendum(user, params.id, body.body);
  }

  @Post('evidence/:id/attachments')
  @RequirePermission('evidence:write')
  @FileUpload('file', { fileSize: MAX_ATTACHMENT_BYTES })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: AttachmentViewDto })
  @ApiPayloadTooLargeResponse({ type: ApiErrorDto, description: 'Larger than 20 MB' })
  @ApiUnsupportedMediaTypeResponse({
    type: ApiErrorDto,
    description: 'Not a PDF, image, Office document or plain text, by content',
  })
  attach(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @UploadedFormFile() file: FormFile | undefined,
  ): Promise<AttachmentView> {
    return this.attachments.attach(user, params.id, file);
  }

  @Get('evidence/:id/attachments/:attachmentId')
  @RequirePermission('evidence:read')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, with its content type and a safe file name' })
  async download(
    @CurrentUser() user: SessionUser,
    @Param() params: AttachmentParams,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(response, await this.attachments.download(user, params.id, params.attachmentId));
  }
}
