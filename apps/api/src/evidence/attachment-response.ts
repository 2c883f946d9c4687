import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

import type { AttachmentDownload } from './attachments.service';

/** An attachment as a download: its own content type, a safe file name, and never cached by a shared cache. */
export function attachmentResponse(response: Response, file: AttachmentDownload): StreamableFile {
  response.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.content.length,
  });
}
