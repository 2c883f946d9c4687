import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { Readable } from 'node:stream';

const chunkBytes = 64 * 1024;
const bufferedBytes = 1024 * 1024;
const encoder = new TextEncoder();

/** One file of the archive being written, piece by piece. */
export interface ZipEntryWriter {
  write(content: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * A ZIP written as a stream, in constant memory: files go in one after another, each in chunks,
 * and writing waits whenever the reader (the HTTP response) has a megabyte it has not taken yet.
 * fflate holds only the small central directory until the end.
 */
export class ZipStream {
  readonly output: Readable;
  private readonly zip: Zip;
  private resumeWriter: (() => void) | null = null;
  private failure: Error | null = null;

  constructor() {
    this.output = new Readable({
      highWaterMark: bufferedBytes,
      read: () => this.resume(),
      destroy: (error, callback) => {
        // The client went away, or writing failed: stop the writer at its next wait.
        this.failure ??= error ?? new Error('The download was closed before the ZIP was finished');
        this.resume();
        callback(error);
      },
    });
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.output.destroy(error);
        return;
      }
      this.output.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (final) this.output.push(null);
    });
  }

  /** Adds a whole file; `compress` for text, not for PDFs and images, which are compressed already. */
  async addFile(name: string, content: string | Uint8Array, compress: boolean): Promise<void> {
    const entry = this.openFile(name, compress);
    await entry.write(content);
    await entry.close();
  }

  /** Opens a file to write in pieces; nothing else may be added until it is closed. */
  openFile(name: string, compress: boolean): ZipEntryWriter {
    const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    this.zip.add(file);
    return {
      write: async (content) => {
        const bytes = typeof content === 'string' ? encoder.encode(content) : content;
        for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
          this.throwIfFailed();
          file.push(bytes.subarray(offset, offset + chunkBytes));
          await this.drained();
        }
      },
      close: async () => {
        this.throwIfFailed();
        file.push(new Uint8Array(0), true);
        await this.drained();
      },
    };
  }

  /** Writes the central directory and ends the stream. */
  finish(): void {
    this.throwIfFailed();
    this.zip.end();
  }

  /** Ends the stream with an error: the client sees a broken download, never a short ZIP that looks whole. */
  fail(error: Error): void {
    this.zip.terminate();
    this.output.destroy(error);
  }

  private async drained(): Promise<void> {
    while (!this.failure && this.output.readableLength >= bufferedBytes) {
      await new Promise<void>((resolve) => (this.resumeWriter = resolve));
    }
    this.throwIfFailed();
  }

  private resume(): void {
    const resume = this.resumeWriter;
    this.resumeWriter = null;
    resume?.();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
