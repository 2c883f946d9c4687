import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { CaseImportView } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { fieldError } from '../common/field-errors';
import { FileUpload, type FormFile, UploadedFormFile } from '../common/file-upload';
import { CaseImportService } from './case-import.service';
import { CaseImportDto, CaseImportViewDto, caseImportFormSchema } from './case.dto';

const maxPackageBytes = 10 * 1024 * 1024;

@ApiTags('admin')
@Controller('admin/case-imports')
export class CaseImportController {
  constructor(private readonly imports: CaseImportService) {}

  @Post()
  @RequirePermission('frameworks:manage')
  // A multipart form's text fields arrive as the body, validated as CaseImportDto like JSON.
  @FileUpload('file', { fileSize: maxPackageBytes })
  @ApiOperation({
    summary: 'Import a CASE 1.1 CFPackage as a framework version (JSON body, or a file as multipart)',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ schema: caseImportFormSchema })
  @ApiCreatedResponse({ type: CaseImportViewDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'A published version of that name holds other content' })
  import(
    @CurrentUser() user: SessionUser,
    @Body() body: CaseImportDto,
    @UploadedFormFile() file: FormFile | undefined,
  ): Promise<CaseImportView> {
    return this.imports.import(user, file ? parsePackage(file.buffer) : body.package, {
      key: body.key,
      itemTypeRoles: typeof body.itemTypeRoles === 'string' ? parseRoles(body.itemTypeRoles) : body.itemTypeRoles,
    });
  }
}

function parsePackage(content: Buffer): unknown {
  try {
    return JSON.parse(content.toString('utf8')) as unknown;
  } catch (error) {
    throw fieldError('file', `is not JSON: ${(error as Error).message}`);
  }
}

function parseRoles(text: string): Record<string, never> {
  try {
    return JSON.parse(text) as Record<string, never>;
  } catch {
    throw fieldError('itemTypeRoles', 'must be a JSON object of item type → domain, element, outcome or ignore');
  }
}
