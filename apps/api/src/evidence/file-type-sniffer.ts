/**
 * What a file really is, from its first bytes rather than its name, for the kinds of file a
 * portfolio takes: PDF, images, Word/Excel/PowerPoint (current and legacy) and plain text.
 * Anything else, an executable renamed `.pdf` included, is refused.
 */
export interface SniffedType {
  contentType: string;
  extension: string;
}

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

export function sniffFileType(bytes: Buffer): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', extension: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { contentType: 'image/gif', extension: 'gif' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { contentType: 'image/webp', extension: 'webp' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffOfficeOpenXml(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Legacy Office files share one container; the application stream's name tells them apart.
    const text = bytes.toString('latin1');
    if (/W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t/.test(text)) return { contentType: 'application/msword', extension: 'doc' };
    if (/W\0o\0r\0k\0b\0o\0o\0k/.test(text)) return { contentType: 'application/vnd.ms-excel', extension: 'xls' };
    if (/P\0o\0w\0e\0r\0P\0o\0i\0n\0t/.test(text))
      return { contentType: 'application/vnd.ms-powerpoint', extension: 'ppt' };
    return null;
  }
  return isPlainText(bytes) ? { contentType: 'text/plain; charset=utf-8', extension: 'txt' } : null;
}

function sniffOfficeOpenXml(bytes: Buffer): SniffedType | null {
  // Entry names sit in the ZIP's local headers and central directory as plain text.
  const names = bytes.toString('latin1');
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/')) {
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    };
  }
  if (names.includes('xl/'))
    return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
  if (names.includes('ppt/')) {
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      extension: 'pptx',
    };
  }
  return null;
}

function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Control characters other than tab, line feed, carriage return and form feed mean binary.
  const sample = bytes.subarray(0, 64 * 1024);
  return !sample.some((byte) => byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte));
}

/** A file name safe for a Content-Disposition header and any file system: letters, digits, dot, dash, underscore. */
export function safeFileName(original: string, extension: string): string {
  const base = original
    .replace(/\.[A-Za-z0-9]{1,8}$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${base || 'attachment'}.${extension}`;
}
