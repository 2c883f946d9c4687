/**
 * Names inside the export ZIP. Every name is ASCII letters, digits, dots, dashes and underscores,
 * so it unpacks the same on Windows, macOS and Linux; an item's number (its place in date order)
 * makes its name unique whatever its title.
 */

const maxSlugLength = 60;
const maxFileNameLength = 100;
// Names Windows reserves for devices, whatever the extension.
const reservedWindowsNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A title as lower-case words joined by dashes: "Leading the ward's handover!" → "leading-the-ward-s-handover". */
export function slugOf(text: string, fallback = 'untitled'): string {
  const slug = asciiOf(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** The stem an evidence item's files share: `0007-2026-03-14-leading-the-handover`. */
export function evidenceStem(position: number, occurredOn: string, title: string): string {
  return `${sequenceNumber(position)}-${occurredOn}-${slugOf(title)}`;
}

export function evidencePath(stem: string): string {
  return `evidence/${stem}.md`;
}

export function attachmentPath(stem: string, safeName: string): string {
  return `attachments/${stem}/${safeName}`;
}

export function assessmentPath(position: number, createdOn: string, title: string): string {
  return `assessments/${sequenceNumber(position)}-${createdOn}-${slugOf(title)}.json`;
}

function sequenceNumber(position: number): string {
  return String(position).padStart(4, '0');
}

/** A file name that is safe on every system: no folders, no control characters, no leading dot. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stemPart = dot > 0 ? base.slice(0, dot) : base;
  const extension = dot > 0 ? clean(base.slice(dot + 1)).slice(0, 10) : '';
  let stem = clean(stemPart).slice(0, maxFileNameLength - extension.length - 1) || 'file';
  if (reservedWindowsNames.test(stem)) stem = `${stem}-file`;
  return extension ? `${stem}.${extension}` : stem;
}

/** Gives each name a suffix if an earlier one took it: `plan.pdf`, `plan-2.pdf`. Case-insensitive. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  claim(name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let count = 2; this.taken.has(candidate.toLowerCase()); count += 1) {
      candidate = `${stem}-${count}${extension}`;
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

function asciiOf(text: string): string {
  // Accents become their letters (é → e); anything else outside ASCII is dropped by the callers' patterns.
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

function clean(text: string): string {
  return asciiOf(text)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .replace(/-{2,}/g, '-');
}
