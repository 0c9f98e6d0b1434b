// The rich text of Cantiere: Markdown (CommonMark, GFM tables, footnotes) parsed by markdown-it into the small tree of
// richtext.types.ts. Raw HTML is never interpreted (it stays text), only http:, https:, mailto: and site-relative links
// survive, headings deeper than 4 are clamped. The same parser runs on the server (validation, documents) and in the
// browser (the editor's preview), so what the preview shows is what is stored and printed.
import MarkdownIt, { type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { formatNumber } from '../format/index.ts';
import { formatLocale, translate, type MessageKey, type UiLocale } from '../i18n/messages.ts';
import type { Align, Block, Inline, RichDoc } from './richtext.types.ts';

export type { Align, Block, Inline, RichDoc } from './richtext.types.ts';

/** The longest text accepted (characters). */
export const RICH_TEXT_MAX_LENGTH = 200_000;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);
// Every link is parsed as a link, whatever its scheme: the tree keeps only the safe ones (safeHref) and the validation
// names the others, instead of markdown-it silently leaving them as text.
md.validateLink = () => true;

/** The link if it may be kept: http(s), mailto, or a page of the site ("/…", not "//host"); otherwise null. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const h = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(h)) return h;
  if (/^\/(?![/\\])/.test(h)) return h;
  return null;
}

const clampLevel = (n: number): 1 | 2 | 3 | 4 => Math.min(4, Math.max(1, n)) as 1 | 2 | 3 | 4;

function alignOf(token: Token): Align {
  const style = String(token.attrGet('style') ?? '');
  const m = /text-align:\s*(left|center|right)/.exec(style);
  return m ? (m[1] as Align) : null;
}

/** Adds an inline node, joining consecutive texts. */
function pushInline(list: Inline[], node: Inline) {
  if (node.t === 'text') {
    if (!node.text) return;
    const last = list[list.length - 1];
    if (last?.t === 'text') {
      last.text += node.text;
      return;
    }
  }
  list.push(node);
}

function convertInlines(children: Token[] | null): Inline[] {
  const root: Inline[] = [];
  // Each open container: where its children go, and (for an unsafe link or a strikethrough, which the tree does not
  // keep) null: its children are given back to the parent when it closes.
  const stack: { parent: Inline[]; node: Inline | null; children: Inline[] }[] = [];
  let current = root;
  const open = (node: Inline | null, children: Inline[]) => {
    stack.push({ parent: current, node, children });
    current = children;
  };
  const close = () => {
    const top = stack.pop();
    if (!top) return;
    current = top.parent;
    if (top.node) current.push(top.node);
    else for (const child of top.children) pushInline(current, child);
  };
  for (const tok of children ?? []) {
    switch (tok.type) {
      case 'text':
      case 'text_special':
      case 'html_inline':
        pushInline(current, { t: 'text', text: tok.content });
        break;
      case 'softbreak':
        pushInline(current, { t: 'text', text: ' ' });
        break;
      case 'hardbreak':
        current.push({ t: 'br' });
        break;
      case 'code_inline':
        current.push({ t: 'code', text: tok.content });
        break;
      case 'strong_open': {
        const node: Inline = { t: 'strong', children: [] };
        open(node, node.children);
        break;
      }
      case 'em_open': {
        const node: Inline = { t: 'em', children: [] };
        open(node, node.children);
        break;
      }
      case 'link_open': {
        const href = safeHref(String(tok.attrGet('href') ?? ''));
        if (href) {
          const node: Inline = { t: 'link', href, children: [] };
          open(node, node.children);
        } else open(null, []);
        break;
      }
      case 's_open':
        open(null, []);
        break;
      case 'strong_close':
      case 'em_close':
      case 'link_close':
      case 's_close':
        close();
        break;
      case 'image':
        // No images in the text: their description stays.
        pushInline(current, { t: 'text', text: tok.content });
        break;
      case 'footnote_ref':
        current.push({ t: 'footnoteRef', n: (tok.meta as { id: number }).id + 1 });
        break;
      default:
        break;
    }
  }
  while (stack.length) close();
  return root;
}

/** Reads blocks from tokens[cursor.i] up to the closing token `until` (consumed), or to the end. */
function convertBlocks(tokens: Token[], cursor: { i: number }, until: string | null, footnotes: RichDoc['footnotes']): Block[] {
  const out: Block[] = [];
  while (cursor.i < tokens.length) {
    const tok = tokens[cursor.i]!;
    if (until && tok.type === until) {
      cursor.i++;
      return out;
    }
    switch (tok.type) {
      case 'heading_open': {
        const children = convertInlines(tokens[cursor.i + 1]!.children);
        out.push({ t: 'heading', level: clampLevel(Number(tok.tag.slice(1))), children });
        cursor.i += 3;
        break;
      }
      case 'paragraph_open': {
        const children = convertInlines(tokens[cursor.i + 1]!.children);
        if (children.length) out.push({ t: 'paragraph', children });
        cursor.i += 2;
        // A footnote's paragraph carries its back-references before closing: skip them.
        while (cursor.i < tokens.length && tokens[cursor.i]!.type !== 'paragraph_close') cursor.i++;
        cursor.i++;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = tok.type === 'ordered_list_open';
        const closeType = ordered ? 'ordered_list_close' : 'bullet_list_close';
        let tight = true;
        for (let k = cursor.i + 1; k < tokens.length && !(tokens[k]!.type === closeType && tokens[k]!.level === tok.level); k++) {
          const t = tokens[k]!;
          if (t.type === 'paragraph_open' && t.level === tok.level + 2 && !t.hidden) tight = false;
        }
        cursor.i++;
        const items: Block[][] = [];
        while (cursor.i < tokens.length && tokens[cursor.i]!.type === 'list_item_open') {
          cursor.i++;
          items.push(convertBlocks(tokens, cursor, 'list_item_close', footnotes));
        }
        cursor.i++; // the list's closing token
        const start = Number(tok.attrGet('start') ?? 1) || 1;
        out.push({ t: 'list', ordered, ...(ordered && start !== 1 ? { start } : {}), tight, items });
        break;
      }
      case 'blockquote_open': {
        cursor.i++;
        out.push({ t: 'quote', children: convertBlocks(tokens, cursor, 'blockquote_close', footnotes) });
        break;
      }
      case 'table_open': {
        const align: Align[] = [];
        const header: Inline[][] = [];
        const rows: Inline[][][] = [];
        let inHead = false;
        let row: Inline[][] | null = null;
        cursor.i++;
        while (cursor.i < tokens.length && tokens[cursor.i]!.type !== 'table_close') {
          const t = tokens[cursor.i]!;
          if (t.type === 'thead_open') inHead = true;
          else if (t.type === 'thead_close') inHead = false;
          else if (t.type === 'tr_open') row = [];
          else if (t.type === 'tr_close' && row) {
            if (inHead) header.push(...row);
            else rows.push(row);
            row = null;
          } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
            if (inHead) align.push(alignOf(t));
            row.push(convertInlines(tokens[cursor.i + 1]!.children));
            cursor.i++;
          }
          cursor.i++;
        }
        cursor.i++;
        out.push({ t: 'table', align, header, rows });
        break;
      }
      case 'fence':
      case 'code_block': {
        const lines = tok.content.replace(/\n$/, '').split('\n');
        const children: Inline[] = [];
        lines.forEach((line, k) => {
          if (k > 0) children.push({ t: 'br' });
          children.push({ t: 'code', text: line });
        });
        out.push({ t: 'paragraph', children });
        cursor.i++;
        break;
      }
      case 'footnote_block_open': {
        cursor.i++;
        while (cursor.i < tokens.length && tokens[cursor.i]!.type === 'footnote_open') {
          const n = (tokens[cursor.i]!.meta as { id: number }).id + 1;
          cursor.i++;
          footnotes.push({ n, blocks: convertBlocks(tokens, cursor, 'footnote_close', footnotes) });
        }
        cursor.i++;
        break;
      }
      default:
        // hr, footnote anchors and anything the tree does not keep.
        cursor.i++;
        break;
    }
  }
  return out;
}

/** Parses a Markdown text into the rich-text tree (never throws: what is not allowed becomes plain text). */
export function parseRichText(markdown: string): RichDoc {
  const tokens = md.parse(markdown ?? '', {});
  const footnotes: RichDoc['footnotes'] = [];
  const blocks = convertBlocks(tokens, { i: 0 }, null, footnotes);
  footnotes.sort((a, b) => a.n - b.n);
  return { blocks, footnotes };
}

// ───────────────────────────── plain text ─────────────────────────────

function plainInlines(list: Inline[]): string {
  return list
    .map((n) => {
      switch (n.t) {
        case 'text':
        case 'code':
          return n.text;
        case 'strong':
        case 'em':
        case 'link':
          return plainInlines(n.children);
        case 'footnoteRef':
          return `[${n.n}]`;
        case 'br':
          return '\n';
      }
    })
    .join('');
}

function plainBlocks(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.t) {
        case 'heading':
        case 'paragraph':
          return plainInlines(b.children);
        case 'list':
          return b.items.map((item, k) => `${b.ordered ? `${(b.start ?? 1) + k}.` : '-'} ${plainBlocks(item).replace(/\n+/g, ' ')}`).join('\n');
        case 'table':
          return [b.header, ...b.rows].map((row) => row.map(plainInlines).join(' | ')).join('\n');
        case 'quote':
          return plainBlocks(b.children);
      }
    })
    .filter((s) => s !== '')
    .join('\n\n');
}

/** The text without its marks (for search, alternative texts, tooltips): blocks separated by a blank line, notes last. */
export function richTextPlain(doc: RichDoc): string {
  const notes = doc.footnotes.map((f) => `[${f.n}] ${plainBlocks(f.blocks).replace(/\n+/g, ' ')}`);
  return [plainBlocks(doc.blocks), ...notes].filter((s) => s !== '').join('\n\n');
}

// ───────────────────────────── validation ─────────────────────────────

/** A problem of a text, with the line (1-based) it is on when it has one, worded in the language asked. */
export interface RichTextProblem {
  line: number | null;
  key: MessageKey;
  params: Record<string, string | number>;
  message: string;
}

const MAX_PROBLEMS = 20;

/**
 * The problems of a Markdown text, in the order of the text: too long, links that would be dropped (javascript:,
 * data:, relative paths…), images, HTML tags typed as text, footnotes referenced but not written, or written but never
 * referenced. An empty list means the text is stored and shown as written.
 */
export function validateRichText(markdown: string, locale: UiLocale = 'it'): RichTextProblem[] {
  const problems: RichTextProblem[] = [];
  const add = (line: number | null, key: MessageKey, params: Record<string, string | number> = {}) => {
    const all = line === null ? params : { ...params, line };
    problems.push({ line, key, params: all, message: translate(locale, key, all) });
  };
  const text = markdown ?? '';
  if (text.length > RICH_TEXT_MAX_LENGTH) {
    const lang = formatLocale(locale);
    add(null, 'richtext.problem.tooLong', { length: formatNumber(lang, text.length), max: formatNumber(lang, RICH_TEXT_MAX_LENGTH) });
    return problems;
  }
  const lines = text.split(/\r\n?|\n/);
  /** The line (1-based) of `needle` within the block's lines [from, to), or the block's first line. */
  const lineOf = (map: [number, number] | null, needle: string) => {
    if (!map) return 1;
    const lower = needle.toLowerCase();
    for (let k = map[0]; k < Math.max(map[1], map[0] + 1) && k < lines.length; k++) if (lines[k]!.toLowerCase().includes(lower)) return k + 1;
    return map[0] + 1;
  };

  const env: { footnotes?: { refs?: Record<string, number>; list?: { label?: string }[] } } = {};
  const tokens = md.parse(text, env);
  const defined = new Set(Object.keys(env.footnotes?.refs ?? {}).map((k) => k.slice(1)));
  const referenced = new Set((env.footnotes?.list ?? []).map((f) => f.label).filter((l): l is string => !!l));

  const found: { line: number; key: MessageKey; params: Record<string, string> }[] = [];
  let blockMap: [number, number] | null = null;
  for (const tok of tokens) {
    if (tok.map) blockMap = tok.map;
    if (tok.type !== 'inline') continue;
    for (const child of tok.children ?? []) {
      if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '');
        if (!safeHref(href)) found.push({ line: lineOf(blockMap, href.slice(0, 12) || ']('), key: 'richtext.problem.link', params: { href } });
      } else if (child.type === 'image') {
        found.push({ line: lineOf(blockMap, '!['), key: 'richtext.problem.image', params: {} });
      } else if (child.type === 'text') {
        for (const m of child.content.matchAll(/\[\^([^\]\s]+)\]/g)) {
          if (!defined.has(m[1]!)) found.push({ line: lineOf(blockMap, m[0]), key: 'richtext.problem.footnoteMissing', params: { label: m[1]! } });
        }
      }
    }
  }
  // Footnotes written but never referenced (markdown-it drops them), and HTML tags typed as text (shown as they are).
  let fenced = false;
  lines.forEach((line, k) => {
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const def = /^\s{0,3}\[\^([^\]\s]+)\]:/.exec(line);
    if (def && !referenced.has(def[1]!)) found.push({ line: k + 1, key: 'richtext.problem.footnoteUnused', params: { label: def[1]! } });
    const tag = /(^|[^\\])(<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>)/.exec(line.replace(/`[^`]*`/g, ''));
    if (tag) found.push({ line: k + 1, key: 'richtext.problem.html', params: { tag: tag[2]!.slice(0, 40) } });
  });
  found.sort((a, b) => a.line - b.line);
  for (const f of found.slice(0, MAX_PROBLEMS)) add(f.line, f.key, f.params);
  return problems;
}
