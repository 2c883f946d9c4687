import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

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
