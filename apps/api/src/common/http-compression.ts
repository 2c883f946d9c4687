import compression from 'compression';
import type { Request, Response } from 'express';

/** Archives, PDFs, office files and pictures are compressed already: gzip would only cost time. */
const alreadyCompressed =
  /^(?:application\/(?:zip|gzip|pdf|x-7z-compressed|vnd\.openxmlformats-)|image\/(?!svg\+xml)|audio\/|video\/|font\/woff)/i;

/** Compress text (JSON, the web app's scripts and styles, CSV) unless the response is compressed already. */
export function shouldCompress(request: Request, response: Response): boolean {
  const contentType = String(response.getHeader('Content-Type') ?? '');
  return !alreadyCompressed.test(contentType) && compression.filter(request, response);
}

/** gzip or brotli, as the client accepts, for responses over 1 kB. */
export function httpCompression(): ReturnType<typeof compression> {
  return compression({ filter: shouldCompress, threshold: 1024 });
}
