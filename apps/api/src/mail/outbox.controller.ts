import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import type { OutboxPage } from '@portfolio/contracts';

import { RequirePermission } from '../auth/access.decorators';
import { PageQuery } from '../common/common.dto';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { OutboxPageDto } from './outbox.dto';

@ApiTags('admin')
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission('outbox:read')
  @ApiOperation({ summary: 'Mail the product has sent or holds in its outbox, newest first' })
  @ApiOkResponse({ type: OutboxPageDto })
  async list(@Query() query: PageQuery): Promise<OutboxPage> {
    const pageSize = query.limit;
    const after = decodeCursor(query.cursor, ['createdAt', 'id'] as const);
    const rows = (await this.dataSource.query(
      `SELECT id, to_address, subject, body_text, created_at, created_at::text AS position, sent_at FROM outbox_message
        WHERE ($1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, pageSize + 1],
    )) as {
      id: string;
      to_address: string;
      subject: string;
      body_text: string;
      created_at: Date;
      position: string;
      sent_at: Date | null;
    }[];
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        createdAt: row.created_at.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
      })),
      nextCursor: rows.length > pageSize && last ? encodeCursor({ createdAt: last.position, id: last.id }) : null,
    };
  }
}
