// The rich text of Cantiere (plan chapters, report introductions): stored as Markdown (CommonMark with GFM tables and
// footnotes), parsed into this small tree. Every renderer (web page, DOCX, PDF) draws the tree, never raw HTML, so
// what is stored cannot inject markup anywhere.

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'strong'; children: Inline[] }
  | { t: 'em'; children: Inline[] }
  | { t: 'link'; href: string; children: Inline[] }
  | { t: 'code'; text: string }
  | { t: 'footnoteRef'; n: number }
  | { t: 'br' };

export type Align = 'left' | 'center' | 'right' | null;

export type Block =
  | { t: 'heading'; level: 1 | 2 | 3 | 4; children: Inline[] }
  | { t: 'paragraph'; children: Inline[] }
  /** `tight`: the items are single lines, without blank lines between them (a renderer may drop their paragraph spacing). */
  | { t: 'list'; ordered: boolean; start?: number; tight?: boolean; items: Block[][] }
  | { t: 'table'; align: Align[]; header: Inline[][]; rows: Inline[][][] }
  | { t: 'quote'; children: Block[] };

/** A parsed text: its blocks, and its footnotes numbered 1…n in order of first reference. */
export interface RichDoc {
  blocks: Block[];
  footnotes: { n: number; blocks: Block[] }[];
}
