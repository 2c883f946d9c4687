import type { EntityManager } from 'typeorm';

/**
 * Where file contents live. The first driver keeps them in PostgreSQL (one database to back up);
 * an S3-compatible driver can take its place for large installations. Drivers that can, join
 * the caller's transaction through `manager`.
 */
export abstract class FileStorage {
  abstract put(content: Buffer, manager?: EntityManager): Promise<string>;
  abstract get(key: string): Promise<Buffer | null>;
  abstract delete(keys: string[], manager?: EntityManager): Promise<void>;

  /**
   * The content a piece at a time, for passing a large file on without holding it whole.
   * Throws if there is no such file. Drivers that can read a range override this.
   */
  async *read(key: string): AsyncGenerator<Buffer> {
    const content = await this.get(key);
    if (!content) throw new Error(`no stored file ${key}`);
    yield content;
  }
}
