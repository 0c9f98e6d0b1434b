// The fonts of the plan document, committed in ./fonts with their licences: Titillium Web (Bootstrap Italia's font,
// SIL OFL 1.1) in its Latin and Latin Extended parts, and DejaVu Sans (free licence) for the signs Titillium lacks
// (≥, →, other alphabets). Every file is read from this folder — never from the system — once per process.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { create as openFont, type Font } from 'fontkit';

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The family name the documents use (DOCX styles, chart SVGs). */
export const FONT_FAMILY = 'Titillium Web';

const FILES: Record<FaceStyle, string[]> = {
  regular: ['TitilliumWeb-Regular.ttf', 'TitilliumWeb-LatinExt-Regular.ttf', 'DejaVuSans.ttf'],
  bold: ['TitilliumWeb-Bold.ttf', 'TitilliumWeb-LatinExt-Bold.ttf', 'DejaVuSans-Bold.ttf'],
  italic: ['TitilliumWeb-Italic.ttf', 'TitilliumWeb-LatinExt-Italic.ttf', 'DejaVuSans.ttf'],
  boldItalic: ['TitilliumWeb-BoldItalic.ttf', 'TitilliumWeb-LatinExt-BoldItalic.ttf', 'DejaVuSans-Bold.ttf'],
};

let directory: string | undefined;

/**
 * The fonts folder: next to this file when it runs from the sources (tests, development), or under the working
 * directory when it runs bundled (the server is started from the repository's root).
 */
export function fontDirectory(): string {
  if (directory) return directory;
  const candidates = [join(dirname(fileURLToPath(import.meta.url)), 'fonts'), resolve('app/modules/reports/document/fonts')];
  const found = candidates.find((dir) => existsSync(join(dir, FILES.regular[0])));
  if (!found) throw new Error(`Caratteri del documento non trovati: cercati in ${candidates.join(', ')}`);
  directory = found;
  return found;
}

const buffers = new Map<string, Buffer>();

/** A font file's bytes. */
export function fontFile(name: string): Buffer {
  let data = buffers.get(name);
  if (!data) {
    data = readFileSync(join(fontDirectory(), name));
    buffers.set(name, data);
  }
  return data;
}

/** The files of a style, first choice first: a character goes to the first of them that has it. */
export function fontChain(style: FaceStyle): string[] {
  return FILES[style];
}

/** Every font file (for an SVG rasteriser that looks the characters up itself). */
export function allFontPaths(): string[] {
  const names = new Set(Object.values(FILES).flat());
  return [...names].map((name) => join(fontDirectory(), name));
}

export function faceStyle(bold: boolean | undefined, italic: boolean | undefined): FaceStyle {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

const parsed = new Map<string, Font>();

/** A font file parsed once (fontkit): its glyph coverage and metrics. */
export function parsedFont(name: string): Font {
  let font = parsed.get(name);
  if (!font) {
    font = openFont(fontFile(name)) as Font;
    parsed.set(name, font);
  }
  return font;
}

/** The width in points of a text in the first font of a style (an estimate where that font lacks a character). */
export function textWidth(text: string, style: FaceStyle, sizePt: number): number {
  const font = parsedFont(FILES[style][0]);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * sizePt;
}
