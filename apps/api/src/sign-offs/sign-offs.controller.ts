import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { ElementSignOffView } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams } from '../common/common.dto';
import { ElementSignOffDto, SignOffElementDto, SignOffParams, WithdrawSignOffDto } from './sign-offs.dto';
import { SignOffsService } from './sign-offs.service';

@ApiTags('sign-offs')
@ApiNotFoundResponse({ type: ApiErrorDto, description: 'No such trainee, or not one the caller supervises or may see' })
@Controller('trainees/:id/sign-offs')
export class SignOffsController {
  constructor(private readonly signOffs: SignOffsService) {}

  @Get()
  @RequirePermission('trainees:read')
  @ApiOkResponse({ type: [ElementSignOffDto], description: 'Every sign-off and withdrawal, oldest first' })
  history(@CurrentUser() user: SessionUser, @Param() params: IdParams): Promise<ElementSignOffView[]> {
    return this.signOffs.history(user, params.id);
  }

  @Post()
  @RequirePermission('elements:sign-off')
  @ApiCreatedResponse({ type: ElementSignOffDto, description: 'Signed off' })
  @ApiOkResponse({ type: ElementSignOffDto, description: 'Already signed off: the existing record' })
  async signOff(
    @CurrentUser() user: SessionUser,
    @Param() params: IdParams,
    @Body() body: SignOffElementDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ElementSignOffView> {
    const result = await this.signOffs.signOff(user, params.id, body);
    response.status(result.created ? 201 : 200);
    return result.signOff;
  }

  @Post(':signOffId/withdrawal')
  @RequirePermission('elements:sign-off')
  @ApiCreatedResponse({ type: ElementSignOffDto, description: 'The withdrawal record' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Already withdrawn or superseded' })
  withdraw(
    @CurrentUser() user: SessionUser,
    @Param() params: SignOffParams,
    @Body() body: WithdrawSignOffDto,
  ): Promise<ElementSignOffView> {
    return this.signOffs.withdraw(user, params.id, params.signOffId, body.reason);
  }
}
