import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

export interface Download {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A file as a download: its own content type, its file name, and never kept by a shared cache. */
export function downloadResponse(reply: FastifyReply, file: Download): StreamableFile {
  void reply.header('Cache-Control', 'private, no-store');
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.content.length,
  });
}

export interface StreamedDownload {
  fileName: string;
  contentType: string;
  stream: Readable;
}

/**
 * A download written while it is made, never held whole in memory. If making it fails part-way,
 * the HTTP server cuts the connection, so the client reports a failed download rather than keeping
 * a short file that looks whole (before the first byte, the failure is the API's 500); if the
 * client goes away, the stream is destroyed so its maker stops.
 */
export function streamedDownloadResponse(reply: FastifyReply, file: StreamedDownload): StreamableFile {
  void reply.header('Cache-Control', 'private, no-store');
  reply.raw.once('close', () => file.stream.destroy());
  return new StreamableFile(file.stream, {
    type: file.contentType,
    disposition: `attachment; filename="${file.fileName}"`,
  });
}
