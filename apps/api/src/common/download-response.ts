import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';

export interface Download {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A file as a download: its own content type, its file name, and never kept by a shared cache. */
export function downloadResponse(response: Response, file: Download): StreamableFile {
  response.setHeader('Cache-Control', 'private, no-store');
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
 * the connection is cut, so the client reports a failed download rather than keeping a short file
 * that looks whole; if the client goes away, the stream is destroyed so its maker stops.
 */
export function streamedDownloadResponse(response: Response, file: StreamedDownload): StreamableFile {
  response.setHeader('Cache-Control', 'private, no-store');
  response.once('close', () => file.stream.destroy());
  return new StreamableFile(file.stream, {
    type: file.contentType,
    disposition: `attachment; filename="${file.fileName}"`,
  })
    .setErrorHandler(() => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'The download failed.' });
    })
    .setErrorLogger(() => undefined);
}
