import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromRoot } from '../../shared/paths.ts';
import type { RichDoc } from '../../shared/richtext/richtext.types.ts';
import { registerMessages } from '../../shared/i18n/messages.ts';
import { cardValueText, fundName, getTemplate } from '../planning/index.server.ts';
import { messages as planningMessages, parsePlanDocument } from '../planning/index.ts';
import type { DocBlock } from './document/document.model.ts';
import { buildPlanDocument, chapterLevel, placeObjectives, sentenceCase, type PlanForDocument, type TemplateForDocument } from './plan-document.build.ts';
import * as messages from './reports.messages.ts';

registerMessages(messages);
registerMessages(planningMessages);

const text = readFileSync(fromRoot('fixtures', 'demo', 'gallarate', 'plans', 'piano-2025-2027.json'), 'utf8');
const plan = parsePlanDocument('piano-2025-2027.json', text) as unknown as PlanForDocument;
const template = getTemplate(plan.plan.template.id) as unknown as TemplateForDocument;
const paragraph = (md: string): RichDoc => ({ blocks: [{ t: 'paragraph', children: [{ t: 'text', text: md }] }], footnotes: [] });

function build(locale: 'it' | 'en' = 'it') {
  return buildPlanDocument({
    locale,
    ambitoName: 'Ambito territoriale di Gallarate',
    plan,
    template,
    version: { source: 'baseline', label: 'testo adottato (Versione approvata il 2025-01-20)', sha256: 'a'.repeat(64) },
    generatedAt: new Date('2026-12-05T10:00:00Z'),
    glossary: [
      { term: 'Ufficio di Piano', definition: 'La struttura tecnica dell’Ambito.' },
      { term: 'LEPS', definition: 'Livelli essenziali delle prestazioni sociali.' },
    ],
    parse: paragraph,
    htmlToMarkdown: (html) => html.replace(/<[^>]+>/g, ''),
    fundName,
    cardValueText,
    renderSvg: () => '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
  });
}

const headings = (blocks: DocBlock[]) => blocks.filter((b): b is Extract<DocBlock, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.text);

test('the Gallarate 2025-2027 document has all 24 objective cards, each once, in the chapters of their macro-area (LEPS in 7.1)', () => {
  const model = build();
  const all = headings(model.blocks);
  assert.equal(plan.objectives.length, 24);
  for (const o of plan.objectives) assert.equal(all.filter((h) => h === `Obiettivo ${o.code} — ${o.title}`).length, 1, `obiettivo ${o.code}`);
  // Each objective's heading comes after its chapter's heading and before the next chapter of the same level.
  const at = (h: string) => all.indexOf(h);
  const leps = plan.objectives.filter((o) => o.kind === 'leps');
  assert.equal(leps.length, 5);
  for (const o of leps)
    assert.ok(
      at(`Obiettivo ${o.code} — ${o.title}`) > at('7.1 Obiettivi LEPS') && at(`Obiettivo ${o.code} — ${o.title}`) < at('7.1.1 AMBITO TERRITORIALE SOCIALE'),
    );
  const transversal = plan.objectives.filter((o) => o.macroArea === 'Obiettivi trasversali');
  assert.equal(transversal.length, 4);
  for (const o of transversal)
    assert.ok(
      at(`Obiettivo ${o.code} — ${o.title}`) > at('5.1 Obiettivi trasversali') &&
        at(`Obiettivo ${o.code} — ${o.title}`) < at(all.find((h) => h.startsWith('5.2 '))!),
    );
  // In the document the cards come in the plan's own order (what pdftotext of the PDF must find).
  const order = plan.objectives.map((o) => at(`Obiettivo ${o.code} — ${o.title}`));
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  // No objective is left for the appendix of unplaced cards.
  assert.equal(placeObjectives(plan.chapters, plan.objectives, template).unplaced.length, 0);
  assert.ok(!all.includes('Schede degli obiettivi'));
});

test('the chapters keep the plan’s order and their levels; the budget, references and glossary come after them', () => {
  const model = build();
  const all = headings(model.blocks);
  const chapterHeadings = plan.chapters.map((c) => (c.number ? `${c.number} ${c.title}` : c.title));
  const positions = chapterHeadings.map((h) => all.indexOf(h));
  assert.ok(positions.every((p) => p >= 0));
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
  );
  assert.deepEqual(all.slice(-6), [
    'Risorse del piano',
    'Risorse per area',
    'Risorse per fonte di finanziamento',
    'Allegati',
    'Riferimenti normativi',
    'Glossario sociale essenziale',
  ]);
  assert.equal(chapterLevel('5'), 1);
  assert.equal(chapterLevel('5.2'), 2);
  assert.equal(chapterLevel('4.2.3'), 3);
  assert.equal(chapterLevel(null), 1);
});

test('the budget tables add up to the plan’s budget lines, by area and by fund, with a chart of each and its data', () => {
  const model = build();
  const total = plan.objectives.flatMap((o) => o.budget).reduce((s, b) => s + b.amountCents, 0);
  assert.ok(total > 0);
  const charts = model.blocks.filter((b): b is Extract<DocBlock, { kind: 'chart' }> => b.kind === 'chart');
  assert.equal(charts.length, 2);
  const euro = (s: string) => Math.round(Number(s.replace(/[^\d,]/g, '').replace(',', '.')) * 100);
  for (const c of charts) {
    assert.equal(euro(c.data.footer![1]), total);
    assert.equal(
      c.data.rows.reduce((s, r) => s + euro(r[1]), 0),
      total,
    );
    assert.match(c.alt, /grafico a barre/);
    assert.ok(c.svg.startsWith('<svg'));
  }
  const byFund = charts[1].data.rows.map((r) => r[0]);
  assert.ok(
    byFund.some((name) => name.includes('FNPS')),
    byFund.join(', '),
  );
});

test('every objective card prints the regional card’s fields, its actions and its indicators with yearly targets', () => {
  const model = build();
  const o = plan.objectives[0];
  const facts = model.blocks.find((b): b is Extract<DocBlock, { kind: 'facts' }> => b.kind === 'facts' && b.caption === `Scheda dell’obiettivo ${o.code}`)!;
  assert.ok(facts);
  assert.ok(facts.rows.some((r) => r.label === 'Titolo intervento' && r.value === o.card.titolo_intervento));
  const tables = model.blocks.filter((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');
  const actions = tables.find((b) => b.table.caption === `Azioni dell’obiettivo ${o.code}`)!;
  assert.equal(actions.table.rows.length, o.actions.length);
  const indicators = tables.find((b) => b.table.caption === `Indicatori e target annuali dell’obiettivo ${o.code}`)!;
  assert.equal(indicators.table.rows.length, o.indicators.length + o.actions.reduce((s, a) => s + a.indicators.length, 0));
  assert.deepEqual(indicators.table.columns.map((c) => c.header).slice(3, 6), ['Target 2025', 'Target 2026', 'Target 2027']);
  const allIndicators = plan.objectives.reduce((s, x) => s + x.indicators.length + x.actions.reduce((t, a) => t + a.indicators.length, 0), 0);
  const printed = tables.filter((b) => b.table.caption.startsWith('Indicatori e target')).reduce((s, b) => s + b.table.rows.length, 0);
  assert.equal(printed, allIndicators);
});

test('the cover states the plan version and its hash; the annexes carry the template’s normative references and the glossary, sorted', () => {
  const model = build();
  assert.equal(model.lang, 'it-IT');
  assert.ok(model.cover.lines.some((l) => l.label === 'Impronta SHA-256 della versione' && l.value === 'a'.repeat(64)));
  assert.ok(model.cover.lines.some((l) => l.label === 'Versione' && l.value.includes('testo adottato')));
  assert.ok(model.meta.keywords.includes(`sha256:${'a'.repeat(64)}`));
  const list = model.blocks.find((b): b is Extract<DocBlock, { kind: 'list' }> => b.kind === 'list')!;
  assert.ok(list.items.some((i) => i.startsWith('Legge 8 novembre 2000, n. 328')));
  assert.ok(list.items.some((i) => i.startsWith('D.G.R. XII/2167')));
  const glossary = model.blocks.at(-1)!;
  assert.equal(glossary.kind, 'table');
  if (glossary.kind === 'table')
    assert.deepEqual(
      glossary.table.rows.map((r) => r[0]),
      ['LEPS', 'Ufficio di Piano'],
    );
});

test('the document’s own words follow its language; the plan’s text stays as written', () => {
  const model = build('en');
  assert.equal(model.lang, 'en-GB');
  assert.equal(model.labels.toc, 'Contents');
  const all = headings(model.blocks);
  assert.ok(all.includes('Annexes'));
  assert.ok(all.includes(`Objective ${plan.objectives[0].code} — ${plan.objectives[0].title}`));
  assert.equal(sentenceCase('TITOLO INTERVENTO'), 'Titolo intervento');
  assert.equal(sentenceCase('Già scritto bene'), 'Già scritto bene');
});
