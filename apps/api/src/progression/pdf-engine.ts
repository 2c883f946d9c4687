import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type pdfmakeInstance from 'pdfmake';

// pdfmake's in-memory file system, which its published types leave out.
type Pdfmake = typeof pdfmakeInstance & { virtualfs: { writeFileSync(name: string, content: Buffer): void } };
type Fontkit = { create(bytes: Uint8Array, postscriptName?: string): unknown };
/** The part of a fontkit font and its glyph runs that pdfkit uses when it lays out text. */
interface GlyphRun {
  positions: object[];
}
interface LayoutFont {
  layout(text: string, ...options: unknown[]): GlyphRun;
}

/** Words shaped per font and thread before the memory of them starts again. */
const rememberedWordsPerFont = 50_000;

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
 * same bytes, and the words it has shaped (`rememberLayouts`). If pdfkit has already been loaded,
 * nothing changes and fonts are parsed as before.
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
      if (!byName.has(key)) byName.set(key, rememberLayouts(fontkit.create(bytes, postscriptName) as LayoutFont));
      return byName.get(key);
    },
  };
}

/**
 * pdfkit remembers how each word is shaped only within one document, and shaping (OpenType
 * substitutions and kerning) is a quarter of a report's rendering. Reports repeat most of their
 * words, so the font remembers them for the thread. pdfkit scales a run's positions in place,
 * so each caller is given its own copy of them; the glyphs are only read, and are shared.
 */
function rememberLayouts(font: LayoutFont): LayoutFont {
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text: string, ...options: unknown[]): GlyphRun => {
    // Features, script, language or direction asked for: shaped as asked, not remembered.
    if (options.some((option) => option !== undefined)) return layout(text, ...options);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= rememberedWordsPerFont) runs.clear();
      run = layout(text);
      runs.set(text, run);
    }
    // The run's class keeps its getters (advanceWidth sums the positions it is given).
    return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run, {
      positions: run.positions.map((position) => ({ ...position })),
    });
  };
  return font;
}
