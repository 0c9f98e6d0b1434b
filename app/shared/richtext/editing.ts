// What the buttons of the rich-text editor do to the text: pure functions from the text and its selection to one
// replacement (a range, the text that replaces it, and what to select afterwards). The editor applies it to its
// textarea (keeping the browser's undo); the tests check it without a browser.

export const EDIT_ACTIONS = ['heading', 'bold', 'italic', 'bullets', 'numbers', 'link', 'table', 'footnote'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];

/** The words the editor inserts where nothing is selected, in the page's language. */
export interface EditWords {
  heading: string;
  bold: string;
  italic: string;
  item: string;
  link: string;
  column: (n: number) => string;
  cell: string;
  note: string;
}

export interface Edit {
  from: number;
  to: number;
  insert: string;
  selectFrom: number;
  selectTo: number;
}

/** Replaces [from, to) by `insert` and selects all of it. */
const replaceAndSelect = (from: number, to: number, insert: string): Edit => ({ from, to, insert, selectFrom: from, selectTo: from + insert.length });

function wrapInline(value: string, start: number, end: number, mark: string, placeholder: string): Edit {
  const m = mark.length;
  const selected = value.slice(start, end);
  if (!selected) {
    const insert = `${mark}${placeholder}${mark}`;
    return { from: start, to: end, insert, selectFrom: start + m, selectTo: start + m + placeholder.length };
  }
  // Already marked around the selection (the marks just outside it, or included in it): remove the marks.
  // For italics, a single star: not one half of a bold mark.
  const single = (at: number) => mark !== '*' || value[at] !== '*';
  if (start >= m && value.slice(start - m, start) === mark && value.slice(end, end + m) === mark && single(start - m - 1) && single(end + m)) {
    return { from: start - m, to: end + m, insert: selected, selectFrom: start - m, selectTo: start - m + selected.length };
  }
  if (selected.length > 2 * m && selected.startsWith(mark) && selected.endsWith(mark)) {
    const inner = selected.slice(m, -m);
    return replaceAndSelect(start, end, inner);
  }
  // Spaces at the edges of the selection stay outside the marks (Markdown does not open a mark before a space).
  const lead = /^\s*/.exec(selected)![0];
  const trail = /\s*$/.exec(selected)![0];
  const core = selected.slice(lead.length, selected.length - trail.length);
  if (!core) return { from: start, to: end, insert: `${selected}${mark}${placeholder}${mark}`, selectFrom: end + m, selectTo: end + m + placeholder.length };
  const insert = `${lead}${mark}${core}${mark}${trail}`;
  return { from: start, to: end, insert, selectFrom: start + lead.length + m, selectTo: start + lead.length + m + core.length };
}

/** The whole lines the selection touches: [from, to). */
function lineRange(value: string, start: number, end: number): [number, number] {
  const from = value.lastIndexOf('\n', start - 1) + 1;
  // A selection ending at the start of a line does not include that line.
  const last = end > start && value[end - 1] === '\n' ? end - 1 : end;
  const nl = value.indexOf('\n', last);
  return [from, Math.max(from, nl === -1 ? value.length : nl)];
}

const HEADING = /^#{1,6}\s+/;
const LIST_MARK = /^\s*([-*+]|\d{1,9}[.)])\s+/;

function prefixLines(value: string, start: number, end: number, action: 'heading' | 'bullets' | 'numbers', placeholder: string): Edit {
  const [from, to] = lineRange(value, start, end);
  const lines = value.slice(from, to).split('\n');
  if (lines.length === 1 && !lines[0]!.trim()) {
    const mark = action === 'heading' ? '## ' : action === 'bullets' ? '- ' : '1. ';
    const insert = `${mark}${placeholder}`;
    return { from, to, insert, selectFrom: from + mark.length, selectTo: from + insert.length };
  }
  const filled = lines.filter((l) => l.trim());
  let out: string[];
  if (action === 'heading') {
    out = filled.every((l) => HEADING.test(l)) ? lines.map((l) => l.replace(HEADING, '')) : lines.map((l) => (l.trim() ? `## ${l.replace(HEADING, '')}` : l));
  } else {
    const has = action === 'bullets' ? (l: string) => /^\s*[-*+]\s+/.test(l) : (l: string) => /^\s*\d{1,9}[.)]\s+/.test(l);
    if (filled.every(has)) out = lines.map((l) => l.replace(LIST_MARK, ''));
    else {
      let k = 0;
      out = lines.map((l) => (l.trim() ? `${action === 'bullets' ? '-' : `${++k}.`} ${l.replace(LIST_MARK, '').replace(HEADING, '')}` : l));
    }
  }
  return replaceAndSelect(from, to, out.join('\n'));
}

/** The blank lines a block needs around it at `at`: before (unless at the start) and after (unless at the end). */
function blockAt(value: string, at: number, block: string) {
  const before = value.slice(0, at);
  const after = value.slice(at);
  const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' ? '' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return { lead, text: `${lead}${block}${trail}` };
}

/** The edit a button (or a shortcut) makes on the text `value` whose selection is [start, end). */
export function editFor(action: EditAction, value: string, start: number, end: number, words: EditWords): Edit {
  const s = Math.max(0, Math.min(start, end, value.length));
  const e = Math.min(value.length, Math.max(start, end));
  switch (action) {
    case 'bold':
      return wrapInline(value, s, e, '**', words.bold);
    case 'italic':
      return wrapInline(value, s, e, '*', words.italic);
    case 'heading':
      return prefixLines(value, s, e, 'heading', words.heading);
    case 'bullets':
    case 'numbers':
      return prefixLines(value, s, e, action, words.item);
    case 'link': {
      const text = value.slice(s, e).trim() || words.link;
      const insert = `[${text}](https://)`;
      const url = s + text.length + 3;
      return { from: s, to: e, insert, selectFrom: url, selectTo: url + 'https://'.length };
    }
    case 'table': {
      const c1 = words.column(1);
      const table = [`| ${c1} | ${words.column(2)} |`, '| --- | --- |', `| ${words.cell} | ${words.cell} |`].join('\n');
      // After the lines the selection touches, so that a table never splits a paragraph.
      const at = lineRange(value, s, e)[1];
      const { lead, text } = blockAt(value, at, table);
      return { from: at, to: at, insert: text, selectFrom: at + lead.length + 2, selectTo: at + lead.length + 2 + c1.length };
    }
    case 'footnote': {
      const used = [...value.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
      const n = used.length ? Math.max(...used) + 1 : 1;
      // The reference after the selection, the note at the end of the text: one replacement from there to the end.
      const tail = value.slice(e).replace(/\s+$/, '');
      const ref = `[^${n}]`;
      const sep = tail === '' && value.slice(0, e).trim() === '' ? '' : '\n\n';
      const insert = `${ref}${tail}${sep}${ref}: ${words.note}`;
      const noteAt = e + insert.length - words.note.length;
      return { from: e, to: value.length, insert, selectFrom: noteAt, selectTo: noteAt + words.note.length };
    }
  }
}
