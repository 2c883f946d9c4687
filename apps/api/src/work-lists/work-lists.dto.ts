import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  type AssessmentStatus,
  type ExpiringTicket,
  type QuietTrainee,
  type RecentSignOff,
  type SupervisedTrainee,
  type SupervisorDashboard,
  type TodoList,
  type WaitingAssessment,
  assessmentStatuses,
} from '@portfolio/contracts';

import { StatusTotalsDto } from '../evidence/evidence-views.dto';

class WaitingAssessmentDto implements WaitingAssessment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() templateTitle!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ enum: assessmentStatuses }) status!: AssessmentStatus;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty() waitingDays!: number;
}

class ExpiringTicketDto implements ExpiringTicket {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() assessorName!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

class QuietTraineeDto implements QuietTrainee {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) lastActivityAt!: string | null;
}

export class TodoListDto implements TodoList {
  @ApiProperty({ type: [WaitingAssessmentDto] }) toAssess!: WaitingAssessmentDto[];
  @ApiProperty({ type: [WaitingAssessmentDto] }) returned!: WaitingAssessmentDto[];
  @ApiProperty({ type: [ExpiringTicketDto] }) expiringTickets!: ExpiringTicketDto[];
  @ApiProperty({ type: [QuietTraineeDto] }) quietTrainees!: QuietTraineeDto[];
}

class SupervisedTraineeDto implements SupervisedTrainee {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) programmeName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) stageKey!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) grade!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) frameworkKey!: string | null;
  @ApiProperty({ type: StatusTotalsDto }) totals!: StatusTotalsDto;
  @ApiProperty() elementCount!: number;
  @ApiProperty() pendingAssessments!: number;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) lastActivityAt!: string | null;
}

class RecentSignOffDto implements RecentSignOff {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['element', 'assessment'] }) kind!: 'element' | 'assessment';
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
}

export class SupervisorDashboardDto implements SupervisorDashboard {
  @ApiProperty({ type: [SupervisedTraineeDto] }) trainees!: SupervisedTraineeDto[];
  @ApiProperty({ type: [WaitingAssessmentDto] }) pendingRequests!: WaitingAssessmentDto[];
  @ApiProperty({ type: [RecentSignOffDto] }) recentSignOffs!: RecentSignOffDto[];
}
