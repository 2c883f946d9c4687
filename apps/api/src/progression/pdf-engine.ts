import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type pdfmakeInstance from 'pdfmake';

// pdfmake's in-memory file system, which its published types leave out.
type Pdfmake = typeof pdfmakeInstance & { virtualfs: { writeFileSync(name: string, content: Buffer): void } };
type Fontkit = { create(bytes: Uint8Array, postscriptName?: string): unknown };

// Node's own require, not the bundler's: pdfmake, pdfkit and fontkit are loaded from node_modules.
const nodeRequire = createRequire(__filename);
const pdfmakeDir = dirname(nodeRequire.resolve('pdfmake/package.json'));
const fontFiles = {
  'Roboto-Regular.ttf': 'normal',
  'Roboto-Medium.ttf': 'bold',
  'Roboto-Italic.ttf': 'italics',
  'Roboto-MediumItalic.ttf': 'bolditalics',
} as const;

let loaded: Pdfmake | undefined;

/**
 * pdfmake, set up to render with fonts embedded from its own package and to fetch nothing.
 * Loaded on first use so that the fonts can be shared first (below).
 */
export function pdfEngine(): Pdfmake {
  if (loaded) return loaded;
  shareParsedFonts();
  const pdfmake = nodeRequire('pdfmake') as Pdfmake;
  const fonts: Record<string, string> = {};
  for (const [file, style] of Object.entries(fontFiles)) {
    // The same Buffer every time, so that a parsed font is found again by its bytes.
    pdfmake.virtualfs.writeFileSync(file, readFileSync(join(pdfmakeDir, 'fonts/Roboto', file)));
    fonts[style] = file;
  }
  pdfmake.setFonts({ Roboto: fonts });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  loaded = pdfmake;
  return pdfmake;
}

/**
 * pdfkit parses each font afresh for every document (`fontkit.create`): a third of a report's
 * rendering time. A parsed font is only read afterwards, so each thread keeps one per font: the
 * fontkit that pdfkit is about to load is given a `create` that remembers what it parsed for the
 * same bytes. If pdfkit has already been loaded, nothing changes and fonts are parsed as before.
 */
function shareParsedFonts(): void {
  const pdfkitMain = nodeRequire.resolve('pdfkit', { paths: [pdfmakeDir] });
  if (nodeRequire.cache[pdfkitMain]) return;
  const pdfkitRequire = createRequire(pdfkitMain);
  const fontkitMain = pdfkitRequire.resolve('fontkit');
  const fontkit = pdfkitRequire('fontkit') as Fontkit;
  const cached = nodeRequire.cache[fontkitMain];
  if (!cached) return;
  const parsed = new WeakMap<Uint8Array, Map<string, unknown>>();
  cached.exports = {
    ...fontkit,
    create(bytes: Uint8Array, postscriptName?: string): unknown {
      const byName = parsed.get(bytes) ?? new Map<string, unknown>();
      parsed.set(bytes, byName);
      const key = postscriptName ?? '';
      if (!byName.has(key)) byName.set(key, fontkit.create(bytes, postscriptName));
      return byName.get(key);
    },
  };
}
