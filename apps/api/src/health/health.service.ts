import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { HealthResponse } from '@portfolio/contracts';

// Under the 2 s within which the API promises an answer while the database is away.
const databaseCheckTimeoutMs = 1_500;

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<HealthResponse> {
    const databaseUp = await this.databaseAnswers();
    return { status: databaseUp ? 'ok' : 'error', database: databaseUp ? 'up' : 'down' };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), databaseCheckTimeoutMs);
    });
    const probe = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
