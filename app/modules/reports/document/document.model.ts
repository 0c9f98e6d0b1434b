// The plan document as data: what the DOCX and PDF renderers draw, in order. Built on the server from a plan version
// (reports/plan-document.build.ts); the renderers know nothing of the database, of plans or of languages — every
// string they print is in the model.
import type { RichDoc } from '../../../shared/richtext/richtext.types.ts';

export interface DocTable {
  caption: string;
  columns: { header: string; numeric?: boolean }[];
  /** Cell texts, already formatted in the document's language. */
  rows: string[][];
  /** A total row, drawn in bold after the rows. */
  footer?: string[];
}

export type DocBlock =
  /** Level 1 and 2 headings enter the table of contents and the PDF bookmarks. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'rich'; doc: RichDoc }
  /** A record as a two-column table (label | value), e.g. an objective card. */
  | { kind: 'facts'; caption: string; rows: { label: string; value: string }[] }
  | { kind: 'table'; table: DocTable }
  | { kind: 'list'; ordered: boolean; items: string[] }
  /** A chart as SVG (ECharts server rendering), its alternative text, and its data as a table printed after it. */
  | { kind: 'chart'; caption: string; alt: string; svg: string; width: number; height: number; data: DocTable }
  | { kind: 'pageBreak' };

export interface DocModel {
  /** BCP 47 language of the document (PDF /Lang, DOCX language). */
  lang: 'it-IT' | 'en-GB';
  /** Document metadata (PDF Info/XMP, DOCX core properties). */
  meta: { title: string; author: string; subject: string; keywords: string[]; createdAt: string };
  cover: {
    /** e.g. "Ambito territoriale di Gallarate". */
    overline: string;
    title: string;
    subtitle: string;
    /** Lines under the title: period, template, status, adoption act, version, hash, generation date. */
    lines: { label: string; value: string }[];
  };
  /** Fixed words of the document in its language. */
  labels: { toc: string; page: string; footnotes: string; chartData: string; continued: string };
  blocks: DocBlock[];
}
