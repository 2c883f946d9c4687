import type { FastifyCompressOptions } from '@fastify/compress';

/** Archives, PDFs, office files and pictures are compressed already: gzip would only cost time. */
const alreadyCompressed =
  /^(?:application\/(?:zip|gzip|pdf|x-7z-compressed|vnd\.openxmlformats-)|image\/(?!svg\+xml)|audio\/|video\/|font\/woff)/i;

/** Text: JSON, CSV, the web app's scripts, styles and pictures drawn as SVG. */
const textTypes = /^text\/(?!event-stream)|[+/](?:json|xml|javascript|csv|text)(?:;|$)/i;

/** Whether a response of this Content-Type is worth compressing. */
export function isCompressible(contentType: string): boolean {
  return !alreadyCompressed.test(contentType) && textTypes.test(contentType);
}

/**
 * For @fastify/compress: gzip or brotli, as the client accepts, for responses over 1 kB; and
 * compressed request bodies (`Content-Encoding: gzip`) read as the plain ones.
 */
export const httpCompressionOptions: FastifyCompressOptions = {
  threshold: 1024,
  encodings: ['br', 'gzip'],
  customTypes: isCompressible,
};
