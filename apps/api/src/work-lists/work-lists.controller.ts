import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { SupervisorDashboard, TodoList } from '@portfolio/contracts';

import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { SessionUser } from '../auth/session.service';
import { SupervisionService } from './supervision.service';
import { TodoService } from './todo.service';
import { SupervisorDashboardDto, TodoListDto } from './work-lists.dto';

@ApiTags('work lists')
@Controller()
export class WorkListsController {
  constructor(
    private readonly todoLists: TodoService,
    private readonly supervision: SupervisionService,
  ) {}

  @Get('todo')
  @RequirePermission('account:read')
  @ApiOperation({ summary: 'What waits for the signed-in user, oldest first' })
  @ApiOkResponse({ type: TodoListDto })
  todo(@CurrentUser() user: SessionUser): Promise<TodoList> {
    return this.todoLists.todo(user);
  }

  @Get('supervision')
  @RequirePermission('elements:sign-off')
  @ApiOperation({ summary: 'The supervisor’s trainees with their coverage, pending requests and recent sign-offs' })
  @ApiOkResponse({ type: SupervisorDashboardDto })
  dashboard(@CurrentUser() user: SessionUser): Promise<SupervisorDashboard> {
    return this.supervision.dashboard(user);
  }
}
