import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { ApiErrorBody, FieldError } from '@portfolio/contracts';

class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'key' }) field!: string;
  @ApiProperty({ example: 'key must be lower-case letters, digits, dots and hyphens (at most 64)' }) message!: string;
}

export class ApiErrorDto implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'The request is not valid.' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}
