import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CaseIdentifierParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'sourcedId must be a UUID' })
  sourcedId!: string;
}
