import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

import type {
  CarriedRecordView,
  CarryOverPositionView,
  CarryOverReportView,
  CarryOverRequest,
  CarryOverTotalsView,
  NotCarriedRecordView,
  TraineeCarryOverView,
} from '@portfolio/contracts';

export class CarryOverDto implements CarryOverRequest {
  @ApiPropertyOptional({ description: 'Report what would be carried, writing nothing', default: false })
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

class CarryOverPositionDto implements CarryOverPositionView {
  @ApiProperty({ example: '3.4' }) elementKey!: string;
  @ApiProperty({ example: 'postgraduate' }) stageKey!: string;
}

class CarriedRecordDto implements CarriedRecordView {
  @ApiProperty({ enum: ['evidence-link', 'sign-off'] }) kind!: CarriedRecordView['kind'];
  @ApiProperty({ format: 'uuid', description: 'The evidence item, or the original sign-off' }) id!: string;
  @ApiProperty({ type: CarryOverPositionDto }) from!: CarryOverPositionDto;
  @ApiProperty({ type: CarryOverPositionDto }) to!: CarryOverPositionDto;
  @ApiProperty({ enum: ['exactMatchOf', 'replacedBy'] }) relation!: CarriedRecordView['relation'];
  @ApiProperty({ description: 'Held already from an earlier run' }) alreadyPresent!: boolean;
}

class NotCarriedRecordDto implements NotCarriedRecordView {
  @ApiProperty({ enum: ['evidence-link', 'sign-off'] }) kind!: NotCarriedRecordView['kind'];
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: CarryOverPositionDto }) from!: CarryOverPositionDto;
  @ApiProperty({ type: CarryOverPositionDto, nullable: true }) to!: CarryOverPositionDto | null;
  @ApiProperty({ enum: ['retired', 'stage-not-applicable', 'needs-new-judgement', 'already-judged'] })
  reason!: NotCarriedRecordView['reason'];
  @ApiProperty() message!: string;
}

class TraineeCarryOverDto implements TraineeCarryOverView {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [CarriedRecordDto] }) carried!: CarriedRecordDto[];
  @ApiProperty({ type: [NotCarriedRecordDto] }) notCarried!: NotCarriedRecordDto[];
}

class CarryOverTotalsDto implements CarryOverTotalsView {
  @ApiProperty() linksCarried!: number;
  @ApiProperty() signOffsCarried!: number;
  @ApiProperty() alreadyPresent!: number;
  @ApiProperty() notCarried!: number;
}

export class CarryOverReportDto implements CarryOverReportView {
  @ApiProperty({ example: 'mlcf' }) frameworkKey!: string;
  @ApiProperty({ example: '2010' }) fromVersion!: string;
  @ApiProperty({ example: '2026' }) toVersion!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: [TraineeCarryOverDto] }) trainees!: TraineeCarryOverDto[];
  @ApiProperty({ type: CarryOverTotalsDto }) totals!: CarryOverTotalsDto;
}
