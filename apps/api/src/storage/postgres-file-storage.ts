import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { FileStorage } from './file-storage';

@Injectable()
export class PostgresFileStorage extends FileStorage {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async put(content: Buffer, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = (await manager.query(`INSERT INTO stored_file (content) VALUES ($1) RETURNING key`, [content])) as {
      key: string;
    }[];
    return row?.key ?? '';
  }

  async get(key: string): Promise<Buffer | null> {
    const [row] = (await this.dataSource.query(`SELECT content FROM stored_file WHERE key = $1`, [key])) as {
      content: Buffer;
    }[];
    return row?.content ?? null;
  }

  async delete(keys: string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (keys.length > 0) {
      await manager.query(`DELETE FROM stored_file WHERE key = ANY ($1::uuid[])`, [keys]);
    }
  }
}
