// The plan document as an editable Word file (docx): core properties and language, the styles Word's navigation pane
// and table of contents use (Title, Heading 1–6, Caption), a cover section, a table-of-contents field that Word
// computes on opening (updateFields), the chapters' rich text (runs, links, real numbered and bulleted lists, tables
// whose header row repeats, footnotes), the record cards and data tables with right-aligned figures, charts as PNG
// (rendered from their SVG with the document's font) with their alternative text, page numbers in the footer. The
// Titillium Web files are embedded, so the document looks the same where the font is not installed.
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  BorderStyle,
  CharacterSet,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';

import type { Block, Inline, RichDoc } from '../../../shared/richtext/richtext.types.ts';
import type { DocBlock, DocModel, DocTable } from './document.model.ts';
import { allFontPaths, faceStyle, fontChain, fontFile, FONT_FAMILY, textWidth } from './document.fonts.ts';
import { distributeColumns, inlineRuns, inlineText, nestedHeadingLevel, textExtent, type TextStyle } from './document.text.ts';

// A4 with 2 cm margins (twips: 1/20 pt; 567 to the cm).
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
/** The text width in pixels at 96 dpi (images are sized in pixels). */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);

const COLOR = { text: '1A1A1A', muted: '5C6F82', primary: '0066CC', link: '0059B3', rule: 'B1B1B3', headerFill: 'E1ECF7', footFill: 'F2F2F2' };
// Sizes in half-points.
const SIZE = { body: 21, table: 18, caption: 19, note: 17 };

const SAFE_LINK = /^(https?:|mailto:)/i;
const CELL_MARGIN_TWIPS = 90;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

type BodyChild = Paragraph | Table | TableOfContents;

interface RichScope {
  notes: Map<number, number>;
  highest: number;
  parentLevel: number;
  /** The depth of the list the blocks are in (-1 outside lists). */
  listLevel: number;
  /** How many quotes the blocks are in. */
  quote: number;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  size?: number;
}

/** Numbering definitions made as lists are met: one bulleted definition, one numbered per starting number. */
class Numbering {
  private readonly starts = new Set<number>();
  private instance = 0;

  bullet(): { reference: string; instance: number } {
    return { reference: 'bullets', instance: ++this.instance };
  }

  ordered(start: number): { reference: string; instance: number } {
    this.starts.add(start);
    return { reference: `ordered-${start}`, instance: ++this.instance };
  }

  options(): INumberingOptions {
    const indent = (level: number) => ({ indent: { left: 360 * (level + 1), hanging: 300 } });
    return {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1, 2, 3, 4, 5].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: level % 2 === 0 ? '•' : '–',
            alignment: AlignmentType.LEFT,
            style: { paragraph: indent(level) },
          })),
        },
        ...[...this.starts].map((start) => ({
          reference: `ordered-${start}`,
          levels: [0, 1, 2, 3, 4, 5].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            start: level === 0 ? start : 1,
            alignment: AlignmentType.LEFT,
            style: { paragraph: indent(level) },
          })),
        })),
      ],
    };
  }
}

class DocxBuilder {
  readonly numbering = new Numbering();
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private footnoteId = 0;
  private lastModelLevel = 0;
  readonly model: DocModel;

  constructor(model: DocModel) {
    this.model = model;
  }

  // ---- runs

  private runs(inlines: Inline[], style: RunStyle, notes: Map<number, number> | null): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of inlines) {
      switch (node.t) {
        case 'text':
          out.push(this.textRun(node.text, style));
          break;
        case 'strong':
          out.push(...this.runs(node.children, { ...style, bold: true }, notes));
          break;
        case 'em':
          out.push(...this.runs(node.children, { ...style, italics: true }, notes));
          break;
        case 'code':
          out.push(this.textRun(node.text, { ...style, code: true }));
          break;
        case 'br':
          out.push(new TextRun({ break: 1 }));
          break;
        case 'link':
          if (SAFE_LINK.test(node.href)) {
            out.push(
              new ExternalHyperlink({
                link: node.href,
                children: inlineTextRuns(node.children).map(
                  (text) => new TextRun({ text, style: 'Hyperlink', size: style.size, bold: style.bold, italics: style.italics }),
                ),
              }),
            );
          } else {
            out.push(...this.runs(node.children, style, notes));
          }
          break;
        case 'footnoteRef': {
          const id = notes?.get(node.n);
          // A reference inside a footnote (Word has no notes of notes) stays as its number.
          out.push(id ? new FootnoteReferenceRun(id) : this.textRun(`(${node.n})`, style));
          break;
        }
      }
    }
    return out;
  }

  private textRun(text: string, style: RunStyle): TextRun {
    return new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size, color: style.code ? COLOR.muted : undefined });
  }

  // ---- the model's blocks

  blocks(): BodyChild[] {
    const out: BodyChild[] = [];
    for (const block of this.model.blocks) out.push(...this.block(block));
    return out;
  }

  private block(block: DocBlock): BodyChild[] {
    switch (block.kind) {
      case 'heading':
        this.lastModelLevel = block.level;
        return [new Paragraph({ heading: HEADINGS[block.level - 1], children: [new TextRun(block.text)] })];
      case 'paragraph':
        return [new Paragraph({ children: [new TextRun(block.text)] })];
      case 'rich':
        return this.rich(block.doc);
      case 'facts':
        return this.table(
          block.caption,
          null,
          block.rows.map((r) => [
            { text: r.label, bold: true, fill: COLOR.footFill },
            { text: r.value, bold: false },
          ]),
          [0.3, 0.7],
        );
      case 'table':
        return this.docTable(block.table);
      case 'list': {
        const numbering = block.ordered ? this.numbering.ordered(1) : this.numbering.bullet();
        return block.items.map((text) => new Paragraph({ numbering: { ...numbering, level: 0 }, children: [new TextRun(text)] }));
      }
      case 'chart':
        return [...this.chart(block), ...this.docTable(block.data)];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  }

  // ---- rich text

  private rich(doc: RichDoc): BodyChild[] {
    const notes = new Map<number, number>();
    for (const note of doc.footnotes) {
      const id = ++this.footnoteId;
      notes.set(note.n, id);
    }
    for (const note of doc.footnotes) {
      this.footnotes[String(notes.get(note.n))] = { children: this.flatParagraphs(note.blocks, 0) };
    }
    const headingLevels = doc.blocks.flatMap((b) => (b.t === 'heading' ? [b.level] : []));
    const highest = headingLevels.length ? Math.min(...headingLevels) : 1;
    return this.richBlocks(doc.blocks, { notes, highest, parentLevel: this.lastModelLevel, listLevel: -1, quote: 0 });
  }

  private richBlocks(blocks: Block[], scope: RichScope): BodyChild[] {
    // A quote's paragraphs are indented, with a bar on their left, in italics.
    const quote = scope.quote > 0 ? { border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLOR.rule, space: 8 } } } : {};
    const indent = (extra: number) => (extra > 0 || scope.quote > 0 ? { indent: { left: 400 * scope.quote + extra } } : {});
    const style: RunStyle = scope.quote > 0 ? { italics: true } : {};
    const out: BodyChild[] = [];
    for (const block of blocks) {
      switch (block.t) {
        case 'heading': {
          const level = nestedHeadingLevel(block.level, scope.highest, scope.parentLevel);
          out.push(new Paragraph({ heading: HEADINGS[level - 1], children: [new TextRun(inlineText(block.children))] }));
          break;
        }
        case 'paragraph':
          out.push(
            new Paragraph({
              ...quote,
              ...indent(scope.listLevel >= 0 ? 360 * (scope.listLevel + 1) : 0),
              children: this.runs(block.children, style, scope.notes),
            }),
          );
          break;
        case 'list': {
          const level = scope.listLevel + 1;
          const numbering = block.ordered ? this.numbering.ordered(block.start ?? 1) : this.numbering.bullet();
          for (const item of block.items) {
            // The item's first paragraph carries the number; the rest of the item is indented under it.
            const [first, ...rest] = item;
            if (first?.t === 'paragraph') {
              out.push(
                new Paragraph({
                  ...quote,
                  numbering: { ...numbering, level: Math.min(level, 5) },
                  spacing: block.tight ? { after: 40 } : undefined,
                  children: this.runs(first.children, style, scope.notes),
                }),
              );
              out.push(...this.richBlocks(rest, { ...scope, listLevel: level }));
            } else {
              out.push(new Paragraph({ ...quote, numbering: { ...numbering, level: Math.min(level, 5) }, children: [] }));
              out.push(...this.richBlocks(item, { ...scope, listLevel: level }));
            }
          }
          break;
        }
        case 'table':
          out.push(
            ...this.table(
              null,
              block.header.map((cell, c) => ({ inlines: cell, numeric: block.align[c] === 'right' })),
              block.rows.map((row) => row.map((cell, c) => ({ inlines: cell, numeric: block.align[c] === 'right' }))),
              null,
              scope.notes,
            ),
          );
          break;
        case 'quote':
          out.push(...this.richBlocks(block.children, { ...scope, quote: scope.quote + 1 }));
          break;
      }
    }
    return out;
  }

  /** A footnote's blocks as plain paragraphs: Word cannot hold lists (nor tables) in footnotes without breaking the file. */
  private flatParagraphs(blocks: Block[], depth: number): Paragraph[] {
    const style: RunStyle = { size: SIZE.note };
    const out: Paragraph[] = [];
    for (const block of blocks) {
      switch (block.t) {
        case 'heading':
        case 'paragraph':
          out.push(
            new Paragraph({
              style: 'FootnoteText',
              indent: depth ? { left: 284 * depth } : undefined,
              children: this.runs(block.children, { ...style, bold: block.t === 'heading' }, null),
            }),
          );
          break;
        case 'list':
          block.items.forEach((item, i) => {
            const label = block.ordered ? `${(block.start ?? 1) + i}. ` : '• ';
            const [first, ...rest] = item;
            if (first?.t === 'paragraph') {
              out.push(
                new Paragraph({
                  style: 'FootnoteText',
                  indent: { left: 284 * (depth + 1) },
                  children: [new TextRun({ text: label, size: SIZE.note }), ...this.runs(first.children, style, null)],
                }),
              );
              out.push(...this.flatParagraphs(rest, depth + 1));
            } else {
              out.push(
                new Paragraph({ style: 'FootnoteText', indent: { left: 284 * (depth + 1) }, children: [new TextRun({ text: label, size: SIZE.note })] }),
              );
              out.push(...this.flatParagraphs(item, depth + 1));
            }
          });
          break;
        case 'table':
          for (const row of [block.header, ...block.rows]) {
            out.push(
              new Paragraph({
                style: 'FootnoteText',
                indent: depth ? { left: 284 * depth } : undefined,
                children: [new TextRun({ text: row.map((cell) => inlineText(cell)).join(' — '), size: SIZE.note })],
              }),
            );
          }
          break;
        case 'quote':
          out.push(...this.flatParagraphs(block.children, depth + 1));
          break;
      }
    }
    return out;
  }

  // ---- tables

  private docTable(table: DocTable): BodyChild[] {
    return this.table(
      table.caption,
      table.columns.map((c) => ({ text: c.header, numeric: c.numeric })),
      [
        ...table.rows.map((row) => row.map((text, c) => ({ text, numeric: table.columns[c]?.numeric }))),
        ...(table.footer ? [table.footer.map((text, c) => ({ text, numeric: table.columns[c]?.numeric, bold: true, fill: COLOR.footFill }))] : []),
      ],
    );
  }

  /** A table with its caption above (kept with it), its header row repeated on each page, figures on the right. */
  private table(
    caption: string | null,
    head: { text?: string; inlines?: Inline[]; numeric?: boolean }[] | null,
    rows: { text?: string; inlines?: Inline[]; numeric?: boolean; bold?: boolean; fill?: string }[][],
    fractions: number[] | null = null,
    notes: Map<number, number> | null = null,
  ): BodyChild[] {
    const columns = Math.max(head?.length ?? 0, ...rows.map((r) => r.length));
    const widths = fractions ?? columnFractions(head, rows, columns);
    const twips = widths.map((f) => Math.floor(f * TEXT_WIDTH_TWIPS));
    const border = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule };
    const cell = (spec: { text?: string; inlines?: Inline[]; numeric?: boolean; bold?: boolean; fill?: string }, c: number, header: boolean) =>
      new TableCell({
        width: { size: twips[c], type: WidthType.DXA },
        margins: { top: 50, bottom: 50, left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS },
        shading: header || spec.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: header ? COLOR.headerFill : (spec.fill ?? 'FFFFFF') } : undefined,
        children: [
          new Paragraph({
            alignment: spec.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
            spacing: { before: 0, after: 0 },
            children: spec.inlines
              ? this.runs(spec.inlines, { size: SIZE.table, bold: header || spec.bold }, notes)
              : [new TextRun({ text: spec.text ?? '', size: SIZE.table, bold: header || spec.bold })],
          }),
        ],
      });
    const tableRows: TableRow[] = [];
    if (head) tableRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, c) => cell(h, c, true)) }));
    for (const row of rows) {
      const cells = Array.from({ length: columns }, (_, c) => row[c] ?? { text: '' });
      tableRows.push(new TableRow({ cantSplit: rows.length > 1, children: cells.map((spec, c) => cell(spec, c, false)) }));
    }
    const out: BodyChild[] = [];
    if (caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(caption)] }));
    out.push(
      new Table({
        width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
        columnWidths: twips,
        borders: {
          top: border,
          bottom: border,
          left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
          right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
          insideHorizontal: border,
          insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' },
        },
        rows: tableRows,
      }),
    );
    out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
    return out;
  }

  // ---- charts

  private chart(block: Extract<DocBlock, { kind: 'chart' }>): BodyChild[] {
    const width = Math.min(block.width, TEXT_WIDTH_PX);
    const height = Math.round((block.height * width) / block.width);
    let png: Buffer;
    try {
      png = chartPng(block.svg, width * 2);
    } catch (error) {
      throw new Error(`Grafico «${block.caption}»: SVG non disegnabile (${(error as Error).message})`, { cause: error });
    }
    return [
      new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] }),
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: png,
            transformation: { width, height },
            altText: { name: block.caption, title: block.caption, description: block.alt },
          }),
        ],
      }),
    ];
  }
}

/** The words of a link's children, one run for each styled part (the hyperlink style gives them their look). */
function inlineTextRuns(inlines: Inline[]): string[] {
  const text = inlineText(inlines);
  return text ? [text] : [];
}

/** Column widths (fractions of the text width) from the texts measured in the document's font, as in the PDF. */
function columnFractions(
  head: { text?: string; inlines?: Inline[] }[] | null,
  rows: { text?: string; inlines?: Inline[]; bold?: boolean }[][],
  columns: number,
): number[] {
  const widthPt = TEXT_WIDTH_TWIPS / 20;
  const padding = (2 * CELL_MARGIN_TWIPS) / 20 + 2;
  const sizePt = SIZE.table / 2;
  const extents = Array.from({ length: columns }, () => ({ min: 0, max: 0 }));
  const measure = (bold: boolean) => (text: string, style: TextStyle) => textWidth(text, faceStyle(bold || style.bold, style.italic), sizePt);
  const all = [...(head ? [head.map((spec) => ({ ...spec, bold: true }))] : []), ...rows];
  for (const row of all) {
    row.forEach((spec, c) => {
      const runs = spec.inlines ? inlineRuns(spec.inlines) : [{ text: spec.text ?? '', style: {} }];
      const extent = textExtent(runs, measure(!!spec.bold));
      extents[c].min = Math.max(extents[c].min, extent.min + padding);
      extents[c].max = Math.max(extents[c].max, extent.max + padding);
    });
  }
  return distributeColumns(extents, widthPt).map((w) => w / widthPt);
}

/** The chart's SVG as a PNG of the given width, its text in the document's font. */
export function chartPng(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: allFontPaths(), defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** Renders the plan document as a DOCX file. */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  const builder = new DocxBuilder(model);
  const body = builder.blocks();
  const { cover, labels, meta } = model;
  const language = { value: model.lang };
  const font = { name: FONT_FAMILY };

  const coverChildren: BodyChild[] = [
    new Paragraph({ spacing: { before: 2400, after: 240 }, children: [new TextRun({ text: cover.overline, bold: true, color: COLOR.primary, size: 26 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.title)] }),
    new Paragraph({ spacing: { after: 600 }, children: [new TextRun({ text: cover.subtitle, color: COLOR.muted, size: 30 })] }),
  ];
  if (cover.lines.length > 0) {
    coverChildren.push(
      new Table({
        width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
        columnWidths: [Math.floor(TEXT_WIDTH_TWIPS * 0.36), Math.floor(TEXT_WIDTH_TWIPS * 0.64)],
        borders: {
          top: { style: BorderStyle.NONE, size: 0, color: 'auto' },
          bottom: { style: BorderStyle.NONE, size: 0, color: 'auto' },
          left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
          right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
          insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'auto' },
          insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' },
        },
        rows: cover.lines.map(
          (line) =>
            new TableRow({
              children: [
                new TableCell({
                  width: { size: Math.floor(TEXT_WIDTH_TWIPS * 0.36), type: WidthType.DXA },
                  children: [new Paragraph({ children: [new TextRun({ text: line.label, color: COLOR.muted })] })],
                }),
                new TableCell({
                  width: { size: Math.floor(TEXT_WIDTH_TWIPS * 0.64), type: WidthType.DXA },
                  children: [new Paragraph({ children: [new TextRun(line.value)] })],
                }),
              ],
            }),
        ),
      }),
    );
  }

  const pageProperties = {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
    },
  };
  const [regular, bold, italic, boldItalic] = [fontChain('regular')[0], fontChain('bold')[0], fontChain('italic')[0], fontChain('boldItalic')[0]].map(fontFile);

  const doc = new Document({
    creator: meta.author,
    lastModifiedBy: meta.author,
    title: meta.title,
    subject: meta.subject,
    description: meta.subject,
    keywords: meta.keywords.join(', '),
    features: { updateFields: true },
    fonts: [{ name: FONT_FAMILY, data: regular, bold, italic, boldItalic, characterSet: CharacterSet.ANSI }],
    numbering: builder.numbering.options(),
    footnotes: builder.footnotes,
    styles: {
      default: {
        document: {
          run: { font, size: SIZE.body, color: COLOR.text, language },
          paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font, size: 60, bold: true, color: COLOR.text }, paragraph: { spacing: { after: 240 } } },
        heading1: {
          run: { font, size: 40, bold: true, color: COLOR.primary },
          paragraph: { outlineLevel: 0, keepNext: true, keepLines: true, spacing: { before: 360, after: 200 } },
        },
        heading2: {
          run: { font, size: 30, bold: true, color: COLOR.primary },
          paragraph: { outlineLevel: 1, keepNext: true, keepLines: true, spacing: { before: 280, after: 140 } },
        },
        heading3: {
          run: { font, size: 25, bold: true, color: COLOR.text },
          paragraph: { outlineLevel: 2, keepNext: true, keepLines: true, spacing: { before: 220, after: 100 } },
        },
        heading4: {
          run: { font, size: 23, bold: true, color: COLOR.text },
          paragraph: { outlineLevel: 3, keepNext: true, spacing: { before: 180, after: 80 } },
        },
        heading5: {
          run: { font, size: 22, bold: true, color: COLOR.text },
          paragraph: { outlineLevel: 4, keepNext: true, spacing: { before: 160, after: 80 } },
        },
        heading6: {
          run: { font, size: 21, bold: true, italics: true, color: COLOR.text },
          paragraph: { outlineLevel: 5, keepNext: true, spacing: { before: 160, after: 80 } },
        },
        caption: {
          run: { font, size: SIZE.caption, bold: true, italics: false, color: COLOR.text },
          paragraph: { keepNext: true, spacing: { before: 120, after: 80 } },
        },
        hyperlink: { run: { color: COLOR.link, underline: {} } },
        footnoteText: { run: { font, size: SIZE.note } },
      },
      paragraphStyles: [
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font, size: 40, bold: true, color: COLOR.primary },
          paragraph: { spacing: { after: 200 } },
        },
      ],
    },
    sections: [
      { properties: pageProperties, children: coverChildren },
      {
        properties: { ...pageProperties, page: { ...pageProperties.page, pageNumbers: { start: 2 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: meta.title, size: 17, color: COLOR.muted })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [`${labels.page} `, PageNumber.CURRENT], size: 17, color: COLOR.muted })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ style: 'TOCHeading', children: [new TextRun(labels.toc)] }),
          new TableOfContents(labels.toc, { hyperlink: true, headingStyleRange: '1-2' }),
          new Paragraph({ children: [new PageBreak()] }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
