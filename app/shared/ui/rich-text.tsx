// Rich text on a page: RichText draws a Markdown text (or its parsed tree) as React elements — never as HTML from the
// text — and RichTextEditor writes it: a labelled textarea of Markdown that works without JavaScript, enhanced in the
// browser with a toolbar (keyboard usable, Ctrl/Cmd+B and +I) and a preview drawn by the same parser.
import { createElement, Fragment, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { editFor, EDIT_ACTIONS, type EditAction } from '../richtext/editing.ts';
import { parseRichText } from '../richtext/richtext.ts';
import type { Block, Inline, RichDoc } from '../richtext/richtext.types.ts';
import { splitTerms, termMatchers, type TermMatcher } from '../richtext/terms.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { IntentField } from './forms.tsx';
import { useI18n, type TFunction } from './i18n.tsx';

/** A glossary term a text may mention: its first occurrence links to `href` and offers the definition (plain text). */
export interface GlossaryLink {
  term: string;
  href: string;
  definition: string;
}

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const headingTag = (level: number) => `h${Math.min(6, Math.max(1, level)) as Level}` as const;

/** What drawing one text carries along: ids, words, the terms and those already marked, the tables counted so far. */
interface Ctx {
  id: string;
  t: TFunction;
  shift: number;
  terms: readonly GlossaryLink[];
  matchers: TermMatcher[];
  seen: Set<number>;
  refs: Map<number, number>;
  tables: number;
}

function renderText(text: string, ctx: Ctx, withTerms: boolean, key: string): ReactNode {
  if (!withTerms || ctx.matchers.length === 0) return text;
  const parts = splitTerms(text, ctx.matchers, ctx.seen);
  return parts.map((p, k) => {
    if (typeof p === 'string') return <Fragment key={`${key}-${k}`}>{p}</Fragment>;
    const term = ctx.terms[p.term]!;
    const tip = `${ctx.id}-termine-${p.term}`;
    return (
      <span key={`${key}-${k}`} className="rt-term-wrap">
        <a href={term.href} className="rt-term" aria-describedby={tip}>
          {p.text}
        </a>
        {/* The definition is the link's description (aria-describedby); hidden from the reading flow, so it is not read twice. */}
        <span role="tooltip" id={tip} className="rt-term-tip" aria-hidden="true">
          <span className="fw-semibold">{ctx.t('richtext.term.definition')}:</span> {term.definition}
        </span>
      </span>
    );
  });
}

function renderInlines(nodes: Inline[], ctx: Ctx, withTerms: boolean): ReactNode[] {
  return nodes.map((n, k) => {
    const key = String(k);
    switch (n.t) {
      case 'text':
        return <Fragment key={key}>{renderText(n.text, ctx, withTerms, key)}</Fragment>;
      case 'strong':
        return <strong key={key}>{renderInlines(n.children, ctx, withTerms)}</strong>;
      case 'em':
        return <em key={key}>{renderInlines(n.children, ctx, withTerms)}</em>;
      case 'link':
        // No term links inside a link.
        return (
          <a key={key} href={n.href}>
            {renderInlines(n.children, ctx, false)}
          </a>
        );
      case 'code':
        return <code key={key}>{n.text}</code>;
      case 'br':
        return <br key={key} />;
      case 'footnoteRef': {
        const count = (ctx.refs.get(n.n) ?? 0) + 1;
        ctx.refs.set(n.n, count);
        return (
          <sup key={key} id={`${ctx.id}-rif-${n.n}${count > 1 ? `-${count}` : ''}`}>
            <a href={`#${ctx.id}-nota-${n.n}`} aria-label={ctx.t('richtext.note.ref', { n: n.n })} className="rt-note-ref">
              {n.n}
            </a>
          </sup>
        );
      }
    }
  });
}

function renderBlocks(blocks: Block[], ctx: Ctx, tight = false): ReactNode[] {
  return blocks.map((b, k) => {
    switch (b.t) {
      case 'heading':
        return createElement(headingTag(b.level + ctx.shift), { key: k }, renderInlines(b.children, ctx, false));
      case 'paragraph':
        // The lone paragraph of a tight list item is the item's line, without paragraph spacing.
        return tight ? <Fragment key={k}>{renderInlines(b.children, ctx, true)}</Fragment> : <p key={k}>{renderInlines(b.children, ctx, true)}</p>;
      case 'list': {
        const items = b.items.map((item, i) => <li key={i}>{renderBlocks(item, ctx, b.tight === true && item.length <= 2)}</li>);
        return b.ordered ? (
          <ol key={k} start={b.start}>
            {items}
          </ol>
        ) : (
          <ul key={k}>{items}</ul>
        );
      }
      case 'table': {
        ctx.tables += 1;
        const align = (i: number) => (b.align[i] === 'right' ? 'text-end' : b.align[i] === 'center' ? 'text-center' : undefined);
        // A table scrolls sideways inside its own region on a phone instead of widening the page.
        return (
          <div key={k} className="table-responsive rt-table" role="region" aria-label={ctx.t('richtext.table.label', { n: ctx.tables })} tabIndex={0}>
            <table className="table table-sm">
              <thead>
                <tr>
                  {b.header.map((cell, i) => (
                    <th key={i} scope="col" className={align(i)}>
                      {renderInlines(cell, ctx, false)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {b.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, i) => (
                      <td key={i} className={align(i)}>
                        {renderInlines(cell, ctx, true)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      }
      case 'quote':
        return (
          <blockquote key={k} className="rt-quote">
            {renderBlocks(b.children, ctx)}
          </blockquote>
        );
    }
  });
}

/** The highest level used by the text's headings (1 when it has none). */
function topHeadingLevel(blocks: Block[]): number {
  const levels = blocks.filter((b): b is Extract<Block, { t: 'heading' }> => b.t === 'heading').map((b) => b.level);
  return levels.length ? Math.min(...levels) : 1;
}

/**
 * A rich text (Markdown, or its parsed tree) drawn as elements. Its headings nest under the page's: the text's highest
 * level becomes `headingOffset + 1` (1 under the page's h1 → h2). Tables have column headers and scroll sideways on a
 * phone; footnotes are listed at the end with links back to where they are referenced. With `terms`, the first
 * occurrence of each (whole word, any case) links to its glossary entry, its definition offered on hover and focus
 * and given to screen readers as the link's description (Esc hides it). The text is data: `translate="no"`.
 */
export function RichText({
  source,
  headingOffset = 1,
  terms = [],
  id = 'testo',
  className,
}: {
  source: string | RichDoc;
  /** The level of the heading the text sits under (1 = the page's h1). */
  headingOffset?: number;
  terms?: readonly GlossaryLink[];
  /** Prefix of the ids of notes and definitions: give one per text when a page shows several. */
  id?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const doc = typeof source === 'string' ? parseRichText(source) : source;
  const ctx: Ctx = {
    id,
    t,
    shift: headingOffset - topHeadingLevel(doc.blocks) + 1,
    terms,
    matchers: termMatchers(terms.map((x) => x.term)),
    seen: new Set(),
    refs: new Map(),
    tables: 0,
  };
  const body = renderBlocks(doc.blocks, ctx);
  const hideTips = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') e.currentTarget.classList.add('rt-tips-off');
  };
  const showTips = (e: { currentTarget: HTMLDivElement }) => e.currentTarget.classList.remove('rt-tips-off');
  return (
    // Esc hides an open definition (WCAG 1.4.13); leaving the term or moving the focus brings them back.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className={`rich-text text-break${className ? ` ${className}` : ''}`}
      onKeyDown={terms.length ? hideTips : undefined}
      onBlur={terms.length ? showTips : undefined}
      onMouseLeave={terms.length ? showTips : undefined}
    >
      <div translate="no">{body}</div>
      {doc.footnotes.length > 0 && (
        <section className="rt-notes" aria-labelledby={`${id}-note`}>
          {createElement(headingTag(headingOffset + 1), { id: `${id}-note`, className: 'h6' }, t('richtext.notes'))}
          <ol translate="no">
            {doc.footnotes.map((f) => (
              <li key={f.n} id={`${id}-nota-${f.n}`} value={f.n}>
                {renderBlocks(f.blocks, ctx, f.blocks.length === 1)}{' '}
                <a href={`#${id}-rif-${f.n}`} aria-label={t('richtext.note.back', { n: f.n })} className="rt-note-back">
                  <span aria-hidden="true">↩</span>
                </a>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

// ───────────────────────────── the editor ─────────────────────────────

const ACTION_LABEL: Record<EditAction, MessageKey> = {
  heading: 'richtext.heading',
  bold: 'richtext.bold',
  italic: 'richtext.italic',
  bullets: 'richtext.bullets',
  numbers: 'richtext.numbers',
  link: 'richtext.link',
  table: 'richtext.table',
  footnote: 'richtext.footnote',
};

/** What a button shows (the words are in its aria-label): a letter of the dictionary or a sign. */
function Glyph({ action }: { action: EditAction }) {
  const { t } = useI18n();
  const glyph: Record<EditAction, ReactNode> = {
    heading: t('richtext.glyph.heading'),
    bold: <strong>{t('richtext.glyph.bold')}</strong>,
    italic: <em className="rt-glyph-italic">{t('richtext.glyph.italic')}</em>,
    bullets: '•',
    numbers: '1.',
    link: '🔗',
    table: '▦',
    footnote: '¹',
  };
  return <span aria-hidden="true">{glyph[action]}</span>;
}

const noSubscription = () => () => {};

/** Puts an edit into the textarea as typing would (the browser's undo keeps working), then selects what it says. */
function applyEdit(area: HTMLTextAreaElement, action: EditAction, t: TFunction) {
  const before = area.value;
  const edit = editFor(action, before, area.selectionStart, area.selectionEnd, {
    heading: t('richtext.placeholder.heading'),
    bold: t('richtext.placeholder.bold'),
    italic: t('richtext.placeholder.italic'),
    item: t('richtext.placeholder.item'),
    link: t('richtext.placeholder.link'),
    column: (n) => t('richtext.placeholder.column', { n }),
    cell: t('richtext.placeholder.cell'),
    note: t('richtext.placeholder.note'),
  });
  const expected = before.slice(0, edit.from) + edit.insert + before.slice(edit.to);
  area.focus();
  area.setSelectionRange(edit.from, edit.to);
  try {
    // execCommand is deprecated but is the only way to keep the browser's undo history; the value is checked after.
    if (edit.insert) document.execCommand('insertText', false, edit.insert);
    else if (edit.from !== edit.to) document.execCommand('delete');
  } catch {
    /* the value is set below */
  }
  if (area.value !== expected) area.value = expected;
  area.setSelectionRange(edit.selectFrom, edit.selectTo);
}

/**
 * A form field for a rich text, to put in an IntentForm: a labelled `<textarea name>` of Markdown with a hint on the few
 * signs, which is all there is without JavaScript. In the browser a toolbar (one tab stop, arrows between the buttons,
 * each with its name) turns the selection into a heading, bold, italics, a list, a link, a table or a footnote, and
 * «Anteprima» shows the text as it will be published. Nobody types tags.
 */
export function RichTextEditor({
  intent,
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 16,
  headingOffset = 1,
  terms,
}: {
  intent: string;
  name: string;
  label: string;
  /** Defaults to the hint on the Markdown signs. */
  hint?: string;
  error?: string;
  defaultValue?: string | null;
  rows?: number;
  /** The level the text will sit under when published (for the preview). */
  headingOffset?: number;
  terms?: readonly GlossaryLink[];
}) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  // The toolbar exists only once the page runs JavaScript (false on the server and while hydrating, then true).
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [preview, setPreview] = useState<string | null>(null);
  const [focusAt, setFocusAt] = useState(0);

  const act = (action: EditAction) => {
    if (area.current && preview === null) applyEdit(area.current, action, t);
  };
  const onToolbarKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const count = EDIT_ACTIONS.length + 1;
    const next = e.key === 'ArrowRight' ? focusAt + 1 : e.key === 'ArrowLeft' ? focusAt - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const at = (next + count) % count;
    setFocusAt(at);
    buttons.current[at]?.focus();
  };
  const onAreaKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const key = e.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      e.preventDefault();
      act(key === 'b' ? 'bold' : 'italic');
    }
  };
  const shortcut: Partial<Record<EditAction, string>> = { bold: 'Ctrl+B', italic: 'Ctrl+I' };

  return (
    <IntentField intent={intent} name={name} label={label} hint={hint ?? t('richtext.hint')} error={error}>
      {(p) => (
        <div className="rt-editor">
          {enhanced && (
            <div
              className="rt-toolbar d-flex flex-wrap gap-1 mb-2"
              role="toolbar"
              aria-label={t('richtext.toolbar')}
              aria-controls={p.id}
              onKeyDown={onToolbarKey}
            >
              {EDIT_ACTIONS.map((action, i) => {
                const name = t(ACTION_LABEL[action]);
                const full = shortcut[action] ? t('richtext.withShortcut', { action: name, keys: shortcut[action]! }) : name;
                return (
                  <button
                    key={action}
                    ref={(el) => {
                      buttons.current[i] = el;
                    }}
                    type="button"
                    className="btn btn-outline-primary btn-sm rt-tool"
                    aria-label={full}
                    title={full}
                    tabIndex={focusAt === i ? 0 : -1}
                    disabled={preview !== null}
                    onFocus={() => setFocusAt(i)}
                    onClick={() => act(action)}
                  >
                    <Glyph action={action} />
                  </button>
                );
              })}
              <button
                ref={(el) => {
                  buttons.current[EDIT_ACTIONS.length] = el;
                }}
                type="button"
                className="btn btn-outline-primary btn-sm ms-sm-auto"
                aria-pressed={preview !== null}
                aria-controls={`${p.id}-anteprima`}
                tabIndex={focusAt === EDIT_ACTIONS.length ? 0 : -1}
                onFocus={() => setFocusAt(EDIT_ACTIONS.length)}
                onClick={() => setPreview(preview === null ? (area.current?.value ?? '') : null)}
              >
                {t('richtext.preview')}
              </button>
            </div>
          )}
          <textarea {...p} ref={area} rows={rows} defaultValue={defaultValue ?? ''} hidden={preview !== null} onKeyDown={onAreaKey} spellCheck />
          {enhanced && <p className="form-text small mb-1">{t('richtext.shortcuts')}</p>}
          <div
            id={`${p.id}-anteprima`}
            role="region"
            aria-label={t('richtext.preview.label')}
            hidden={preview === null}
            className="rt-preview border rounded p-3"
          >
            {preview !== null &&
              (preview.trim() ? (
                <RichText source={preview} headingOffset={headingOffset} terms={terms} id={`${p.id}-anteprima-testo`} />
              ) : (
                <p className="mb-0">{t('richtext.preview.empty')}</p>
              ))}
          </div>
        </div>
      )}
    </IntentField>
  );
}
