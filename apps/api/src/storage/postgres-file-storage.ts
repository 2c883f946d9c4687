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

  /** Reads in slices: a whole row would arrive as one hex string twice the file's size. */
  override async *read(key: string, sliceBytes = 256 * 1024): AsyncGenerator<Buffer> {
    const [row] = (await this.dataSource.query(`SELECT length(content) AS size FROM stored_file WHERE key = $1`, [
      key,
    ])) as { size: number }[];
    if (!row) throw new Error(`no stored file ${key}`);
    for (let offset = 0; offset < row.size; offset += sliceBytes) {
      const [slice] = (await this.dataSource.query(
        `SELECT substring(content FROM $2 FOR $3) AS part FROM stored_file WHERE key = $1`,
        [key, offset + 1, sliceBytes],
      )) as { part: Buffer }[];
      if (!slice) throw new Error(`stored file ${key} was deleted while it was read`);
      yield slice.part;
    }
  }

  async delete(keys: string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (keys.length > 0) {
      await manager.query(`DELETE FROM stored_file WHERE key = ANY ($1::uuid[])`, [keys]);
    }
  }
}
