// Legacy chapter text: before Markdown, chapters were stored and exchanged as sanitised HTML restricted to the tag set
// of the plan exchange format (p, br, strong/b, em/i, u, s, sub, sup, ul, ol, li, blockquote, h2-h6, table, caption,
// thead, tbody, tfoot, tr, th, td, a). This converts that HTML to the Markdown of richtext.ts without a DOM: a small
// tokenizer is enough for a closed tag set. What Markdown cannot say is simplified, never lost as text: underline,
// subscript and superscript become plain text, a caption becomes a bold line above its table, a merged cell is
// followed by empty cells, links that would not survive (anchors, other schemes) keep their words.
import { safeHref } from './richtext.ts';

type Node = { tag: string; attrs: Record<string, string>; children: Node[] } | string;

const VOID = new Set(['br']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  deg: '°',
  agrave: 'à',
  egrave: 'è',
  eacute: 'é',
  igrave: 'ì',
  ograve: 'ò',
  ugrave: 'ù',
  Agrave: 'À',
  Egrave: 'È',
  Eacute: 'É',
  Igrave: 'Ì',
  Ograve: 'Ò',
  Ugrave: 'Ù',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  sect: '§',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const safeCodePoint = (n: number) => (Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null);

/** The HTML as a tree (tags lower-cased; an unmatched closing tag is ignored, unclosed tags close at the end). */
function parseHtml(html: string): Node[] {
  const root: Node[] = [];
  const stack: { tag: string; children: Node[] }[] = [{ tag: '#root', children: root }];
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
  let last = 0;
  const text = (s: string) => {
    if (s) stack[stack.length - 1]!.children.push(decodeEntities(s));
  };
  for (const m of html.matchAll(tagRe)) {
    text(html.slice(last, m.index));
    last = m.index + m[0].length;
    const [, closing, rawName, rawAttrs] = m;
    const tag = rawName!.toLowerCase();
    if (closing) {
      const at = stack.findLastIndex((e) => e.tag === tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs!.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const node = { tag, attrs, children: [] as Node[] };
    stack[stack.length - 1]!.children.push(node);
    if (!VOID.has(tag)) stack.push(node);
  }
  text(html.slice(last).replace(/<!--[\s\S]*?-->/g, ''));
  return root;
}

// ───────────────────────────── inline ─────────────────────────────

/** Escapes the characters Markdown would read as marks inside a line of text. */
function escapeText(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
}

/** Escapes what would start a block at the beginning of a line (heading, list item, quote, numbered item). */
function escapeLineStart(line: string): string {
  if (/^\s*[-=]+\s*$/.test(line)) return line.replace(/^(\s*)/, '$1\\');
  return line.replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s)|>|(\d{1,9})([.)])(?=\s|$))/, (_all, space: string, mark: string, digits?: string, dot?: string) =>
    digits ? `${space}${digits}\\${dot}` : `${space}\\${mark}`,
  );
}

const BREAK = '\u0000BR\u0000';

/** The Markdown of inline content; line breaks are marked and resolved by the caller (a hard break or a space). */
function inline(nodes: Node[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') {
      out += escapeText(n.replace(/\s+/g, ' '));
      continue;
    }
    const inner = () => inline(n.children);
    switch (n.tag) {
      case 'br':
        out += BREAK;
        break;
      case 'strong':
      case 'b':
        out += wrap(inner(), '**');
        break;
      case 'em':
      case 'i':
        out += wrap(inner(), '*');
        break;
      case 's':
        out += wrap(inner(), '~~');
        break;
      case 'a': {
        const href = safeHref(n.attrs.href);
        const words = inner();
        out += href && words.trim() ? `[${words.trim()}](${/[\s()<>]/.test(href) ? `<${href.replace(/>/g, '%3E')}>` : href})` : words;
        break;
      }
      default:
        // u, sub, sup and anything else: the words only.
        out += inner();
    }
  }
  return out;
}

/** `**x**` around the words, keeping the spaces outside the marks (Markdown does not open a mark before a space). */
function wrap(content: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : content;
}

/** A paragraph's lines: inner whitespace collapsed, breaks as hard breaks, each line safe at its start. */
function paragraph(nodes: Node[]): string {
  const text = inline(nodes).replace(/ {2,}/g, ' ').trim();
  if (!text.replaceAll(BREAK, '').trim()) return '';
  return text
    .split(BREAK)
    .map((l) => escapeLineStart(l.trim()))
    .join('\\\n')
    .replace(/\\\n$/, '');
}

// ───────────────────────────── blocks ─────────────────────────────

const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'li']);

/** Blocks of a container, each marked when it is a list; loose inline content between blocks is a paragraph of its own. */
function blockParts(nodes: Node[]): { text: string; list: boolean }[] {
  const out: { text: string; list: boolean }[] = [];
  let pending: Node[] = [];
  const flush = () => {
    const p = paragraph(pending);
    if (p) out.push({ text: p, list: false });
    pending = [];
  };
  for (const n of nodes) {
    if (typeof n === 'string' || !BLOCK_TAGS.has(n.tag)) {
      pending.push(n);
      continue;
    }
    flush();
    const b = block(n);
    if (b) out.push({ text: b, list: n.tag === 'ul' || n.tag === 'ol' });
  }
  flush();
  return out;
}

const blocks = (nodes: Node[]) => blockParts(nodes).map((p) => p.text);

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

function block(n: Exclude<Node, string>): string {
  switch (n.tag) {
    case 'p':
      return paragraph(n.children);
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      // Under the chapter's own title, <h2> was the text's first level: it becomes "#".
      const level = Math.min(4, Math.max(1, Number(n.tag[1]) - 1));
      const text = inline(n.children).replaceAll(BREAK, ' ').replace(/\s+/g, ' ').trim();
      return text ? `${'#'.repeat(level)} ${text}` : '';
    }
    case 'blockquote':
      return blocks(n.children)
        .join('\n\n')
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    case 'ul':
    case 'ol': {
      const ordered = n.tag === 'ol';
      const start = ordered ? Number(n.attrs.start ?? 1) || 1 : 1;
      // Words directly inside the list (outside any <li>) are an item of their own.
      const items: Exclude<Node, string>[] = [];
      for (const c of n.children) {
        if (typeof c !== 'string' && c.tag === 'li') items.push(c);
        else if (typeof c !== 'string' || c.trim()) {
          const last = items[items.length - 1];
          if (last?.attrs.stray) last.children.push(c);
          else items.push({ tag: 'li', attrs: { stray: '1' }, children: [c] });
        }
      }
      // An item's text and its sub-list stay together (a tight list); two paragraphs in an item make the list loose.
      const rendered = items.map((li) => blockParts(li.children));
      const loose = rendered.some((parts) => parts.filter((p) => !p.list).length > 1);
      return rendered
        .map((parts, k) => {
          const marker = ordered ? `${start + k}. ` : '- ';
          const body = parts.map((p, i) => (i === 0 ? '' : p.list && !loose ? '\n' : '\n\n') + p.text).join('');
          const [first = '', ...rest] = body.split('\n');
          return `${marker}${first}${rest.length ? `\n${indent(rest.join('\n'), ' '.repeat(marker.length))}` : ''}`;
        })
        .join(loose ? '\n\n' : '\n');
    }
    case 'li':
      return `- ${blocks(n.children).join('\n\n')}`;
    case 'table':
      return table(n);
    default:
      return paragraph([n]);
  }
}

function table(n: Exclude<Node, string>): string {
  const rows: { cells: string[]; head: boolean }[] = [];
  let caption = '';
  // Words outside the cells (not valid HTML, but never lost): a paragraph above the table.
  const stray: Node[] = [];
  const visit = (nodes: Node[], inHead: boolean) => {
    for (const c of nodes) {
      if (typeof c === 'string') {
        if (c.trim()) stray.push(c);
        continue;
      }
      if (c.tag === 'caption') caption = inline(c.children).replaceAll(BREAK, ' ').replace(/\s+/g, ' ').trim();
      else if (c.tag === 'thead') visit(c.children, true);
      else if (c.tag === 'tbody' || c.tag === 'tfoot') visit(c.children, false);
      else if (c.tag === 'tr') {
        const cells: string[] = [];
        let allTh = true;
        for (const cell of c.children) {
          if (typeof cell === 'string' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
          if (cell.tag !== 'th') allTh = false;
          cells.push(inline(cell.children).replaceAll(BREAK, ' ').replace(/\s+/g, ' ').trim());
          for (let k = 1; k < (Number(cell.attrs.colspan) || 1); k++) cells.push('');
        }
        rows.push({ cells, head: inHead || (rows.length === 0 && allTh && cells.length > 0) });
      } else stray.push(c);
    }
  };
  visit(n.children, false);
  const above = [paragraph(stray), caption ? `**${caption}**` : ''].filter(Boolean);
  if (!rows.length) return above.join('\n\n');
  const width = Math.max(...rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  const line = (cells: string[]) => `| ${pad(cells).join(' | ')} |`;
  // GFM needs exactly one header row: the first header row, or an empty one when the table has none.
  const headIndex = rows.findIndex((r) => r.head);
  const header = headIndex === 0 ? rows[0]!.cells : Array<string>(width).fill('');
  const body = (headIndex === 0 ? rows.slice(1) : rows).map((r) => r.cells);
  const out = [line(header), `| ${Array<string>(width).fill('---').join(' | ')} |`, ...body.map(line)].join('\n');
  return [...above, out].join('\n\n');
}

/** Converts legacy sanitised chapter HTML to Markdown (blocks separated by a blank line, no trailing newline). */
export function htmlToMarkdown(html: string): string {
  return blocks(parseHtml(html ?? ''))
    .join('\n\n')
    .trim();
}
