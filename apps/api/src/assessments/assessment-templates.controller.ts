import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AssessmentTemplateSummary, AssessmentTemplateView } from '@portfolio/contracts';

import { RequirePermission } from '../auth/access.decorators';
import { toTemplateSummary, toTemplateView } from './assessment-template-view';
import { AssessmentTemplatesRepository } from './assessment-templates.repository';
import { AssessmentTemplateDto, AssessmentTemplateSummaryDto } from './assessments-views.dto';
import { TemplateKeyParams } from './assessments.dto';

@ApiTags('assessments')
@Controller('assessment-templates')
export class AssessmentTemplatesController {
  constructor(private readonly templates: AssessmentTemplatesRepository) {}

  @Get()
  @RequirePermission('account:read')
  @ApiOperation({ summary: 'The current version of every assessment template' })
  @ApiOkResponse({ type: [AssessmentTemplateSummaryDto] })
  async list(): Promise<AssessmentTemplateSummary[]> {
    return (await this.templates.listCurrent()).map((template) => toTemplateSummary(template.definition));
  }

  @Get(':key')
  @RequirePermission('account:read')
  @ApiOperation({ summary: 'The current version of one assessment template: its form, criteria and scales' })
  @ApiOkResponse({ type: AssessmentTemplateDto })
  async get(@Param() params: TemplateKeyParams): Promise<AssessmentTemplateView> {
    const template = await this.templates.findCurrent(params.key);
    if (!template) {
      throw new NotFoundException('There is no assessment template with that key.');
    }
    return toTemplateView(template.definition);
  }
}
