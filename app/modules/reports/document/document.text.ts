// Line breaking for the PDF renderer, as pure functions: the text of a paragraph or a table cell is a list of styled
// runs; it is cut into words at spaces and laid out greedily on lines of a given width, measured by the caller's
// function (the renderer measures with the embedded fonts). A word wider than the line is cut between characters, so
// a long address or code never runs out of its column. Spaces are kept at the ends of lines (a tagged PDF keeps the
// spaces between words in its text) but do not count in a line's width.
import type { Inline } from '../../../shared/richtext/richtext.types.ts';

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** A footnote reference: drawn smaller and raised. */
  noteRef?: number;
  /** The target of a link. */
  link?: string;
}

export interface TextRun {
  text: string;
  style: TextStyle;
}

export interface LinePiece {
  text: string;
  style: TextStyle;
  width: number;
}

export interface TextLine {
  /** The pieces in order, with the spaces that end the line. */
  pieces: LinePiece[];
  /** The width of the line without its ending spaces. */
  width: number;
}

export type Measure = (text: string, style: TextStyle) => number;

type Token = { kind: 'word'; parts: TextRun[] } | { kind: 'space'; run: TextRun } | { kind: 'break' };

const SPACES = /([ \t\r]+)/;

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code && a.noteRef === b.noteRef && a.link === b.link;
}

/** Words (one or more runs with no space between them, so "parola¹" stays together), spaces and forced breaks. */
export function tokenize(runs: TextRun[]): Token[] {
  const tokens: Token[] = [];
  let word: TextRun[] | null = null;
  const endWord = () => {
    if (word) tokens.push({ kind: 'word', parts: word });
    word = null;
  };
  for (const run of runs) {
    const lines = run.text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) {
        endWord();
        tokens.push({ kind: 'break' });
      }
      for (const chunk of line.split(SPACES)) {
        if (chunk === '') continue;
        if (SPACES.test(chunk)) {
          endWord();
          tokens.push({ kind: 'space', run: { text: chunk.replace(/[\t\r]/g, ' '), style: run.style } });
        } else {
          word ??= [];
          word.push({ text: chunk, style: run.style });
        }
      }
    });
  }
  endWord();
  return tokens;
}

function pieceOf(run: TextRun, measure: Measure): LinePiece {
  return { text: run.text, style: run.style, width: measure(run.text, run.style) };
}

/** Cuts a word wider than the line into pieces that fit, between characters (at least one character a line). */
function splitWord(parts: LinePiece[], maxWidth: number, measure: Measure): LinePiece[][] {
  const chunks: LinePiece[][] = [];
  let current: LinePiece[] = [];
  let width = 0;
  for (const part of parts) {
    let text = '';
    for (const ch of part.text) {
      const w = measure(text + ch, part.style);
      if (width + w > maxWidth && (text !== '' || current.length > 0)) {
        if (text !== '') current.push({ text, style: part.style, width: measure(text, part.style) });
        chunks.push(current);
        current = [];
        width = 0;
        text = ch;
      } else {
        text += ch;
      }
    }
    if (text !== '') {
      const piece = { text, style: part.style, width: measure(text, part.style) };
      current.push(piece);
      width += piece.width;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function mergePieces(pieces: LinePiece[]): LinePiece[] {
  const merged: LinePiece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && sameStyle(last.style, piece.style)) {
      merged[merged.length - 1] = { text: last.text + piece.text, style: last.style, width: last.width + piece.width };
    } else {
      merged.push({ ...piece });
    }
  }
  return merged;
}

/** Lays the runs out on lines no wider than maxWidth (an empty text gives no line; a forced break gives an empty line). */
export function breakLines(runs: TextRun[], maxWidth: number, measure: Measure): TextLine[] {
  const lines: TextLine[] = [];
  let pieces: LinePiece[] = [];
  let width = 0;
  let spaces: LinePiece[] = [];
  let hasWord = false;
  const finish = () => {
    lines.push({ pieces: mergePieces([...pieces, ...spaces]), width });
    pieces = [];
    spaces = [];
    width = 0;
    hasWord = false;
  };
  const place = (parts: LinePiece[]) => {
    const w = parts.reduce((sum, p) => sum + p.width, 0);
    const spaceWidth = spaces.reduce((sum, p) => sum + p.width, 0);
    pieces.push(...spaces, ...parts);
    width += spaceWidth + w;
    spaces = [];
    hasWord = true;
  };
  for (const token of tokenize(runs)) {
    if (token.kind === 'break') {
      finish();
      continue;
    }
    if (token.kind === 'space') {
      if (hasWord) spaces.push(pieceOf(token.run, measure));
      continue;
    }
    const parts = token.parts.map((p) => pieceOf(p, measure));
    const wordWidth = parts.reduce((sum, p) => sum + p.width, 0);
    const spaceWidth = spaces.reduce((sum, p) => sum + p.width, 0);
    if (hasWord && width + spaceWidth + wordWidth > maxWidth) finish();
    if (wordWidth <= maxWidth) {
      place(parts);
      continue;
    }
    const chunks = splitWord(parts, maxWidth, measure);
    chunks.forEach((chunk, i) => {
      if (i > 0) finish();
      place(chunk);
    });
  }
  if (hasWord || pieces.length > 0 || lines.length > 0) finish();
  return lines;
}

/** The narrowest a column can be without cutting a word, and the width of its text on one line (for table columns). */
export function textExtent(runs: TextRun[], measure: Measure): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let line = 0;
  for (const token of tokenize(runs)) {
    if (token.kind === 'break') {
      max = Math.max(max, line);
      line = 0;
    } else if (token.kind === 'space') {
      line += measure(token.run.text, token.run.style);
    } else {
      const w = token.parts.reduce((sum, p) => sum + measure(p.text, p.style), 0);
      min = Math.max(min, w);
      line += w;
    }
  }
  return { min, max: Math.max(max, line) };
}

/**
 * Column widths for a table of the given width, from each column's narrowest (its longest word, at most `cap` of
 * the width) and widest (its longest line) extents, padding included: every column gets at least its narrowest
 * width, and what is left is shared in proportion to how much each column would still grow; when even the narrowest
 * widths do not fit, they shrink in proportion (the words are then cut).
 */
export function distributeColumns(extents: { min: number; max: number }[], width: number, cap = 0.4): number[] {
  const min = extents.map((e) => Math.min(e.min, width * cap));
  const max = extents.map((e, c) => Math.max(e.max, min[c]));
  const sumMax = max.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMax === 0) return extents.map(() => width / Math.max(1, extents.length));
  if (sumMax <= width) return max.map((m) => m + ((width - sumMax) * m) / sumMax);
  if (sumMin <= width) {
    const spread = sumMax - sumMin;
    return min.map((m, c) => m + (spread > 0 ? ((width - sumMin) * (max[c] - m)) / spread : 0));
  }
  return min.map((m) => (m * width) / sumMin);
}

/** The runs of a rich-text line (the inline tree flattened, styles inherited). */
export function inlineRuns(inlines: Inline[], style: TextStyle = {}): TextRun[] {
  const runs: TextRun[] = [];
  for (const node of inlines) {
    switch (node.t) {
      case 'text':
        runs.push({ text: node.text, style });
        break;
      case 'strong':
        runs.push(...inlineRuns(node.children, { ...style, bold: true }));
        break;
      case 'em':
        runs.push(...inlineRuns(node.children, { ...style, italic: true }));
        break;
      case 'link':
        runs.push(...inlineRuns(node.children, { ...style, link: node.href }));
        break;
      case 'code':
        runs.push({ text: node.text, style: { ...style, code: true } });
        break;
      case 'footnoteRef':
        runs.push({ text: String(node.n), style: { ...style, noteRef: node.n } });
        break;
      case 'br':
        runs.push({ text: '\n', style });
        break;
    }
  }
  return runs;
}

/** The plain text of an inline tree (alternative texts, DOCX fields). */
export function inlineText(inlines: Inline[]): string {
  return inlineRuns(inlines)
    .map((r) => r.text)
    .join('');
}

/**
 * The level a heading of a chapter's rich text takes in the document: the text's highest heading goes one level under
 * the heading that precedes the text, the others follow, so no level is skipped whatever the text starts from.
 */
export function nestedHeadingLevel(level: number, highestInText: number, parentLevel: number): number {
  return Math.min(6, Math.max(1, parentLevel + 1 + (level - highestInText)));
}
