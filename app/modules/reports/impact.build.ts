// The social-impact report (bilancio sociale) as data: a pure function of the records the other modules hold (read by
// impact.queries.ts through their server faces) and of the report's own choices (sections, order, introductions). It
// gives the web page's view model — numbers, the charts' SVG, the rows of their data tables — and, from that view, the
// DocModel the PDF renderer draws. No figure is stored: the report is computed whenever it is read.
import type { EChartsOption } from 'echarts';
import { barChart, lineChart } from '../../shared/charts/charts.ts';
import { formatterFor } from '../../shared/format/index.ts';
import { formatLocale, translate, type MessageKey, type UiLocale } from '../../shared/i18n/messages.ts';
import { publishCount, type PublishedCount } from '../../shared/privacy/suppress.ts';
import type { RichDoc } from '../../shared/richtext/richtext.types.ts';
import type { DocBlock, DocModel, DocTable } from './document/document.model.ts';
import { yearsBetween, type ImpactSectionKey, type ImpactStatus } from './impact.rules.ts';

// ---------------------------------------------------------------------------------------------------------------
// What the report is computed from
// ---------------------------------------------------------------------------------------------------------------

export type ThresholdStatus = 'raggiunto' | 'non_raggiunto' | 'dati_mancanti';
export type PublishedFigureKey = 'meetings' | 'concertation_tables' | 'thematic_tables' | 'member_organisations';
export type FigureQualifier = 'exact' | 'more_than' | 'about';
export type SpendingNatureKey = 'servizi' | 'contributi' | 'strutture';

export interface ImpactInput {
  ambito: { code: string; name: string };
  report: {
    id: string;
    title: string;
    year: number;
    seriesFromYear: number;
    status: ImpactStatus;
    publishedAt: string | null;
    version: number;
    sections: { key: ImpactSectionKey; intro: string | null }[];
  };
  plan: {
    title: string;
    periodStartYear: number;
    periodEndYear: number;
    statusLabel: string;
    adoptionDate: string | null;
    adoptionAct: string | null;
    templateName: string | null;
    /** The plan's chapters in order: the first with a text is the plan's purpose as the report shows it. */
    chapters: { title: string; markdown: string | null }[];
    objectives: { code: string; title: string; agenda2030: number[] }[];
  } | null;
  participation: {
    tables: { name: string; kind: string }[];
    /** Each figure recorded in Cantiere beside the one published elsewhere (participation's comparePublished). */
    figures: {
      figure: PublishedFigureKey;
      recorded: number;
      published: { value: number; qualifier: FigureQualifier; source: string } | null;
      recordsMatch: boolean | null;
    }[];
  };
  projects: {
    title: string;
    summary: string | null;
    status: string;
    sdgGoals: number[];
    partners: string[];
    resources: { fundingSource: string; year: number | null; amountCents: number }[];
  }[];
  /** The social workers year by year (leps' getStaffing), or null when none is recorded. */
  staffing: {
    year: number;
    fte: number;
    population: number | null;
    populationYear: number | null;
    inhabitantsPerWorker: number | null;
    leps: ThresholdStatus;
    serviceObjective: ThresholdStatus;
    lepsRequiredFte: number | null;
    objectiveRequiredFte: number | null;
  }[];
  /** The plan's count indicators measured in the report's year (monitoring's listYearCounts). */
  users: { objectiveCode: string; objectiveTitle: string; label: string; unit: string | null; value: number | null }[];
  /** Spending summed by year, area and nature (finance's listSpendingForImpact). */
  spending: { year: number; areaCode: string; areaName: string; nature: SpendingNatureKey | null; amountCents: number }[];
}

export interface BuildOptions {
  locale: UiLocale;
  /** ECharts option → SVG (the server renderer; passed in so that this stays pure and testable). */
  renderSvg: (option: EChartsOption, size: { width: number; height: number }) => string;
}

// ---------------------------------------------------------------------------------------------------------------
// The view
// ---------------------------------------------------------------------------------------------------------------

/** A chart: its SVG, what it shows in one sentence (its text alternative) and its data as a table. */
export interface ChartView {
  caption: string;
  summary: string;
  svg: string;
  width: number;
  height: number;
  table: DocTable;
}

export interface PlanSection {
  key: 'plan';
  intro: string | null;
  plan: (NonNullable<ImpactInput['plan']> & { objectivesCount: number; purpose: string | null }) | null;
}
export interface ParticipationSection {
  key: 'participation';
  intro: string | null;
  figures: ImpactInput['participation']['figures'];
  tables: ImpactInput['participation']['tables'];
}
export interface Agenda2030Section {
  key: 'agenda2030';
  intro: string | null;
  goals: { goal: number; objectives: { code: string; title: string }[]; projects: string[] }[];
  chart: ChartView | null;
}
export interface ProjectsSection {
  key: 'projects';
  intro: string | null;
  projects: (ImpactInput['projects'][number] & { totalCents: number })[];
  totalCents: number;
  bySource: { source: string; cents: number }[];
  chart: ChartView | null;
}
export interface LepsSection {
  key: 'leps';
  intro: string | null;
  years: ImpactInput['staffing'];
  /** The report's year, or the last year with staff recorded before it. */
  current: ImpactInput['staffing'][number] | null;
  chart: ChartView | null;
}
export interface UsersSection {
  key: 'users';
  intro: string | null;
  rows: { objectiveCode: string; objectiveTitle: string; label: string; unit: string | null; count: PublishedCount }[];
}
export interface SpendingSection {
  key: 'spending';
  intro: string | null;
  years: number[];
  /** By year: each nature and the spending whose nature is not stated (null). */
  byNature: { year: number; servizi: number; contributi: number; strutture: number; notStated: number; total: number }[];
  byArea: { areaCode: string; areaName: string; cents: number[]; total: number }[];
  /** Co-designed projects' resources by project (participation records; a year only where the act gives one). */
  coDesign: { project: string; cents: number }[];
  natureChart: ChartView | null;
  areaChart: ChartView | null;
  coDesignChart: ChartView | null;
}

export type ImpactSection = PlanSection | ParticipationSection | Agenda2030Section | ProjectsSection | LepsSection | UsersSection | SpendingSection;

export interface ImpactView {
  ambito: ImpactInput['ambito'];
  report: Omit<ImpactInput['report'], 'sections'>;
  sections: ImpactSection[];
}

// ---------------------------------------------------------------------------------------------------------------
// Building the view
// ---------------------------------------------------------------------------------------------------------------

const WIDTH = 760;
const LINE_HEIGHT = 340;
const barHeight = (rows: number) => Math.max(120, 36 + rows * 34);

const NATURES: SpendingNatureKey[] = ['servizi', 'contributi', 'strutture'];

/** The report's view: its chosen sections, in order, each computed from the records. */
export function buildImpactView(input: ImpactInput, options: BuildOptions): ImpactView {
  const w = words(options.locale);
  const { sections: chosen, ...report } = input.report;
  const sections = chosen.map((s): ImpactSection => {
    switch (s.key) {
      case 'plan':
        return planSection(input, s.intro);
      case 'participation':
        return { key: 'participation', intro: s.intro, figures: input.participation.figures, tables: input.participation.tables };
      case 'agenda2030':
        return agendaSection(input, s.intro, w, options);
      case 'projects':
        return projectsSection(input, s.intro, w, options);
      case 'leps':
        return lepsSection(input, s.intro, w, options);
      case 'users':
        return {
          key: 'users',
          intro: s.intro,
          rows: input.users.map((u) => ({
            objectiveCode: u.objectiveCode,
            objectiveTitle: u.objectiveTitle,
            label: u.label,
            unit: u.unit,
            count: publishCount(u.value),
          })),
        };
      case 'spending':
        return spendingSection(input, s.intro, w, options);
    }
  });
  return { ambito: input.ambito, report, sections };
}

function planSection(input: ImpactInput, intro: string | null): PlanSection {
  const plan = input.plan;
  if (!plan) return { key: 'plan', intro, plan: null };
  const purpose = plan.chapters.find((c) => c.markdown && c.markdown.trim())?.markdown ?? null;
  return { key: 'plan', intro, plan: { ...plan, objectivesCount: plan.objectives.length, purpose } };
}

/** Each Agenda 2030 goal the plan's objectives or the co-designed projects point at, with them. */
export function agendaGoals(input: Pick<ImpactInput, 'plan' | 'projects'>): Agenda2030Section['goals'] {
  const goals = new Map<number, { objectives: { code: string; title: string }[]; projects: string[] }>();
  const at = (g: number) => goals.get(g) ?? (goals.set(g, { objectives: [], projects: [] }), goals.get(g)!);
  for (const o of input.plan?.objectives ?? []) for (const g of new Set(o.agenda2030)) at(g).objectives.push({ code: o.code, title: o.title });
  for (const p of input.projects) for (const g of new Set(p.sdgGoals)) at(g).projects.push(p.title);
  return [...goals.entries()].sort((a, b) => a[0] - b[0]).map(([goal, v]) => ({ goal, ...v }));
}

function agendaSection(input: ImpactInput, intro: string | null, w: Words, options: BuildOptions): Agenda2030Section {
  const goals = agendaGoals(input);
  if (goals.length === 0) return { key: 'agenda2030', intro, goals, chart: null };
  const points = goals.map((g) => ({
    label: w.t('rep.impact.sdg.short', { goal: g.goal, name: w.t(sdgKey(g.goal)) }),
    value: g.objectives.length + g.projects.length,
  }));
  const top = [...goals].sort((a, b) => b.objectives.length + b.projects.length - (a.objectives.length + a.projects.length) || a.goal - b.goal)[0]!;
  const table: DocTable = {
    caption: w.t('rep.impact.agenda.table'),
    columns: [
      { header: w.t('rep.impact.agenda.col.goal') },
      { header: w.t('rep.impact.agenda.col.objectives'), numeric: true },
      { header: w.t('rep.impact.agenda.col.projects'), numeric: true },
    ],
    rows: goals.map((g) => [
      w.t('rep.impact.sdg.short', { goal: g.goal, name: w.t(sdgKey(g.goal)) }),
      w.f.count(g.objectives.length),
      w.f.count(g.projects.length),
    ]),
  };
  const height = barHeight(goals.length);
  return {
    key: 'agenda2030',
    intro,
    goals,
    chart: {
      caption: w.t('rep.impact.agenda.chart'),
      summary: w.t('rep.impact.agenda.summary', {
        goals: goals.length,
        top: top.goal,
        name: w.t(sdgKey(top.goal)),
        count: top.objectives.length + top.projects.length,
      }),
      svg: options.renderSvg(barChart({ points, name: w.t('rep.impact.agenda.chartSeries'), locale: w.f.locale }), { width: WIDTH, height }),
      width: WIDTH,
      height,
      table,
    },
  };
}

function projectsSection(input: ImpactInput, intro: string | null, w: Words, options: BuildOptions): ProjectsSection {
  const projects = input.projects.map((p) => ({ ...p, totalCents: p.resources.reduce((s, r) => s + r.amountCents, 0) }));
  const totalCents = projects.reduce((s, p) => s + p.totalCents, 0);
  const sources = new Map<string, number>();
  for (const p of projects) for (const r of p.resources) sources.set(r.fundingSource.trim(), (sources.get(r.fundingSource.trim()) ?? 0) + r.amountCents);
  const bySource = [...sources.entries()]
    .map(([source, cents]) => ({ source, cents }))
    .sort((a, b) => b.cents - a.cents || a.source.localeCompare(b.source, 'it'));
  if (projects.length === 0) return { key: 'projects', intro, projects, totalCents, bySource, chart: null };
  const table: DocTable = {
    caption: w.t('rep.impact.projects.sourceTable'),
    columns: [{ header: w.t('rep.impact.projects.col.source') }, { header: w.t('rep.impact.projects.col.amount'), numeric: true }],
    rows: bySource.map((s) => [s.source, w.f.money(s.cents)]),
    footer: [w.t('rep.impact.total'), w.f.money(totalCents)],
  };
  const height = barHeight(bySource.length);
  return {
    key: 'projects',
    intro,
    projects,
    totalCents,
    bySource,
    chart: {
      caption: w.t('rep.impact.projects.chart'),
      summary: w.t('rep.impact.projects.summary', { total: w.f.money(totalCents), count: projects.length, sources: bySource.length, top: bySource[0]!.source }),
      svg: options.renderSvg(
        barChart({ points: bySource.map((s) => ({ label: s.source, value: s.cents / 100 })), name: w.t('rep.impact.euro'), locale: w.f.locale }),
        {
          width: WIDTH,
          height,
        },
      ),
      width: WIDTH,
      height,
      table,
    },
  };
}

function lepsSection(input: ImpactInput, intro: string | null, w: Words, options: BuildOptions): LepsSection {
  const years = input.staffing.filter((y) => y.year >= input.report.seriesFromYear && y.year <= input.report.year);
  const current = [...years].reverse().find((y) => y.year <= input.report.year) ?? null;
  if (years.length === 0) return { key: 'leps', intro, years, current, chart: null };
  const table: DocTable = {
    caption: w.t('rep.impact.leps.table'),
    columns: [
      { header: w.t('rep.impact.col.year') },
      { header: w.t('rep.impact.leps.col.fte'), numeric: true },
      { header: w.t('rep.impact.leps.col.population'), numeric: true },
      { header: w.t('rep.impact.leps.col.perWorker'), numeric: true },
      { header: w.t('rep.impact.leps.col.leps') },
      { header: w.t('rep.impact.leps.col.objective') },
    ],
    rows: years.map((y) => [
      String(y.year),
      w.f.fte(y.fte),
      y.population === null ? w.f.na : `${w.f.count(y.population)}${y.populationYear !== null && y.populationYear !== y.year ? ` (${y.populationYear})` : ''}`,
      y.inhabitantsPerWorker === null ? w.f.na : w.f.number(y.inhabitantsPerWorker, 0),
      w.t(statusKey(y.leps)),
      w.t(statusKey(y.serviceObjective)),
    ]),
  };
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return {
    key: 'leps',
    intro,
    years,
    current,
    chart: {
      caption: w.t('rep.impact.leps.chart'),
      summary: w.t('rep.impact.leps.summary', {
        from: first.year,
        fteFrom: w.f.fte(first.fte),
        to: last.year,
        fteTo: w.f.fte(last.fte),
        perWorker: last.inhabitantsPerWorker === null ? w.f.na : w.f.number(last.inhabitantsPerWorker, 0),
        leps: w.t(statusKey(last.leps)),
        objective: w.t(statusKey(last.serviceObjective)),
      }),
      svg: options.renderSvg(
        lineChart({
          categories: years.map((y) => String(y.year)),
          yName: w.t('rep.impact.leps.axis'),
          locale: w.f.locale,
          series: [
            { name: w.t('rep.impact.leps.series.inService'), values: years.map((y) => y.fte) },
            { name: w.t('rep.impact.leps.series.leps'), values: years.map((y) => y.lepsRequiredFte) },
            { name: w.t('rep.impact.leps.series.objective'), values: years.map((y) => y.objectiveRequiredFte) },
          ],
        }),
        { width: WIDTH, height: LINE_HEIGHT },
      ),
      width: WIDTH,
      height: LINE_HEIGHT,
      table,
    },
  };
}

/** Spending by year and nature, and by area and year, over the report's years (pure: rows in, sums out). */
export function spendingSeries(rows: ImpactInput['spending'], from: number, to: number) {
  const inRange = rows.filter((r) => r.year >= from && r.year <= to);
  const present = [...new Set(inRange.map((r) => r.year))];
  const years = present.length ? yearsBetween(Math.min(...present), Math.max(...present)) : [];
  const byNature = years.map((year) => {
    const of = inRange.filter((r) => r.year === year);
    const sum = (n: SpendingNatureKey | null) => of.filter((r) => r.nature === n).reduce((s, r) => s + r.amountCents, 0);
    const row = { year, servizi: sum('servizi'), contributi: sum('contributi'), strutture: sum('strutture'), notStated: sum(null), total: 0 };
    row.total = row.servizi + row.contributi + row.strutture + row.notStated;
    return row;
  });
  const areas = new Map<string, { areaCode: string; areaName: string; cents: number[]; total: number }>();
  for (const r of inRange) {
    const a = areas.get(r.areaCode) ?? { areaCode: r.areaCode, areaName: r.areaName, cents: years.map(() => 0), total: 0 };
    const i = years.indexOf(r.year);
    a.cents[i] = (a.cents[i] ?? 0) + r.amountCents;
    a.total += r.amountCents;
    areas.set(r.areaCode, a);
  }
  return { years, byNature, byArea: [...areas.values()] };
}

function spendingSection(input: ImpactInput, intro: string | null, w: Words, options: BuildOptions): SpendingSection {
  const { years, byNature, byArea } = spendingSeries(input.spending, input.report.seriesFromYear, input.report.year);
  const coDesign = input.projects
    .map((p) => ({ project: p.title, cents: p.resources.reduce((s, r) => s + r.amountCents, 0) }))
    .filter((p) => p.cents > 0)
    .sort((a, b) => b.cents - a.cents || a.project.localeCompare(b.project, 'it'));
  const base = { key: 'spending' as const, intro, years, byNature, byArea, coDesign };
  const natures = [...NATURES, null].filter((n) => byNature.some((r) => (n === null ? r.notStated : r[n]) > 0));
  const natureName = (n: SpendingNatureKey | null) => w.t(n === null ? 'rep.impact.nature.notStated' : (`rep.impact.nature.${n}` as MessageKey));
  const natureChart: ChartView | null =
    years.length === 0
      ? null
      : {
          caption: w.t('rep.impact.spending.natureChart', { from: years[0]!, to: years[years.length - 1]! }),
          summary: w.t('rep.impact.spending.natureSummary', {
            from: years[0]!,
            to: years[years.length - 1]!,
            natures: natures.map((n) => `${natureName(n)} ${w.f.money(byNature.reduce((s, r) => s + (n === null ? r.notStated : r[n]), 0))}`).join('; '),
          }),
          svg: options.renderSvg(
            lineChart({
              categories: years.map(String),
              yName: w.t('rep.impact.euro'),
              locale: w.f.locale,
              series: natures.map((n) => ({ name: natureName(n), values: byNature.map((r) => (n === null ? r.notStated : r[n]) / 100) })),
            }),
            { width: WIDTH, height: LINE_HEIGHT },
          ),
          width: WIDTH,
          height: LINE_HEIGHT,
          table: {
            caption: w.t('rep.impact.spending.natureTable'),
            columns: [
              { header: w.t('rep.impact.col.year') },
              ...natures.map((n) => ({ header: natureName(n), numeric: true })),
              { header: w.t('rep.impact.total'), numeric: true },
            ],
            rows: byNature.map((r) => [String(r.year), ...natures.map((n) => w.f.money(n === null ? r.notStated : r[n])), w.f.money(r.total)]),
          },
        };
  const areaChart: ChartView | null =
    byArea.length === 0
      ? null
      : {
          caption: w.t('rep.impact.spending.areaChart', { from: years[0]!, to: years[years.length - 1]! }),
          summary: w.t('rep.impact.spending.areaSummary', {
            count: byArea.length,
            top: [...byArea].sort((a, b) => b.total - a.total)[0]!.areaName,
            total: w.f.money(byArea.reduce((s, a) => s + a.total, 0)),
          }),
          svg: options.renderSvg(
            lineChart({
              categories: years.map(String),
              yName: w.t('rep.impact.euro'),
              locale: w.f.locale,
              series: byArea.map((a) => ({ name: a.areaName, values: a.cents.map((c) => c / 100) })),
            }),
            { width: WIDTH, height: LINE_HEIGHT },
          ),
          width: WIDTH,
          height: LINE_HEIGHT,
          table: {
            caption: w.t('rep.impact.spending.areaTable'),
            columns: [
              { header: w.t('rep.impact.spending.col.area') },
              ...years.map((y) => ({ header: String(y), numeric: true })),
              { header: w.t('rep.impact.total'), numeric: true },
            ],
            rows: byArea.map((a) => [a.areaName, ...a.cents.map((c) => w.f.money(c)), w.f.money(a.total)]),
          },
        };
  const coDesignHeight = barHeight(coDesign.length);
  const coDesignTotal = coDesign.reduce((s, p) => s + p.cents, 0);
  const coDesignChart: ChartView | null =
    coDesign.length === 0
      ? null
      : {
          caption: w.t('rep.impact.spending.coDesignChart'),
          summary: w.t('rep.impact.spending.coDesignSummary', { count: coDesign.length, total: w.f.money(coDesignTotal), top: coDesign[0]!.project }),
          svg: options.renderSvg(
            barChart({ points: coDesign.map((p) => ({ label: p.project, value: p.cents / 100 })), name: w.t('rep.impact.euro'), locale: w.f.locale }),
            {
              width: WIDTH,
              height: coDesignHeight,
            },
          ),
          width: WIDTH,
          height: coDesignHeight,
          table: {
            caption: w.t('rep.impact.spending.coDesignTable'),
            columns: [{ header: w.t('rep.impact.projects.col.project') }, { header: w.t('rep.impact.projects.col.amount'), numeric: true }],
            rows: coDesign.map((p) => [p.project, w.f.money(p.cents)]),
            footer: [w.t('rep.impact.total'), w.f.money(coDesignTotal)],
          },
        };
  return { ...base, natureChart, areaChart, coDesignChart };
}

// ---------------------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------------------

interface Words {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  f: ReturnType<typeof formatterFor>;
}

const words = (locale: UiLocale): Words => ({ t: (key, params) => translate(locale, key, params), f: formatterFor(formatLocale(locale)) });

export const sdgKey = (goal: number) => `rep.impact.sdg.${goal}` as MessageKey;
export const statusKey = (s: ThresholdStatus) => `rep.impact.leps.status.${s}` as MessageKey;
export const figureKey = (f: PublishedFigureKey) => `rep.impact.participation.figure.${f}` as MessageKey;
export const qualifierKey = (q: FigureQualifier) => `rep.impact.participation.qualifier.${q}` as MessageKey;
export const sectionKey = (s: ImpactSectionKey) => `rep.impact.section.${s}` as MessageKey;

/** A published figure as it reads: «25», «oltre 60», «circa 50». */
export function publishedText(w: Pick<Words, 't' | 'f'>, p: { value: number; qualifier: FigureQualifier }): string {
  return p.qualifier === 'exact' ? w.f.count(p.value) : w.t(qualifierKey(p.qualifier), { value: w.f.count(p.value) });
}

/** A count of people as published: the number, or «< 5» when suppressed, «n.d.» when not recorded. */
export function countText(w: Pick<Words, 't' | 'f'>, c: PublishedCount): string {
  return c.suppressed ? w.t('rep.impact.suppressed') : w.f.count(c.value);
}

// ---------------------------------------------------------------------------------------------------------------
// The PDF
// ---------------------------------------------------------------------------------------------------------------

export interface DocOptions {
  locale: UiLocale;
  generatedAt: Date;
  /** Markdown → tree (the shared rich-text parser; passed in to keep this pure). */
  parse: (markdown: string) => RichDoc;
}

/** The report as the document model the PDF renderer draws: the same sections, words and numbers as the page. */
export function buildImpactDoc(view: ImpactView, options: DocOptions): DocModel {
  const w = words(options.locale);
  const lang = formatLocale(options.locale) === 'en' ? 'en-GB' : 'it-IT';
  const blocks: DocBlock[] = [];
  const rich = (markdown: string | null) => {
    if (markdown && markdown.trim()) blocks.push({ kind: 'rich', doc: options.parse(markdown) });
  };
  const chart = (c: ChartView | null) => {
    if (c) blocks.push({ kind: 'chart', caption: c.caption, alt: c.summary, svg: c.svg, width: c.width, height: c.height, data: c.table });
  };
  const empty = (key: MessageKey) => blocks.push({ kind: 'paragraph', text: w.t(key) });
  for (const s of view.sections) {
    blocks.push({ kind: 'heading', level: 1, text: w.t(sectionKey(s.key)) });
    rich(s.intro);
    switch (s.key) {
      case 'plan': {
        if (!s.plan) {
          empty('rep.impact.plan.none');
          break;
        }
        const p = s.plan;
        blocks.push({
          kind: 'facts',
          caption: w.t('rep.impact.plan.facts'),
          rows: [
            { label: w.t('rep.impact.plan.title'), value: p.title },
            { label: w.t('rep.impact.plan.period'), value: `${p.periodStartYear}-${p.periodEndYear}` },
            { label: w.t('rep.impact.plan.status'), value: p.statusLabel },
            { label: w.t('rep.impact.plan.adoption'), value: p.adoptionDate ? w.f.date(p.adoptionDate) : w.f.na },
            ...(p.adoptionAct ? [{ label: w.t('rep.impact.plan.act'), value: p.adoptionAct }] : []),
            ...(p.templateName ? [{ label: w.t('rep.impact.plan.template'), value: p.templateName }] : []),
            { label: w.t('rep.impact.plan.objectives'), value: w.f.count(p.objectivesCount) },
          ],
        });
        if (p.purpose) {
          blocks.push({ kind: 'heading', level: 2, text: w.t('rep.impact.plan.purpose') });
          rich(p.purpose);
        }
        break;
      }
      case 'participation': {
        blocks.push({
          kind: 'table',
          table: {
            caption: w.t('rep.impact.participation.table'),
            columns: [
              { header: w.t('rep.impact.participation.col.figure') },
              { header: w.t('rep.impact.participation.col.published'), numeric: true },
              { header: w.t('rep.impact.participation.col.recorded'), numeric: true },
              { header: w.t('rep.impact.participation.col.source') },
            ],
            rows: s.figures.map((f) => [
              w.t(figureKey(f.figure)),
              f.published ? publishedText(w, f.published) : w.f.na,
              w.f.count(f.recorded),
              f.published?.source ?? '—',
            ]),
          },
        });
        blocks.push({ kind: 'paragraph', text: w.t('rep.impact.participation.note') });
        if (s.tables.length) {
          blocks.push({ kind: 'heading', level: 2, text: w.t('rep.impact.participation.tables') });
          blocks.push({ kind: 'list', ordered: false, items: s.tables.map((t) => t.name) });
        }
        break;
      }
      case 'agenda2030': {
        if (s.goals.length === 0) {
          empty('rep.impact.agenda.none');
          break;
        }
        chart(s.chart);
        for (const g of s.goals) {
          blocks.push({ kind: 'heading', level: 2, text: w.t('rep.impact.sdg.short', { goal: g.goal, name: w.t(sdgKey(g.goal)) }) });
          blocks.push({
            kind: 'list',
            ordered: false,
            items: [
              ...g.objectives.map((o) => w.t('rep.impact.agenda.objectiveItem', { code: o.code, title: o.title })),
              ...g.projects.map((p) => w.t('rep.impact.agenda.projectItem', { title: p })),
            ],
          });
        }
        break;
      }
      case 'projects': {
        if (s.projects.length === 0) {
          empty('rep.impact.projects.none');
          break;
        }
        chart(s.chart);
        for (const p of s.projects) {
          blocks.push({ kind: 'heading', level: 2, text: p.title });
          if (p.summary) blocks.push({ kind: 'paragraph', text: p.summary });
          blocks.push({
            kind: 'facts',
            caption: w.t('rep.impact.projects.card', { title: p.title }),
            rows: [
              { label: w.t('rep.impact.projects.partners'), value: p.partners.length ? p.partners.join(', ') : '—' },
              ...p.resources.map((r) => ({
                label: r.year === null ? r.fundingSource : `${r.fundingSource} (${r.year})`,
                value: w.f.money(r.amountCents),
              })),
              { label: w.t('rep.impact.total'), value: w.f.money(p.totalCents) },
              ...(p.sdgGoals.length ? [{ label: w.t('rep.impact.projects.sdg'), value: p.sdgGoals.join(', ') }] : []),
            ],
          });
        }
        break;
      }
      case 'leps': {
        if (!s.current) {
          empty('rep.impact.leps.none');
          break;
        }
        blocks.push({ kind: 'paragraph', text: lepsSentence(w, s.current) });
        chart(s.chart);
        blocks.push({ kind: 'paragraph', text: w.t('rep.impact.leps.population') });
        break;
      }
      case 'users': {
        if (s.rows.length === 0) {
          empty('rep.impact.users.none');
          break;
        }
        blocks.push({
          kind: 'table',
          table: {
            caption: w.t('rep.impact.users.table', { year: view.report.year }),
            columns: [
              { header: w.t('rep.impact.users.col.service') },
              { header: w.t('rep.impact.users.col.count'), numeric: true },
              { header: w.t('rep.impact.users.col.unit') },
            ],
            rows: s.rows.map((r) => [`${r.objectiveTitle} – ${r.label}`, countText(w, r.count), r.unit ?? '—']),
          },
        });
        blocks.push({ kind: 'paragraph', text: w.t('rep.impact.privacy') });
        break;
      }
      case 'spending': {
        if (s.years.length === 0 && s.coDesign.length === 0) {
          empty('rep.impact.spending.none');
          break;
        }
        if (s.years.length === 0) empty('rep.impact.spending.noSeries');
        else {
          blocks.push({ kind: 'heading', level: 2, text: w.t('rep.impact.spending.natureTitle') });
          chart(s.natureChart);
          if (s.byNature.every((r) => r.servizi === 0)) blocks.push({ kind: 'paragraph', text: w.t('rep.impact.spending.noServices') });
          blocks.push({ kind: 'heading', level: 2, text: w.t('rep.impact.spending.areaTitle') });
          chart(s.areaChart);
        }
        if (s.coDesign.length) {
          blocks.push({ kind: 'heading', level: 2, text: w.t('rep.impact.spending.coDesignTitle') });
          chart(s.coDesignChart);
          blocks.push({ kind: 'paragraph', text: w.t('rep.impact.spending.coDesignNote') });
        }
        break;
      }
    }
  }
  const title = view.report.title;
  return {
    lang,
    meta: {
      title,
      author: view.ambito.name,
      subject: w.t('rep.impact.doc.subject', { ambito: view.ambito.name, year: view.report.year }),
      keywords: [w.t('rep.impact.doc.keyword'), view.ambito.name, String(view.report.year)],
      createdAt: options.generatedAt.toISOString(),
    },
    cover: {
      overline: view.ambito.name,
      title,
      subtitle: w.t('rep.impact.doc.subtitle', { year: view.report.year }),
      lines: [
        { label: w.t('rep.impact.doc.status'), value: w.t(view.report.status === 'published' ? 'rep.impact.status.published' : 'rep.impact.status.draft') },
        ...(view.report.publishedAt ? [{ label: w.t('rep.impact.doc.publishedAt'), value: w.f.date(view.report.publishedAt) }] : []),
        { label: w.t('rep.impact.doc.series'), value: `${view.report.seriesFromYear}-${view.report.year}` },
        { label: w.t('rep.impact.doc.generatedAt'), value: w.f.dateTime(options.generatedAt) },
        { label: w.t('rep.impact.doc.source'), value: w.t('rep.impact.doc.sourceValue') },
      ],
    },
    labels: {
      toc: w.t('rep.impact.doc.toc'),
      page: w.t('rep.impact.doc.page'),
      footnotes: w.t('rep.impact.doc.footnotes'),
      chartData: w.t('rep.impact.doc.chartData'),
      continued: w.t('rep.impact.doc.continued'),
    },
    blocks,
  };
}

/** The LEPS in one sentence: «Nel 2022: 21 assistenti sociali (ETP), 1 ogni 4.900 abitanti: LEPS 1:5.000 raggiunto…». */
export function lepsSentence(w: Pick<Words, 't' | 'f'>, y: ImpactInput['staffing'][number]): string {
  return w.t('rep.impact.leps.sentence', {
    year: y.year,
    fte: w.f.fte(y.fte),
    perWorker: y.inhabitantsPerWorker === null ? w.f.na : w.f.number(y.inhabitantsPerWorker, 0),
    leps: w.t(statusKey(y.leps)),
    objective: w.t(statusKey(y.serviceObjective)),
  });
}

/** The words and formats of a language, for the page (which has its own `t` and `f` from useI18n). */
export const impactWords = words;
