import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../auth/access.decorators';
import { AuditService, type AuditVerification } from './audit.service';

class AuditVerificationDto implements AuditVerification {
  @ApiProperty() valid!: boolean;
  @ApiProperty() eventsChecked!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) firstBrokenEventId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason!: string | null;
}

@ApiTags('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @RequirePermission('audit:read')
  @ApiOkResponse({
    type: AuditVerificationDto,
    description: 'Whether the hash chain is intact, and its first broken link',
  })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
