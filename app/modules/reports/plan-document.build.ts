// The plan document as data (a DocModel the DOCX and PDF renderers draw): a pure function of one version of the plan
// (its exchange document), its regional template, the Ambito's glossary and the version's identity. The order is the
// template's: cover, contents, the plan's chapters in their order with the objective cards placed in the chapter that
// holds them (by macro-area, LEPS cards in the LEPS chapter), the budget of the plan by area and fund with its
// charts, then the annexes — normative references and glossary.
import type { EChartsOption } from 'echarts';
import { barChart } from '../../shared/charts/charts.ts';
import { formatterFor, type Locale } from '../../shared/format/index.ts';
import { type MessageKey, translate } from '../../shared/i18n/messages.ts';
import type { RichDoc } from '../../shared/richtext/richtext.types.ts';
import type { DocBlock, DocModel, DocTable } from './document/document.model.ts';

/** The parts of a plan exchange document the document prints (structurally the planning module's PlanDocument). */
export interface PlanForDocument {
  plan: {
    ambitoCode: string;
    title: string;
    periodStartYear: number;
    periodEndYear: number;
    template: { id: string; version: string };
    status: string;
    adoption: { date: string | null; act: string | null } | null;
  };
  chapters: { number: string | null; title: string; markdown?: string | null; html?: string | null }[];
  objectives: PlanObjectiveForDocument[];
}

interface IndicatorForDocument {
  code: string;
  label: string;
  level: string;
  unit: string | null;
  source: string | null;
  targets: { year: number | null; text: string }[];
}

export interface PlanObjectiveForDocument {
  code: string;
  title: string;
  kind: string;
  macroArea: string | null;
  policyAreas: string[];
  priority: boolean;
  description: string | null;
  card: Record<string, unknown>;
  actions: {
    number: string;
    description: string;
    responsible: string | null;
    start: string | null;
    end: string | null;
    status: string;
    indicators: IndicatorForDocument[];
  }[];
  indicators: IndicatorForDocument[];
  budget: { fund: string; year: number | null; amountCents: number; note: string | null }[];
  links: { leps: string[]; agenda2030: number[] };
}

/** The parts of a regional template the document follows. */
export interface TemplateForDocument {
  name: string;
  planName: string;
  chapters: TemplateChapterForDocument[];
  macroAreas: { code: string; name: string }[];
  objectiveCard: { title: string; fields: { key: string; label: string; type: string }[] };
  statusWorkflow: { status: string; label: string }[];
  legalBasis: { act: string; date: string | null; title?: string | null };
  normativeReferences?: { act: string; date: string | null; title: string }[];
}

interface TemplateChapterForDocument {
  number: string | null;
  title: string;
  contains?: string | null;
  macroArea?: string | null;
  children: TemplateChapterForDocument[];
}

export interface DocumentInput {
  locale: Locale;
  ambitoName: string;
  plan: PlanForDocument;
  template: TemplateForDocument | null;
  /** What the document shows: the current text or the text adopted by the mayors, and its identity. */
  version: { source: 'current' | 'baseline'; label: string; sha256: string };
  generatedAt: Date;
  glossary: { term: string; definition: string }[];
  /** Markdown → tree (the shared rich-text parser; passed in so that this function stays pure and testable). */
  parse: (markdown: string) => RichDoc;
  /** Legacy chapters stored as HTML → Markdown. */
  htmlToMarkdown: (html: string) => string;
  /** Names of the funding sources (planning's vocabulary). */
  fundName: (code: string) => string;
  /** A card value as text (planning's rule). */
  cardValueText: (value: unknown) => string;
  /** ECharts option → SVG (the server renderer; passed in to keep this pure). */
  renderSvg: (option: EChartsOption, size: { width: number; height: number }) => string;
}

/** Field types of the card that the document prints as tables of their own (actions, indicators), not as text. */
const STRUCTURED_FIELDS = new Set(['actions', 'indicators', 'results']);

const flatChapters = (chapters: TemplateChapterForDocument[]): TemplateChapterForDocument[] => chapters.flatMap((c) => [c, ...flatChapters(c.children)]);

/** The level of a chapter heading from its number ("5" → 1, "5.2" → 2, deeper → 3); unnumbered chapters are 1. */
export function chapterLevel(number: string | null): 1 | 2 | 3 {
  if (!number) return 1;
  const depth = number.split('.').length;
  return depth >= 3 ? 3 : (depth as 1 | 2);
}

/**
 * Which chapter of the plan holds each objective card: the chapter whose title is the objective's macro-area (as the
 * plans write it), else the template chapter holding the objective cards of that macro-area, LEPS objectives in the
 * chapter holding the LEPS cards. Objectives placed nowhere are returned apart, in the plan's order.
 */
export function placeObjectives(
  chapters: PlanForDocument['chapters'],
  objectives: PlanObjectiveForDocument[],
  template: TemplateForDocument | null,
): { byChapter: Map<number, PlanObjectiveForDocument[]>; unplaced: PlanObjectiveForDocument[] } {
  const byChapter = new Map<number, PlanObjectiveForDocument[]>();
  const unplaced: PlanObjectiveForDocument[] = [];
  const templateChapters = template ? flatChapters(template.chapters) : [];
  const macroName = (code: string | null | undefined) => template?.macroAreas.find((m) => m.code === code)?.name ?? null;
  const norm = (s: string) => s.toLocaleLowerCase('it').replace(/\s+/g, ' ').trim();
  for (const o of objectives) {
    let at = -1;
    if (o.macroArea) at = chapters.findIndex((c) => norm(c.title) === norm(o.macroArea!));
    if (at < 0)
      at = chapters.findIndex((c) => {
        const t = templateChapters.find((tc) => tc.number !== null && tc.number === c.number);
        if (!t?.contains) return false;
        if (o.kind === 'leps') return t.contains === 'leps_cards';
        const name = macroName(t.macroArea);
        return t.contains === 'objective_cards' && !!name && !!o.macroArea && norm(o.macroArea).includes(norm(name));
      });
    if (at < 0) unplaced.push(o);
    else byChapter.set(at, [...(byChapter.get(at) ?? []), o]);
  }
  return { byChapter, unplaced };
}

/** Builds the document of one version of a plan. */
export function buildPlanDocument(input: DocumentInput): DocModel {
  const { locale, plan: doc, template } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const f = formatterFor(locale);
  const years: number[] = [];
  for (let y = doc.plan.periodStartYear; y <= doc.plan.periodEndYear; y++) years.push(y);
  const statusLabel = template?.statusWorkflow.find((s) => s.status === doc.plan.status)?.label ?? doc.plan.status;
  const periodLabel = `${doc.plan.periodStartYear}–${doc.plan.periodEndYear}`;
  const blocks: DocBlock[] = [];

  // Chapters, with the objective cards each one holds.
  const { byChapter, unplaced } = placeObjectives(doc.chapters, doc.objectives, template);
  doc.chapters.forEach((c, i) => {
    blocks.push({ kind: 'heading', level: chapterLevel(c.number), text: c.number ? `${c.number} ${c.title}` : c.title });
    const markdown = c.markdown ?? (c.html ? input.htmlToMarkdown(c.html) : null);
    if (markdown?.trim()) blocks.push({ kind: 'rich', doc: input.parse(markdown) });
    for (const o of byChapter.get(i) ?? []) blocks.push(...objectiveBlocks(o, Math.min(3, chapterLevel(c.number) + 1) as 2 | 3));
  });
  if (unplaced.length) {
    blocks.push({ kind: 'heading', level: 1, text: t('rep.doc.objectives') });
    for (const o of unplaced) blocks.push(...objectiveBlocks(o, 2));
  }

  // The budget of the plan: by area and by fund, with charts and their data.
  const lines = doc.objectives.flatMap((o) => o.budget.map((b) => ({ ...b, area: o.macroArea ?? t('rep.doc.noArea') })));
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t('rep.doc.budget') });
  if (lines.length === 0) blocks.push({ kind: 'paragraph', text: t('rep.doc.budget.none') });
  else {
    const total = lines.reduce((s, l) => s + l.amountCents, 0);
    blocks.push({
      kind: 'paragraph',
      text: t('rep.doc.budget.lead', { total: f.money(total), lines: lines.length, objectives: doc.objectives.filter((o) => o.budget.length).length }),
    });
    for (const [title, key] of [
      [t('rep.doc.budget.byArea'), (l: (typeof lines)[number]) => l.area],
      [t('rep.doc.budget.byFund'), (l: (typeof lines)[number]) => input.fundName(l.fund)],
    ] as const) {
      const sums = new Map<string, number>();
      for (const l of lines) sums.set(key(l), (sums.get(key(l)) ?? 0) + l.amountCents);
      const rows = [...sums].sort((a, b) => b[1] - a[1]);
      const table: DocTable = {
        caption: title,
        columns: [
          { header: title === t('rep.doc.budget.byArea') ? t('rep.doc.area') : t('rep.doc.fund') },
          { header: t('rep.doc.amount'), numeric: true },
          { header: t('rep.doc.share'), numeric: true },
        ],
        rows: rows.map(([name, cents]) => [name, f.money(cents), f.percent((cents / total) * 100, 1)]),
        footer: [t('rep.doc.total'), f.money(total), f.percent(100, 1)],
      };
      blocks.push({ kind: 'heading', level: 2, text: title });
      const height = Math.max(160, 40 + rows.length * 34);
      blocks.push({
        kind: 'chart',
        caption: title,
        alt: t('rep.doc.chart.alt', { title, count: rows.length, first: rows[0][0], amount: f.money(rows[0][1]), total: f.money(total) }),
        svg: input.renderSvg(
          barChart({
            points: rows.map(([label, cents]) => ({ label: shorten(label, 60), value: cents / 100 })),
            name: t('rep.doc.amount'),
            locale: locale === 'it' ? 'it-IT' : 'en-GB',
          }),
          { width: 640, height },
        ),
        width: 640,
        height,
        data: table,
      });
    }
  }

  // Annexes.
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t('rep.doc.annexes') });
  const references = [...(template?.normativeReferences ?? [])];
  if (template && !references.some((r) => r.act === template.legalBasis.act))
    references.push({ act: template.legalBasis.act, date: template.legalBasis.date, title: template.legalBasis.title ?? '' });
  blocks.push({ kind: 'heading', level: 2, text: t('rep.doc.references') });
  if (references.length)
    blocks.push({
      kind: 'list',
      ordered: false,
      items: references.map((r) => [r.act, r.date ? `(${f.date(r.date)})` : '', r.title ? `— ${r.title}` : ''].filter(Boolean).join(' ')),
    });
  else blocks.push({ kind: 'paragraph', text: t('rep.doc.references.none') });
  blocks.push({ kind: 'heading', level: 2, text: t('rep.doc.glossary') });
  if (input.glossary.length)
    blocks.push({
      kind: 'table',
      table: {
        caption: t('rep.doc.glossary'),
        columns: [{ header: t('rep.doc.glossary.term') }, { header: t('rep.doc.glossary.definition') }],
        rows: [...input.glossary].sort((a, b) => a.term.localeCompare(b.term, 'it')).map((g) => [g.term, plainOf(input.parse(g.definition))]),
      },
    });
  else blocks.push({ kind: 'paragraph', text: t('rep.doc.glossary.none') });

  return {
    lang: locale === 'it' ? 'it-IT' : 'en-GB',
    meta: {
      title: doc.plan.title,
      author: input.ambitoName,
      subject: t('rep.doc.subject', { plan: template?.planName ?? doc.plan.title, period: periodLabel, ambito: input.ambitoName }),
      keywords: [template?.planName ?? '', input.ambitoName, periodLabel, `sha256:${input.version.sha256}`].filter(Boolean),
      createdAt: input.generatedAt.toISOString(),
    },
    cover: {
      overline: input.ambitoName,
      title: doc.plan.title,
      subtitle: template ? `${template.planName} ${periodLabel}` : periodLabel,
      lines: [
        { label: t('rep.doc.cover.template'), value: template?.name ?? doc.plan.template.id },
        { label: t('rep.doc.cover.status'), value: statusLabel },
        ...(doc.plan.adoption?.date || doc.plan.adoption?.act
          ? [
              {
                label: t('rep.doc.cover.adoption'),
                value: [doc.plan.adoption.act, doc.plan.adoption.date ? f.date(doc.plan.adoption.date) : null].filter(Boolean).join(' — '),
              },
            ]
          : []),
        { label: t('rep.doc.cover.version'), value: input.version.label },
        { label: t('rep.doc.cover.hash'), value: input.version.sha256 },
        { label: t('rep.doc.cover.generated'), value: f.dateTime(input.generatedAt) },
      ],
    },
    labels: {
      toc: t('rep.doc.toc'),
      page: t('rep.doc.page'),
      footnotes: t('rep.doc.footnotes'),
      chartData: t('rep.doc.chartData'),
      continued: t('rep.doc.continued'),
    },
    blocks,
  };

  function objectiveBlocks(o: PlanObjectiveForDocument, level: 2 | 3): DocBlock[] {
    const out: DocBlock[] = [{ kind: 'heading', level, text: t('rep.doc.objective.heading', { code: o.code, title: o.title }) }];
    const rows: { label: string; value: string }[] = [
      { label: t('rep.doc.objective.code'), value: o.code },
      { label: t('rep.doc.objective.kind'), value: o.kind === 'leps' ? t('rep.doc.objective.leps') : t('rep.doc.objective.ordinary') },
    ];
    if (o.macroArea) rows.push({ label: t('rep.doc.area'), value: o.macroArea });
    if (o.policyAreas.length) rows.push({ label: t('rep.doc.objective.policyAreas'), value: o.policyAreas.join(', ') });
    if (o.priority) rows.push({ label: t('rep.doc.objective.priority'), value: t('rep.doc.yes') });
    if (o.description) rows.push({ label: t('rep.doc.objective.description'), value: o.description });
    for (const field of template?.objectiveCard.fields ?? []) {
      if (STRUCTURED_FIELDS.has(field.type)) continue;
      const value = input.cardValueText(o.card[field.key]);
      if (value) rows.push({ label: sentenceCase(field.label), value });
    }
    if (o.links.leps.length) rows.push({ label: t('rep.doc.objective.lepsLinks'), value: o.links.leps.join(', ') });
    if (o.links.agenda2030.length)
      rows.push({ label: t('rep.doc.objective.agenda2030'), value: o.links.agenda2030.map((g) => t('rep.doc.sdg', { n: g })).join(', ') });
    out.push({ kind: 'facts', caption: t('rep.doc.objective.card', { code: o.code }), rows });

    if (o.actions.length)
      out.push({
        kind: 'table',
        table: {
          caption: t('rep.doc.actions.caption', { code: o.code }),
          columns: [
            { header: t('rep.doc.actions.number') },
            { header: t('rep.doc.actions.description') },
            { header: t('rep.doc.actions.responsible') },
            { header: t('rep.doc.actions.when') },
            { header: t('rep.doc.actions.status') },
          ],
          rows: o.actions.map((a) => [
            a.number,
            a.description,
            a.responsible ?? '—',
            a.start || a.end ? [a.start ? f.date(a.start) : '…', a.end ? f.date(a.end) : '…'].join(' – ') : '—',
            actionStatus(a.status),
          ]),
        },
      });
    const indicators = [
      ...o.indicators.map((i) => ({ ...i, action: null as string | null })),
      ...o.actions.flatMap((a) => a.indicators.map((i) => ({ ...i, action: a.number }))),
    ];
    if (indicators.length)
      out.push({
        kind: 'table',
        table: {
          caption: t('rep.doc.indicators.caption', { code: o.code }),
          columns: [
            { header: t('rep.doc.indicators.code') },
            { header: t('rep.doc.indicators.label') },
            { header: t('rep.doc.indicators.level') },
            ...years.map((y) => ({ header: t('rep.doc.indicators.target', { year: y }) })),
            { header: t('rep.doc.indicators.period') },
          ],
          rows: indicators.map((i) => [
            i.action ? `${i.code} (${t('rep.doc.indicators.ofAction', { n: i.action })})` : i.code,
            [i.label, i.unit ? `[${i.unit}]` : ''].filter(Boolean).join(' '),
            levelLabel(i.level),
            ...years.map(
              (y) =>
                i.targets
                  .filter((x) => x.year === y)
                  .map((x) => x.text)
                  .join('; ') || '—',
            ),
            i.targets
              .filter((x) => x.year === null)
              .map((x) => x.text)
              .join('; ') || '—',
          ]),
        },
      });
    if (o.budget.length) {
      const total = o.budget.reduce((s, b) => s + b.amountCents, 0);
      out.push({
        kind: 'table',
        table: {
          caption: t('rep.doc.budget.caption', { code: o.code }),
          columns: [
            { header: t('rep.doc.fund') },
            { header: t('rep.doc.year') },
            { header: t('rep.doc.amount'), numeric: true },
            { header: t('rep.doc.note') },
          ],
          rows: o.budget.map((b) => [
            input.fundName(b.fund),
            b.year === null ? t('rep.doc.wholePeriod') : String(b.year),
            f.money(b.amountCents),
            b.note ?? '',
          ]),
          footer: [t('rep.doc.total'), '', f.money(total), ''],
        },
      });
    }
    return out;
  }

  function actionStatus(status: string): string {
    const key = `plan.actionStatus.${status}` as MessageKey;
    const label = translate(locale, key);
    return label === key ? status : label;
  }
  function levelLabel(level: string): string {
    const key = `plan.indicatorLevel.${level}` as MessageKey;
    const label = translate(locale, key);
    return label === key ? level : label;
  }
}

/** "TITOLO INTERVENTO" → "Titolo intervento" (regional cards shout their labels). */
export function sentenceCase(label: string): string {
  if (label !== label.toLocaleUpperCase('it')) return label;
  const lower = label.toLocaleLowerCase('it');
  return lower.charAt(0).toLocaleUpperCase('it') + lower.slice(1);
}

const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The plain text of a parsed text (for table cells). */
function plainOf(doc: RichDoc): string {
  const inline = (xs: import('../../shared/richtext/richtext.types.ts').Inline[]): string =>
    xs.map((x) => ('text' in x ? x.text : 'children' in x ? inline(x.children) : x.t === 'br' ? ' ' : '')).join('');
  const block = (b: import('../../shared/richtext/richtext.types.ts').Block): string =>
    b.t === 'heading' || b.t === 'paragraph'
      ? inline(b.children)
      : b.t === 'list'
        ? b.items.map((item) => item.map(block).join(' ')).join('; ')
        : b.t === 'quote'
          ? b.children.map(block).join(' ')
          : b.rows.map((r) => r.map(inline).join(' | ')).join('; ');
  return doc.blocks.map(block).join(' ').trim();
}
