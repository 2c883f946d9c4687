import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CasePackage } from '@portfolio/competency';

import { Public } from '../auth/access.decorators';
import { ApiErrorDto } from '../common/api-error.dto';
import { FrameworkKeyParams, FrameworkVersionParams } from '../frameworks/frameworks.dto';
import { CASE_PATH, CasePackagesService } from './case-packages.service';
import { CaseIdentifierParams } from './case.dto';

const packageSchema = {
  type: 'object',
  description: 'A 1EdTech CASE 1.1 CFPackage',
  additionalProperties: true,
} as const;

/** Frameworks in 1EdTech CASE 1.1: the package of a framework version, under the API. */
@Public()
@ApiTags('frameworks')
@Controller('frameworks')
export class FrameworkCaseController {
  constructor(private readonly packages: CasePackagesService) {}

  @Get(':key/case')
  @ApiOperation({ summary: 'The current version of a framework as a CASE 1.1 CFPackage' })
  @ApiOkResponse({ schema: packageSchema })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  current(@Param() params: FrameworkKeyParams): Promise<CasePackage> {
    return this.packages.forFramework(params.key);
  }

  @Get(':key/versions/:version/case')
  @ApiOperation({ summary: 'One version of a framework as a CASE 1.1 CFPackage' })
  @ApiOkResponse({ schema: packageSchema })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  version(@Param() params: FrameworkVersionParams): Promise<CasePackage> {
    return this.packages.forFramework(params.key, params.version);
  }
}

/** The CASE 1.1 REST read paths, where other CASE tools look for them. */
@Public()
@ApiTags('CASE 1.1')
@Controller(CASE_PATH)
export class CaseRestController {
  constructor(private readonly packages: CasePackagesService) {}

  @Get('CFDocuments')
  @ApiOkResponse({
    schema: { type: 'object', properties: { CFDocuments: { type: 'array', items: { type: 'object' } } } },
  })
  async documents(): Promise<{ CFDocuments: unknown[] }> {
    return { CFDocuments: await this.packages.documents() };
  }

  @Get('CFDocuments/:sourcedId')
  @ApiOkResponse({ schema: { type: 'object' } })
  async document(@Param() params: CaseIdentifierParams, @Res({ passthrough: true }) response: FastifyReply) {
    const found = await this.packages.packageByDocument(params.sourcedId);
    return found ? found.CFDocument : notFound(response, params.sourcedId);
  }

  @Get('CFPackages/:sourcedId')
  @ApiOkResponse({ schema: packageSchema })
  async package(@Param() params: CaseIdentifierParams, @Res({ passthrough: true }) response: FastifyReply) {
    return (await this.packages.packageByDocument(params.sourcedId)) ?? notFound(response, params.sourcedId);
  }

  @Get('CFItems/:sourcedId')
  @ApiOkResponse({ schema: { type: 'object' } })
  async item(@Param() params: CaseIdentifierParams, @Res({ passthrough: true }) response: FastifyReply) {
    return (await this.packages.item(params.sourcedId)) ?? notFound(response, params.sourcedId);
  }

  @Get('CFAssociations/:sourcedId')
  @ApiOkResponse({ schema: { type: 'object' } })
  async association(@Param() params: CaseIdentifierParams, @Res({ passthrough: true }) response: FastifyReply) {
    return (await this.packages.association(params.sourcedId)) ?? notFound(response, params.sourcedId);
  }
}

/** CASE answers an unknown identifier with an imsx_StatusInfo body. */
function notFound(response: FastifyReply, sourcedId: string) {
  response.status(404);
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: `No object with the identifier ${sourcedId}.`,
    imsx_CodeMinor: {
      imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: 'unknownobject' }],
    },
  };
}
