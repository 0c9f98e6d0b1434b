// The plan document as a PDF for the deliberation, made on the server without a browser (pdfkit). The file is PDF/A-2a
// (archival, tagged) and carries the PDF/UA-1 identification: a Document structure with H1–H6, P, L/LI/Lbl/LBody,
// Table/THead/TBody/TFoot/TR/TH (with scope)/TD and Caption, Figure with its alternative text, Reference and Note for
// footnotes, TOC/TOCI with links; page headers and footers are artifacts; the language, the displayed title and the
// bookmarks (level 1 and 2 headings) are set. The layout is our own (document.text.ts breaks the lines), so tables
// break across pages repeating their header row, and the table of contents has its page numbers: its pages are
// reserved first (their number depends only on the headings) and filled when the last page is known.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

import type { Block, RichDoc } from '../../../shared/richtext/richtext.types.ts';
import type { DocBlock, DocModel, DocTable } from './document.model.ts';
import { tocHeadings } from './document.outline.ts';
import { faceStyle, fontChain, fontFile, FONT_FAMILY, parsedFont, type FaceStyle } from './document.fonts.ts';
import {
  breakLines,
  distributeColumns,
  inlineRuns,
  inlineText,
  nestedHeadingLevel,
  textExtent,
  type LinePiece,
  type TextLine,
  type TextRun,
  type TextStyle,
} from './document.text.ts';

export interface RenderPdfOptions {
  /** Called as the blocks are laid out: blocks done, blocks in all. */
  onProgress?: (done: number, total: number) => void;
}

// ---------------------------------------------------------------------------------------------------------------
// The part of pdfkit 0.20 this renderer uses (its published types lag behind: structure options, annotations'
// structure parents, outlines).

interface StructContent {
  readonly refs: unknown[];
}
interface StructElement {
  add(child: StructElement | StructContent): StructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}
interface StructOptions {
  alt?: string;
  lang?: string;
  scope?: 'Row' | 'Column' | 'Both';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}
interface Outline {
  addItem(title: string, options?: { expanded?: boolean }): Outline;
}
interface AnnotationOptions {
  structParent?: StructElement;
  Contents?: unknown;
}
interface Pdf {
  page: { width: number; height: number };
  info: Record<string, unknown>;
  outline: Outline;
  addPage(): Pdf;
  switchToPage(n: number): unknown;
  bufferedPageRange(): { start: number; count: number };
  registerFont(name: string, src: unknown): Pdf;
  font(name: string): Pdf;
  fontSize(size: number): Pdf;
  fillColor(color: string): Pdf;
  strokeColor(color: string): Pdf;
  lineWidth(width: number): Pdf;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: Record<string, unknown>): Pdf;
  rect(x: number, y: number, w: number, h: number): Pdf;
  circle(x: number, y: number, r: number): Pdf;
  moveTo(x: number, y: number): Pdf;
  lineTo(x: number, y: number): Pdf;
  fill(color?: string): Pdf;
  stroke(color?: string): Pdf;
  save(): Pdf;
  restore(): Pdf;
  struct(type: string, options?: StructOptions): StructElement;
  addStructure(element: StructElement): Pdf;
  markStructureContent(tag: string, options?: Record<string, unknown>): StructContent;
  markContent(tag: string, options?: Record<string, unknown>): Pdf;
  endMarkedContent(): Pdf;
  link(x: number, y: number, w: number, h: number, url: string, options?: AnnotationOptions): Pdf;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: AnnotationOptions): Pdf;
  addNamedDestination(name: string, ...args: (string | number | null)[]): void;
  appendXML(xml: string, newline?: boolean): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): Pdf;
  on(event: 'end', listener: () => void): Pdf;
  on(event: 'error', listener: (error: Error) => void): Pdf;
  end(): void;
}

// ---------------------------------------------------------------------------------------------------------------
// Page and type.

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 72, left: 62, right: 62 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const COLOR = {
  text: '#1a1a1a',
  muted: '#5c6f82',
  primary: '#0066cc',
  link: '#0059b3',
  rule: '#b1b1b3',
  headerFill: '#e1ecf7',
  footFill: '#f2f2f2',
};

const BODY = { size: 10.5, leading: 1.45 };
const TABLE = { size: 9, leading: 1.35, padX: 5, padY: 3.5 };
const NOTE = { size: 8.5, leading: 1.4 };
const HEADING: Record<number, { size: number; before: number; after: number; color: string }> = {
  1: { size: 20, before: 18, after: 10, color: COLOR.primary },
  2: { size: 15, before: 14, after: 7, color: COLOR.primary },
  3: { size: 12.5, before: 11, after: 5, color: COLOR.text },
  4: { size: 11.5, before: 9, after: 4, color: COLOR.text },
  5: { size: 11, before: 8, after: 4, color: COLOR.text },
  6: { size: 10.5, before: 8, after: 4, color: COLOR.text },
};
const PARAGRAPH_AFTER = 7;
const TOC_NUMBER_WIDTH = 36;

/** Where the baseline of a line goes, from the line's top: the middle of the line, plus half the capitals' height. */
function baselineOf(top: number, size: number, lineHeight: number): number {
  return top + lineHeight / 2 + size * 0.34;
}

const SAFE_LINK = /^(https?:|mailto:)/i;

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------------------------
// Fonts: each style is a chain of files; a character goes to the first file that has it.

class FontBook {
  private readonly coverage = new Map<string, string>();
  private readonly widths = new Map<string, number>();
  private readonly doc: Pdf;

  constructor(doc: Pdf) {
    this.doc = doc;
    for (const style of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      for (const file of fontChain(style)) doc.registerFont(file, parsedFont(file));
    }
  }

  /** The text cut into runs of one font each. */
  segments(text: string, style: FaceStyle): { file: string; text: string }[] {
    const chain = fontChain(style);
    const out: { file: string; text: string }[] = [];
    for (const ch of text) {
      const last = out[out.length - 1];
      const file = /\s/.test(ch) && last ? last.file : this.fileFor(ch, chain);
      if (last && last.file === file) last.text += ch;
      else out.push({ file, text: ch });
    }
    return out;
  }

  private fileFor(ch: string, chain: string[]): string {
    const key = `${chain[0]}|${ch}`;
    let file = this.coverage.get(key);
    if (!file) {
      const cp = ch.codePointAt(0) ?? 0;
      file = chain.find((f) => parsedFont(f).hasGlyphForCodePoint(cp)) ?? chain[0];
      this.coverage.set(key, file);
    }
    return file;
  }

  width(text: string, style: FaceStyle, size: number): number {
    let total = 0;
    for (const seg of this.segments(text, style)) {
      const key = `${seg.file}|${seg.text}`;
      let w = this.widths.get(key);
      if (w === undefined) {
        w = this.doc.font(seg.file).fontSize(1000).widthOfString(seg.text) / 1000;
        this.widths.set(key, w);
      }
      total += w * size;
    }
    return total;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Text context: where and how a block's lines are drawn.

interface Ctx {
  x: number;
  width: number;
  size: number;
  lineHeight: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  /** Left edges of the quote bars to draw beside each line. */
  bars?: number[];
}

const bodyCtx = (x = MARGIN.left, width = CONTENT_WIDTH): Ctx => ({
  x,
  width,
  size: BODY.size,
  lineHeight: BODY.size * BODY.leading,
  color: COLOR.text,
});

interface TableCell {
  runs: TextRun[];
  numeric: boolean;
  /** TH with this scope, or TD. */
  scope?: 'Column' | 'Row';
  bold?: boolean;
}
interface TableSpec {
  caption?: string;
  head?: TableCell[];
  rows: TableCell[][];
  foot?: TableCell[];
  /** Column widths as fractions of the text width; computed from the contents when absent. */
  fractions?: number[];
  borders?: boolean;
  size?: number;
}

interface TocEntry {
  title: string;
  level: 1 | 2;
  page: number;
  dest: string;
}

// ---------------------------------------------------------------------------------------------------------------

class PdfLayout {
  readonly fonts: FontBook;
  y = MARGIN.top;
  readonly bottom = PAGE.height - MARGIN.bottom;
  /** Drawn at the top of every new page while set (a table's repeated header). */
  private pageHook: (() => void) | null = null;
  readonly toc: TocEntry[] = [];
  private outlineLevel1: Outline | null = null;
  private headingCount = 0;
  private noteCount = 0;
  private lastModelLevel = 0;
  readonly doc: Pdf;
  readonly root: StructElement;
  readonly model: DocModel;

  constructor(doc: Pdf, root: StructElement, model: DocModel) {
    this.doc = doc;
    this.root = root;
    this.model = model;
    this.fonts = new FontBook(doc);
  }

  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  get atTop(): boolean {
    return this.y <= MARGIN.top + 0.5;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
    this.pageHook?.();
  }

  /** Moves to a new page unless the height fits in what is left of this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && !this.atTop) this.newPage();
  }

  child(parent: StructElement, type: string, options?: StructOptions): StructElement {
    const element = this.doc.struct(type, options);
    parent.add(element);
    return element;
  }

  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  // ---- measuring and drawing lines

  measurer(ctx: Ctx): (text: string, style: TextStyle) => number {
    return (text, style) => this.fonts.width(text, this.faceOf(style, ctx), style.noteRef ? ctx.size * 0.65 : ctx.size);
  }

  private faceOf(style: TextStyle, ctx: Ctx): FaceStyle {
    return faceStyle(style.bold || ctx.bold, style.italic || ctx.italic);
  }

  lines(runs: TextRun[], ctx: Ctx): TextLine[] {
    return breakLines(runs, ctx.width, this.measurer(ctx));
  }

  private drawPiece(piece: LinePiece, x: number, baseline: number, ctx: Ctx): void {
    const face = this.faceOf(piece.style, ctx);
    const size = piece.style.noteRef ? ctx.size * 0.65 : ctx.size;
    const y = piece.style.noteRef ? baseline - ctx.size * 0.35 : baseline;
    const link = piece.style.link && SAFE_LINK.test(piece.style.link);
    const color = link ? COLOR.link : piece.style.code ? COLOR.muted : ctx.color;
    let cx = x;
    for (const seg of this.fonts.segments(piece.text, face)) {
      this.doc.font(seg.file).fontSize(size).fillColor(color);
      this.doc.text(seg.text, cx, y, { lineBreak: false, baseline: 'alphabetic' });
      cx += this.fonts.width(seg.text, face, size);
    }
    if (link) {
      const width = this.fonts.width(piece.text.trimEnd(), face, size);
      const under = y + size * 0.14;
      this.doc
        .moveTo(x, under)
        .lineTo(x + width, under)
        .lineWidth(0.6)
        .stroke(color);
    }
  }

  /**
   * Draws one line at the current y inside the structure element: plain pieces as the element's content, links as
   * Link elements with their annotation, footnote references as Reference elements.
   */
  drawLine(element: StructElement, tag: string, line: TextLine, ctx: Ctx, align: 'left' | 'right' = 'left'): void {
    const top = this.y;
    const baseline = baselineOf(top, ctx.size, ctx.lineHeight);
    if (ctx.bars?.length) {
      this.artifact('Layout', () => {
        for (const bx of ctx.bars ?? []) this.doc.rect(bx, top, 2.5, ctx.lineHeight).fill(COLOR.rule);
      });
    }
    let x = align === 'right' ? ctx.x + ctx.width - line.width : ctx.x;
    let group: { piece: LinePiece; x: number }[] = [];
    const flush = () => {
      if (group.length === 0) return;
      const content = this.doc.markStructureContent(tag);
      for (const g of group) this.drawPiece(g.piece, g.x, baseline, ctx);
      this.doc.endMarkedContent();
      element.add(content);
      group = [];
    };
    for (const piece of line.pieces) {
      const href = piece.style.link;
      if (href && SAFE_LINK.test(href)) {
        flush();
        const link = this.child(element, 'Link');
        const content = this.doc.markStructureContent('Link');
        this.drawPiece(piece, x, baseline, ctx);
        this.doc.endMarkedContent();
        link.add(content);
        this.doc.link(x, top, piece.width, ctx.lineHeight, href, { structParent: link, Contents: new String(`${piece.text.trim()} (${href})`) });
        link.end();
      } else if (piece.style.noteRef !== undefined) {
        flush();
        const reference = this.child(element, 'Reference');
        const content = this.doc.markStructureContent('Reference');
        this.drawPiece(piece, x, baseline, ctx);
        this.doc.endMarkedContent();
        reference.add(content);
        reference.end();
      } else {
        group.push({ piece, x });
      }
      x += piece.width;
    }
    flush();
  }

  /** A paragraph-like block (P, H1…, Caption, Lbl…): its lines, page by page. Returns the element. */
  textBlock(
    parent: StructElement,
    tag: string,
    runs: TextRun[],
    ctx: Ctx,
    options: { after?: number; align?: 'left' | 'right'; element?: StructElement } = {},
  ): StructElement {
    const lines = this.lines(runs, ctx);
    const element = options.element ?? this.child(parent, tag);
    // No first line alone at the bottom of a page.
    if (lines.length > 1) this.ensure(ctx.lineHeight * 2);
    for (const line of lines) {
      if (this.y + ctx.lineHeight > this.bottom) this.newPage();
      this.drawLine(element, tag, line, ctx, options.align);
      this.y += ctx.lineHeight;
    }
    if (!options.element) element.end();
    this.y += options.after ?? 0;
    return element;
  }

  // ---- headings

  heading(parent: StructElement, level: number, text: string, entry: { outline: boolean }): void {
    const style = HEADING[Math.min(6, Math.max(1, level))];
    const ctx: Ctx = { ...bodyCtx(), size: style.size, lineHeight: style.size * 1.25, color: style.color, bold: true };
    const runs = [{ text, style: {} }];
    const height = this.lines(runs, ctx).length * ctx.lineHeight;
    // The heading stays with the first lines that follow it.
    this.ensure(style.before + height + BODY.size * BODY.leading * 3);
    if (!this.atTop) this.y += style.before;
    if (entry.outline && level <= 2) {
      const dest = `h${++this.headingCount}`;
      this.doc.addNamedDestination(dest, 'XYZ', MARGIN.left, this.y, null);
      this.toc.push({ title: text, level: level as 1 | 2, page: this.pageIndex + 1, dest });
      if (level === 1) this.outlineLevel1 = this.doc.outline.addItem(text);
      else (this.outlineLevel1 ?? this.doc.outline).addItem(text);
    }
    this.textBlock(parent, `H${Math.min(6, level)}`, runs, ctx, { after: style.after });
  }

  // ---- the cover

  cover(): void {
    const { cover } = this.model;
    this.artifact('Layout', () => {
      this.doc.rect(0, 0, PAGE.width, 14).fill(COLOR.primary);
    });
    this.y = 150;
    const overline: Ctx = { ...bodyCtx(), size: 13, lineHeight: 13 * 1.35, color: COLOR.primary, bold: true };
    this.textBlock(this.root, 'P', [{ text: cover.overline, style: {} }], overline, { after: 18 });
    const title: Ctx = { ...bodyCtx(), size: 30, lineHeight: 30 * 1.2, color: COLOR.text, bold: true };
    this.textBlock(this.root, 'H1', [{ text: cover.title, style: {} }], title, { after: 12 });
    const subtitle: Ctx = { ...bodyCtx(), size: 15, lineHeight: 15 * 1.35, color: COLOR.muted };
    this.textBlock(this.root, 'P', [{ text: cover.subtitle, style: {} }], subtitle, { after: 40 });
    if (cover.lines.length > 0) {
      this.table(this.root, {
        rows: cover.lines.map((l) => [
          { runs: [{ text: l.label, style: {} }], numeric: false, scope: 'Row' },
          { runs: [{ text: l.value, style: {} }], numeric: false },
        ]),
        fractions: [0.36, 0.64],
        borders: false,
        size: 10,
      });
    }
  }

  // ---- the table of contents: planned before the chapters, drawn after them

  private tocCtx(level: 1 | 2): Ctx {
    const indent = level === 1 ? 0 : 16;
    const size = level === 1 ? 11 : 10.5;
    return { x: MARGIN.left + indent, width: CONTENT_WIDTH - indent - TOC_NUMBER_WIDTH, size, lineHeight: size * 1.4, color: COLOR.text, bold: level === 1 };
  }

  /** Where each entry goes: the page (counted from the first page of the table) and the top. */
  planToc(entries: { title: string; level: 1 | 2 }[], firstTop: number): { page: number; top: number; lines: TextLine[] }[] {
    let page = 0;
    let y = firstTop;
    return entries.map((entry) => {
      const ctx = this.tocCtx(entry.level);
      const lines = this.lines([{ text: entry.title, style: {} }], ctx);
      const before = entry.level === 1 ? 6 : 2;
      const height = before + lines.length * ctx.lineHeight;
      if (y + height > this.bottom) {
        page += 1;
        y = MARGIN.top;
      }
      const top = y + before;
      y += height;
      return { page, top, lines };
    });
  }

  drawToc(tocElement: StructElement, firstPage: number, plan: { page: number; top: number; lines: TextLine[] }[]): void {
    if (plan.length !== this.toc.length) throw new Error(`Indice: ${plan.length} voci previste, ${this.toc.length} titoli incontrati`);
    this.toc.forEach((entry, i) => {
      const place = plan[i];
      this.doc.switchToPage(firstPage + place.page);
      const ctx = this.tocCtx(entry.level);
      const item = this.child(tocElement, 'TOCI');
      const reference = this.child(item, 'Reference');
      const link = this.child(reference, 'Link');
      this.y = place.top;
      place.lines.forEach((line, n) => {
        this.drawLine(link, 'Link', line, ctx);
        if (n === place.lines.length - 1) {
          // Dotted leader (decoration), then the page number, right-aligned.
          const baseline = baselineOf(this.y, ctx.size, ctx.lineHeight);
          const from = ctx.x + line.width + 4;
          const to = MARGIN.left + CONTENT_WIDTH - TOC_NUMBER_WIDTH + 4;
          if (to > from) {
            this.artifact('Layout', () => {
              for (let dx = from; dx < to; dx += 4) this.doc.circle(dx, baseline - 1, 0.45).fill(COLOR.muted);
            });
          }
          const number = String(entry.page);
          const numberCtx: Ctx = { ...ctx, x: MARGIN.left + CONTENT_WIDTH - TOC_NUMBER_WIDTH, width: TOC_NUMBER_WIDTH };
          const numberLine = this.lines([{ text: number, style: {} }], numberCtx)[0];
          this.drawLine(link, 'Link', numberLine, numberCtx, 'right');
        }
        this.y += ctx.lineHeight;
      });
      const height = place.lines.length * ctx.lineHeight;
      this.doc.goTo(ctx.x, place.top, CONTENT_WIDTH - (ctx.x - MARGIN.left), height, entry.dest, {
        structParent: link,
        Contents: new String(`${entry.title}, ${this.model.labels.page.toLowerCase()} ${entry.page}`),
      });
      link.end();
      reference.end();
      item.end();
    });
    tocElement.end();
  }

  // ---- blocks

  block(block: DocBlock): void {
    switch (block.kind) {
      case 'heading':
        this.lastModelLevel = block.level;
        this.heading(this.root, block.level, block.text, { outline: true });
        break;
      case 'paragraph':
        this.textBlock(this.root, 'P', [{ text: block.text, style: {} }], bodyCtx(), { after: PARAGRAPH_AFTER });
        break;
      case 'rich':
        this.rich(block.doc);
        break;
      case 'facts':
        this.table(this.root, {
          caption: block.caption,
          rows: block.rows.map((r) => [
            { runs: [{ text: r.label, style: {} }], numeric: false, scope: 'Row', bold: true },
            { runs: [{ text: r.value, style: {} }], numeric: false },
          ]),
          fractions: [0.3, 0.7],
        });
        break;
      case 'table':
        this.table(this.root, docTableSpec(block.table));
        break;
      case 'list':
        this.plainList(this.root, block.ordered, block.items, bodyCtx());
        break;
      case 'chart':
        this.chart(block);
        break;
      case 'pageBreak':
        if (!this.atTop) this.newPage();
        break;
    }
  }

  private plainList(parent: StructElement, ordered: boolean, items: string[], ctx: Ctx): void {
    const list = this.child(parent, 'L');
    items.forEach((text, i) => {
      this.listItem(list, ordered ? `${i + 1}.` : '•', ctx, (body, inner) => {
        this.textBlock(body, 'P', [{ text, style: {} }], inner, { after: 2 });
      });
    });
    list.end();
    this.y += PARAGRAPH_AFTER - 2;
  }

  /** A list item: its label beside the first line of its body, the body indented. */
  private listItem(list: StructElement, label: string, ctx: Ctx, body: (element: StructElement, inner: Ctx) => void): void {
    const indent = 18;
    const item = this.child(list, 'LI');
    this.ensure(ctx.lineHeight * 2);
    const labelElement = this.child(item, 'Lbl');
    const labelCtx: Ctx = { ...ctx, width: indent - 4 };
    const labelLine = this.lines([{ text: label, style: {} }], { ...labelCtx, width: 1000 })[0];
    this.drawLine(labelElement, 'Lbl', labelLine, labelCtx, 'right');
    labelElement.end();
    const bodyElement = this.child(item, 'LBody');
    body(bodyElement, { ...ctx, x: ctx.x + indent, width: ctx.width - indent });
    bodyElement.end();
    item.end();
  }

  // ---- rich text

  rich(doc: RichDoc): void {
    const levels = doc.blocks.filter((b) => b.t === 'heading').map((b) => (b.t === 'heading' ? b.level : 9));
    const highest = levels.length ? Math.min(...levels) : 1;
    const parentLevel = this.lastModelLevel;
    const id = ++this.noteCount;
    this.richBlocks(this.root, doc.blocks, bodyCtx(), { highest, parentLevel, id });
    if (doc.footnotes.length > 0) {
      this.ensure(NOTE.size * NOTE.leading * 3);
      this.y += 4;
      this.artifact('Layout', () => {
        this.doc
          .moveTo(MARGIN.left, this.y)
          .lineTo(MARGIN.left + 120, this.y)
          .lineWidth(0.6)
          .stroke(COLOR.rule);
      });
      this.y += 4;
      const noteCtx: Ctx = { ...bodyCtx(), size: NOTE.size, lineHeight: NOTE.size * NOTE.leading };
      this.textBlock(this.root, 'P', [{ text: this.model.labels.footnotes, style: { bold: true } }], noteCtx, { after: 2 });
      for (const note of doc.footnotes) {
        const element = this.child(this.root, 'Note');
        element.dictionary.data.ID = new String(`note-${id}-${note.n}`);
        this.ensure(noteCtx.lineHeight * 2);
        const labelElement = this.child(element, 'Lbl');
        const labelLine = this.lines([{ text: `${note.n}.`, style: {} }], { ...noteCtx, width: 1000 })[0];
        this.drawLine(labelElement, 'Lbl', labelLine, { ...noteCtx, width: 14 }, 'right');
        labelElement.end();
        this.richBlocks(element, note.blocks, { ...noteCtx, x: noteCtx.x + 18, width: noteCtx.width - 18 }, { highest, parentLevel, id, inNote: true });
        element.end();
      }
      this.y += PARAGRAPH_AFTER;
    }
  }

  private richBlocks(
    parent: StructElement,
    blocks: Block[],
    ctx: Ctx,
    scope: { highest: number; parentLevel: number; id: number; inNote?: boolean; tight?: boolean },
  ): void {
    const after = scope.inNote || scope.tight ? 2 : PARAGRAPH_AFTER;
    for (const block of blocks) {
      switch (block.t) {
        case 'heading':
          if (scope.inNote) this.textBlock(parent, 'P', inlineRuns(block.children, { bold: true }), ctx, { after });
          else this.heading(parent, nestedHeadingLevel(block.level, scope.highest, scope.parentLevel), inlineText(block.children), { outline: true });
          break;
        case 'paragraph':
          this.textBlock(parent, 'P', inlineRuns(block.children), ctx, { after });
          break;
        case 'list': {
          const list = this.child(parent, 'L');
          const start = block.start ?? 1;
          const depth = ctx.x > MARGIN.left + 20 ? 1 : 0;
          block.items.forEach((itemBlocks, i) => {
            const label = block.ordered ? `${start + i}.` : depth % 2 === 0 ? '•' : '–';
            this.listItem(list, label, ctx, (body, inner) => this.richBlocks(body, itemBlocks, inner, { ...scope, tight: true }));
          });
          list.end();
          this.y += after;
          break;
        }
        case 'table':
          this.table(parent, {
            head: block.header.map((cell, c) => ({ runs: inlineRuns(cell), numeric: block.align[c] === 'right', scope: 'Column', bold: true })),
            rows: block.rows.map((row) => row.map((cell, c) => ({ runs: inlineRuns(cell), numeric: block.align[c] === 'right' }))),
            size: scope.inNote ? NOTE.size : TABLE.size,
          });
          break;
        case 'quote': {
          const quote = this.child(parent, 'BlockQuote');
          this.richBlocks(quote, block.children, { ...ctx, x: ctx.x + 14, width: ctx.width - 14, italic: true, bars: [...(ctx.bars ?? []), ctx.x + 2] }, scope);
          quote.end();
          break;
        }
      }
    }
  }

  // ---- tables

  private columnWidths(spec: TableSpec, ctx: Ctx, width: number): number[] {
    if (spec.fractions) return spec.fractions.map((f) => f * width);
    const columns = Math.max(spec.head?.length ?? 0, ...spec.rows.map((r) => r.length), spec.foot?.length ?? 0);
    const extents = Array.from({ length: columns }, () => ({ min: 0, max: 0 }));
    const all = [...(spec.head ? [spec.head] : []), ...spec.rows, ...(spec.foot ? [spec.foot] : [])];
    for (const row of all) {
      row.forEach((cell, c) => {
        const extent = textExtent(cell.runs, this.measurer({ ...ctx, bold: cell.bold }));
        extents[c].min = Math.max(extents[c].min, extent.min + 2 * TABLE.padX);
        extents[c].max = Math.max(extents[c].max, extent.max + 2 * TABLE.padX);
      });
    }
    return distributeColumns(extents, width);
  }

  table(parent: StructElement, spec: TableSpec): void {
    const size = spec.size ?? TABLE.size;
    const ctx: Ctx = { ...bodyCtx(), size, lineHeight: size * TABLE.leading };
    const widths = this.columnWidths(spec, ctx, CONTENT_WIDTH);
    const lefts = widths.map((_, c) => MARGIN.left + widths.slice(0, c).reduce((a, b) => a + b, 0));
    const borders = spec.borders !== false;
    const cellCtx = (cell: TableCell, c: number): Ctx => ({ ...ctx, x: lefts[c] + TABLE.padX, width: widths[c] - 2 * TABLE.padX, bold: cell.bold });
    const layoutRow = (row: TableCell[]) => row.map((cell, c) => this.lines(cell.runs, cellCtx(cell, c)));
    const rowHeight = (lines: TextLine[][]) => Math.max(1, ...lines.map((l) => l.length)) * ctx.lineHeight + 2 * TABLE.padY;

    const captionCtx: Ctx = { ...bodyCtx(), size: size + 1, lineHeight: (size + 1) * 1.35, bold: true };
    const head = spec.head ? { cells: spec.head, lines: layoutRow(spec.head) } : null;
    const body = spec.rows.map((row) => ({ cells: row, lines: layoutRow(row) }));
    const foot = spec.foot ? { cells: spec.foot, lines: layoutRow(spec.foot) } : null;
    const captionHeight = spec.caption ? this.lines([{ text: spec.caption, style: {} }], captionCtx).length * captionCtx.lineHeight + 4 : 0;
    const headHeight = head ? rowHeight(head.lines) : 0;
    const wholeHeight = captionHeight + headHeight + body.reduce((sum, r) => sum + rowHeight(r.lines), 0) + (foot ? rowHeight(foot.lines) : 0);
    // A short table is kept on one page; a long one starts where there is room for its header and first row.
    if (wholeHeight <= (this.bottom - MARGIN.top) * 0.4) this.ensure(wholeHeight);
    else this.ensure(captionHeight + headHeight + (body[0] ? rowHeight(body[0].lines) : 0));

    const table = this.child(parent, 'Table');
    if (spec.caption) this.textBlock(table, 'Caption', [{ text: spec.caption, style: {} }], captionCtx, { after: 4 });

    const drawRowFrame = (top: number, height: number, fill: string | null, ruleBelow: boolean, thickTop = false) => {
      if (!borders && !fill) return;
      this.artifact('Layout', () => {
        if (fill) this.doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(fill);
        if (borders && ruleBelow)
          this.doc
            .moveTo(MARGIN.left, top + height)
            .lineTo(MARGIN.left + CONTENT_WIDTH, top + height)
            .lineWidth(0.5)
            .stroke(COLOR.rule);
        if (thickTop)
          this.doc
            .moveTo(MARGIN.left, top)
            .lineTo(MARGIN.left + CONTENT_WIDTH, top)
            .lineWidth(1.2)
            .stroke(COLOR.text);
      });
    };

    /** The header again at the top of a page the table continues on: a pagination artifact. */
    const repeatHeader = () => {
      if (!head) return;
      this.artifact('Pagination', () => {
        if (spec.caption) {
          for (const line of this.lines([{ text: `${spec.caption} ${this.model.labels.continued}`, style: {} }], captionCtx)) {
            const baseline = baselineOf(this.y, captionCtx.size, captionCtx.lineHeight);
            let x = captionCtx.x;
            for (const piece of line.pieces) {
              for (const seg of this.fonts.segments(piece.text, 'bold')) {
                this.doc
                  .font(seg.file)
                  .fontSize(captionCtx.size)
                  .fillColor(COLOR.text)
                  .text(seg.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
                x += this.fonts.width(seg.text, 'bold', captionCtx.size);
              }
            }
            this.y += captionCtx.lineHeight;
          }
          this.y += 4;
        }
        const height = rowHeight(head.lines);
        this.doc.rect(MARGIN.left, this.y, CONTENT_WIDTH, height).fill(COLOR.headerFill);
        head.cells.forEach((cell, c) => {
          const cctx = cellCtx(cell, c);
          head.lines[c].forEach((line, n) => {
            const baseline = baselineOf(this.y + TABLE.padY + n * ctx.lineHeight, ctx.size, ctx.lineHeight);
            let x = cell.numeric ? cctx.x + cctx.width - line.width : cctx.x;
            for (const piece of line.pieces) {
              for (const seg of this.fonts.segments(piece.text, 'bold')) {
                this.doc.font(seg.file).fontSize(ctx.size).fillColor(COLOR.text).text(seg.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
                x += this.fonts.width(seg.text, 'bold', ctx.size);
              }
            }
          });
        });
        this.y += height;
      });
    };

    /** Draws a row at y; a row taller than a page goes on over the next ones, line by line. */
    const drawRow = (group: StructElement, cells: TableCell[], lines: TextLine[][], kind: 'head' | 'body' | 'foot') => {
      const tr = this.child(group, 'TR');
      const elements = cells.map((cell) => this.child(tr, cell.scope ? 'TH' : 'TD', cell.scope ? { scope: cell.scope } : undefined));
      const total = Math.max(1, ...lines.map((l) => l.length));
      const full = total * ctx.lineHeight + 2 * TABLE.padY;
      if (this.y + full > this.bottom && full <= this.bottom - MARGIN.top - headHeight - captionHeight) this.newPage();
      let from = 0;
      while (from < total) {
        let fit = Math.floor((this.bottom - this.y - 2 * TABLE.padY) / ctx.lineHeight);
        if (fit < 1) {
          this.newPage();
          fit = Math.floor((this.bottom - this.y - 2 * TABLE.padY) / ctx.lineHeight);
        }
        const count = Math.min(fit, total - from);
        const height = count * ctx.lineHeight + 2 * TABLE.padY;
        const fill = kind === 'head' ? COLOR.headerFill : kind === 'foot' ? COLOR.footFill : null;
        drawRowFrame(this.y, height, fill, true, kind === 'foot');
        const top = this.y;
        cells.forEach((cell, c) => {
          const cctx = cellCtx(cell, c);
          lines[c].slice(from, from + count).forEach((line, n) => {
            this.y = top + TABLE.padY + n * ctx.lineHeight;
            this.drawLine(elements[c], cell.scope ? 'TH' : 'TD', line, cctx, cell.numeric ? 'right' : 'left');
          });
        });
        this.y = top + height;
        from += count;
        if (from < total) this.newPage();
      }
      elements.forEach((e) => e.end());
      tr.end();
    };

    if (head) {
      const thead = this.child(table, 'THead');
      drawRow(thead, head.cells, head.lines, 'head');
      thead.end();
    }
    const previousHook = this.pageHook;
    this.pageHook = repeatHeader;
    const tbody = this.child(table, 'TBody');
    for (const row of body) drawRow(tbody, row.cells, row.lines, 'body');
    tbody.end();
    if (foot) {
      const tfoot = this.child(table, 'TFoot');
      drawRow(tfoot, foot.cells, foot.lines, 'foot');
      tfoot.end();
    }
    this.pageHook = previousHook;
    table.end();
    this.y += PARAGRAPH_AFTER + 3;
  }

  // ---- charts

  chart(block: Extract<DocBlock, { kind: 'chart' }>): void {
    const captionCtx: Ctx = { ...bodyCtx(), size: TABLE.size + 1, lineHeight: (TABLE.size + 1) * 1.35, bold: true };
    const scale = Math.min(1, CONTENT_WIDTH / block.width, (this.bottom - MARGIN.top - 40) / block.height);
    const width = block.width * scale;
    const height = block.height * scale;
    const captionHeight = this.lines([{ text: block.caption, style: {} }], captionCtx).length * captionCtx.lineHeight + 4;
    this.ensure(captionHeight + height);
    this.textBlock(this.root, 'P', [{ text: block.caption, style: {} }], captionCtx, { after: 4 });
    const x = MARGIN.left;
    const top = this.y;
    const figure = this.child(this.root, 'Figure', { alt: block.alt, bbox: [x, top, x + width, top + height], placement: 'Block' });
    const content = this.doc.markStructureContent('Figure');
    this.doc.save();
    // svg-to-pdfkit reports a file it cannot read as a warning and draws nothing: that is an error here.
    const fatal: string[] = [];
    try {
      SVGtoPDF(this.doc as unknown as PDFKit.PDFDocument, svgForPdf(block.svg), x, top, {
        width,
        height,
        assumePt: true,
        preserveAspectRatio: 'xMinYMin meet',
        fontCallback: (family: string, bold: boolean, italic: boolean) => fontChain(faceStyle(bold, italic))[0] ?? family,
        warningCallback: (warning: string) => {
          if (/^parseXml:|does not look like a valid SVG|can't be rendered directly/.test(warning)) fatal.push(warning);
        },
      });
    } catch (error) {
      fatal.push((error as Error).message);
    }
    if (fatal.length > 0) throw new Error(`Grafico «${block.caption}»: SVG non disegnabile (${fatal.join('; ')})`);
    this.doc.restore();
    this.doc.endMarkedContent();
    figure.add(content);
    figure.end();
    this.y = top + height + 8;
    this.table(this.root, docTableSpec(block.data));
  }

  // ---- running heads and page numbers, once every page exists

  pageFurniture(): void {
    const { count, start } = this.doc.bufferedPageRange();
    const small: Ctx = { ...bodyCtx(), size: 8.5, lineHeight: 8.5 * 1.3, color: COLOR.muted };
    for (let i = start + 1; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.artifact('Pagination', () => {
        const head = this.lines([{ text: this.model.meta.title, style: {} }], small)[0];
        if (head) this.plainText(head, small, MARGIN.left, 40);
        this.doc
          .moveTo(MARGIN.left, 56)
          .lineTo(PAGE.width - MARGIN.right, 56)
          .lineWidth(0.5)
          .stroke(COLOR.rule);
        const label = `${this.model.labels.page} ${i + 1}`;
        const foot = this.lines([{ text: label, style: {} }], small)[0];
        this.plainText(foot, small, PAGE.width - MARGIN.right - foot.width, PAGE.height - 44);
      });
    }
  }

  /** Text with no structure (inside an artifact). */
  private plainText(line: TextLine, ctx: Ctx, x: number, top: number): void {
    const baseline = baselineOf(top, ctx.size, ctx.lineHeight);
    let cx = x;
    for (const piece of line.pieces) {
      const face = this.faceOf(piece.style, ctx);
      for (const seg of this.fonts.segments(piece.text, face)) {
        this.doc.font(seg.file).fontSize(ctx.size).fillColor(ctx.color).text(seg.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
        cx += this.fonts.width(seg.text, face, ctx.size);
      }
    }
  }
}

/** A model table as a table to draw: header cells TH (column), the first column TH (row) unless it holds figures. */
function docTableSpec(table: DocTable): TableSpec {
  const firstIsHeader = table.columns.length > 1 && !table.columns[0]?.numeric;
  const cell = (text: string, c: number, bold = false): TableCell => ({
    runs: [{ text, style: {} }],
    numeric: !!table.columns[c]?.numeric,
    scope: c === 0 && firstIsHeader ? 'Row' : undefined,
    bold,
  });
  return {
    caption: table.caption,
    head: table.columns.map((col) => ({ runs: [{ text: col.header, style: {} }], numeric: !!col.numeric, scope: 'Column', bold: true })),
    rows: table.rows.map((row) => row.map((text, c) => cell(text, c))),
    foot: table.footer ? table.footer.map((text, c) => ({ ...cell(text, c, true), scope: undefined })) : undefined,
  };
}

/**
 * The chart's SVG for svg-to-pdfkit: the width and height set on the root by the page renderer (and its CSS) go, so
 * the viewBox is scaled into the box given; the text uses the document's font.
 */
function svgForPdf(svg: string): string {
  return svg
    .replace(/<svg\b([^>]*)>/, (_, attrs: string) => `<svg${attrs.replace(/\s(width|height|style)="[^"]*"/g, '')}>`)
    .replace(/font-family:[^;"]*/g, `font-family:${FONT_FAMILY}`);
}

/** The XMP packet's description of the document (escaped), with the PDF/UA identification and its PDF/A schema. */
function xmpInfo(info: {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  created: Date;
  creator: string;
  producer: string;
  lang: string;
}): string {
  const created = info.created.toISOString().split('.')[0] + 'Z';
  return `
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${created}</xmp:CreateDate>
            <xmp:CreatorTool>${xml(info.creator)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>${xml(info.lang)}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${xml(info.producer)}</pdf:Producer>
            <pdf:Keywords>${xml(info.keywords)}</pdf:Keywords>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        `;
}

/** Renders the plan document as a tagged PDF/A-2a file. */
export async function renderPdf(model: DocModel, opts: RenderPdfOptions = {}): Promise<Buffer> {
  const created = new Date(model.meta.createdAt);
  if (Number.isNaN(created.getTime())) throw new Error(`Data di creazione del documento non valida: «${model.meta.createdAt}»`);
  const info = {
    Title: model.meta.title,
    Author: model.meta.author,
    Subject: model.meta.subject,
    Keywords: model.meta.keywords.join(', '),
    Creator: 'Cantiere',
    Producer: 'Cantiere (PDFKit)',
    CreationDate: created,
  };
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    bufferPages: true,
    font: fontFile(fontChain('regular')[0]),
    info,
  } as unknown as PDFKit.PDFDocumentOptions) as unknown as Pdf;
  // pdfkit writes the XMP description without escaping and without the PDF/UA identification: ours replaces it.
  (doc as unknown as { _addInfo: () => void })._addInfo = () =>
    doc.appendXML(
      xmpInfo({
        title: info.Title,
        author: info.Author,
        subject: info.Subject,
        keywords: info.Keywords,
        created,
        creator: info.Creator,
        producer: info.Producer,
        lang: model.lang,
      }),
    );
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const layout = new PdfLayout(doc, root, model);

  // Cover.
  layout.cover();

  // Table of contents: its pages reserved now, filled at the end.
  const entries = tocHeadings(model).map((h) => ({ title: h.text, level: h.level }));
  layout.newPage();
  const tocFirstPage = layout.pageIndex;
  doc.outline.addItem(model.labels.toc);
  layout.heading(root, 1, model.labels.toc, { outline: false });
  const plan = layout.planToc(entries, layout.y);
  const tocPages = plan.length ? plan[plan.length - 1].page + 1 : 1;
  const tocElement = layout.child(root, 'TOC');
  for (let i = 1; i < tocPages; i++) layout.newPage();

  // Chapters.
  if (model.blocks.length > 0) layout.newPage();
  const total = model.blocks.length;
  let lastYield = Date.now();
  for (let i = 0; i < total; i++) {
    layout.block(model.blocks[i]);
    opts.onProgress?.(i + 1, total);
    if (Date.now() - lastYield > 25) {
      // Let the server answer other requests during a long document.
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
  }

  layout.drawToc(tocElement, tocFirstPage, plan);
  layout.pageFurniture();
  root.end();
  doc.end();
  return done;
}
