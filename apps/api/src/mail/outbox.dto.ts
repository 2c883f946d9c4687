import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { OutboxMessageView, OutboxPage } from '@portfolio/contracts';

class OutboxMessageDto implements OutboxMessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
}

export class OutboxPageDto implements OutboxPage {
  @ApiProperty({ type: [OutboxMessageDto] }) items!: OutboxMessageDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
