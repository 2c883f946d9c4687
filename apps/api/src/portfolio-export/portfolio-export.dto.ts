import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PortfolioExportQueryDto {
  @ApiPropertyOptional({
    maxLength: 500,
    description:
      'Why a deanery administrator exports the portfolio, such as the subject access request it answers. ' +
      'Required for them, recorded in the audit log; the trainee downloading their own needs none.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'reason must be 500 characters or fewer' })
  reason?: string;
}
