import { Controller, Get, HttpCode, Param, ParseFilePipeBuilder, Post, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';

import type { ReportVerification } from '@portfolio/contracts';

import { Public } from '../auth/access.decorators';
import { ApiErrorDto } from '../common/api-error.dto';
import { FileUpload, type FormFile, UploadedFormFile } from '../common/file-upload';
import { ReportVerificationDto } from './progression-views.dto';
import { VerificationCodeParams } from './progression.dto';
import { ReportsService } from './reports.service';

const maxReportBytes = 10 * 1024 * 1024;

/** Anyone holding a report can check it: by the code printed on it, or by the file itself. */
@ApiTags('verification')
@Controller('reports')
@Public()
@UseGuards(ThrottlerGuard)
@Throttle({ default: { limit: 30, ttl: 60_000 } })
@ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'More than 30 checks a minute from one address' })
export class VerificationController {
  constructor(private readonly reports: ReportsService) {}

  @Get('verify/:code')
  @ApiOperation({ summary: 'Whether a report with this verification code was issued, for whom, and its hashes' })
  @ApiOkResponse({ type: ReportVerificationDto })
  verifyCode(@Param() params: VerificationCodeParams): Promise<ReportVerification> {
    return this.reports.verifyCode(params.code);
  }

  @Post('verification')
  @HttpCode(200)
  @FileUpload('file', { fileSize: maxReportBytes })
  @ApiOperation({ summary: 'Whether this PDF file is exactly a report we issued' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: ReportVerificationDto })
  verifyFile(
    @UploadedFormFile(new ParseFilePipeBuilder().build({ fileIsRequired: true, errorHttpStatusCode: 400 }))
    file: FormFile,
  ): Promise<ReportVerification> {
    return this.reports.verifyFile(file.buffer);
  }
}
