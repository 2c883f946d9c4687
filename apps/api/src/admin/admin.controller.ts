import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import type {
  DeaneryView,
  ProgrammeView,
  SupervisorAssignmentView,
  TraineeImportResult,
  UserPage,
  UserView,
} from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { ApiErrorDto } from '../common/api-error.dto';
import { IdParams } from '../common/common.dto';
import {
  AssignmentDto,
  CreateAssignmentDto,
  CreateDeaneryDto,
  CreateProgrammeDto,
  CreateTrainingRecordDto,
  CreateUserDto,
  DeaneryDto,
  DeaneryParams,
  ProgrammeDto,
  ResetAuthenticatorDto,
  TraineeImportDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
  UserQuery,
} from './admin.dto';
import { OrganisationsService } from './organisations.service';
import { TraineeImportService } from './trainee-import.service';
import { TrainingAdminService } from './training-admin.service';
import { UsersAdminService } from './users-admin.service';

@ApiTags('admin')
@ApiBadRequestResponse({ type: ApiErrorDto })
@Controller('admin')
export class AdminController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly users: UsersAdminService,
    private readonly training: TrainingAdminService,
    private readonly traineeImport: TraineeImportService,
  ) {}

  @Get('deaneries')
  @RequirePermission('organisations:manage')
  @ApiOkResponse({ type: [DeaneryDto] })
  listDeaneries(): Promise<DeaneryView[]> {
    return this.organisations.listDeaneries();
  }

  @Post('deaneries')
  @RequirePermission('organisations:manage')
  @ApiCreatedResponse({ type: DeaneryDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  createDeanery(@CurrentUser() actor: SessionUser, @Body() body: CreateDeaneryDto): Promise<DeaneryView> {
    return this.organisations.createDeanery(actor, body);
  }

  @Post('deaneries/:deaneryId/programmes')
  @RequirePermission('organisations:manage')
  @ApiCreatedResponse({ type: ProgrammeDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  createProgramme(
    @CurrentUser() actor: SessionUser,
    @Param() params: DeaneryParams,
    @Body() body: CreateProgrammeDto,
  ): Promise<ProgrammeView> {
    return this.organisations.createProgramme(actor, params.deaneryId, body);
  }

  @Get('users')
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: UserPageDto })
  listUsers(@Query() query: UserQuery): Promise<UserPage> {
    return this.users.list(query);
  }

  @Post('users')
  @RequirePermission('users:manage')
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  createUser(@CurrentUser() actor: SessionUser, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, body);
  }

  @Patch('users/:id')
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'The version sent is stale, or a unique value is taken' })
  updateUser(
    @CurrentUser() actor: SessionUser,
    @Param() params: IdParams,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, params.id, body);
  }

  @Post('users/:id/authenticator-reset')
  @HttpCode(200)
  @RequirePermission('users:manage')
  @ApiOperation({ summary: 'Remove a user’s authenticator app and recovery codes, and sign them out everywhere' })
  @ApiOkResponse({ type: UserDto })
  resetAuthenticator(
    @CurrentUser() actor: SessionUser,
    @Param() params: IdParams,
    @Body() body: ResetAuthenticatorDto,
  ): Promise<UserView> {
    return this.users.resetAuthenticator(actor, params.id, body.reason.trim());
  }

  @Post('assignments')
  @RequirePermission('assignments:manage')
  @ApiCreatedResponse({ type: AssignmentDto })
  assignSupervisor(
    @CurrentUser() actor: SessionUser,
    @Body() body: CreateAssignmentDto,
  ): Promise<SupervisorAssignmentView> {
    return this.training.assignSupervisor(actor, body);
  }

  @Post('training-records')
  @RequirePermission('assignments:manage')
  @ApiCreatedResponse({ description: 'The new training record id' })
  addTrainingRecord(@CurrentUser() actor: SessionUser, @Body() body: CreateTrainingRecordDto): Promise<{ id: string }> {
    return this.training.addTrainingRecord(actor, body);
  }

  @Post('trainee-imports')
  @RequirePermission('trainees:import')
  @ApiCreatedResponse({ description: 'How many trainees were imported' })
  importTrainees(@CurrentUser() actor: SessionUser, @Body() body: TraineeImportDto): Promise<TraineeImportResult> {
    return this.traineeImport.importCsv(actor, body.csv);
  }
}
