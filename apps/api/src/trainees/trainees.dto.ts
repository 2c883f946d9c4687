import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { TraineePage, TraineeSummary, TraineeView, TrainingRecordView } from '@portfolio/contracts';

export class TrainingRecordDto implements TrainingRecordView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty() programmeName!: string;
  @ApiProperty({ format: 'uuid' }) deaneryId!: string;
  @ApiProperty() deaneryName!: string;
  @ApiProperty({ example: 'postgraduate' }) stageKey!: string;
  @ApiProperty({ example: 'FY2' }) grade!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
}

class TraineeSupervisorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
}

export class TraineeDto implements TraineeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) gmcNumber!: string | null;
  @ApiProperty({ type: [TrainingRecordDto] }) trainingRecords!: TrainingRecordDto[];
  @ApiProperty({ type: [TraineeSupervisorDto] }) supervisors!: TraineeSupervisorDto[];
}

class TraineeSummaryDto implements TraineeSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) gmcNumber!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) programmeName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) stageKey!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) grade!: string | null;
}

export class TraineePageDto implements TraineePage {
  @ApiProperty({ type: [TraineeSummaryDto] }) items!: TraineeSummaryDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
