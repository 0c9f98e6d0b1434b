import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parsePlanDocument } from './plan-document.schema.ts';
import {
  adoptionProblems,
  budgetTotals,
  canTransition,
  describeChanges,
  incompleteItems,
  isMinorVariation,
  objectiveFieldChanges,
  planVariance,
  proposedObjective,
  withObjectiveUpdate,
  type VariationChange,
} from './planning.rules.ts';
import { parseTemplate } from './template.schema.ts';
import { formatterFor } from '../../shared/format/index.ts';

const fixture = new URL('../../../fixtures/demo/gallarate/plans/piano-2025-2027.json', import.meta.url);
const plan = parsePlanDocument('piano-2025-2027.json', readFileSync(fixture, 'utf8'));

test('the workflow goes forward one step at a time, and back only from consultation to draft', () => {
  assert.equal(canTransition('draft', 'consultation'), true);
  assert.equal(canTransition('consultation', 'draft'), true);
  assert.equal(canTransition('consultation', 'adopted'), true);
  assert.equal(canTransition('draft', 'adopted'), false);
  assert.equal(canTransition('adopted', 'draft'), false);
  assert.equal(canTransition('closed', 'implementation'), false);
});

test('Gallarate 2025-2027: the section-5 objectives sum to 4.217.000 €, D (1.480.000 €) is the largest', () => {
  const rows = plan.objectives
    .filter((o) => o.kind === 'ordinary')
    .flatMap((o) => o.budget.map((l) => ({ objectiveCode: o.code, area: o.macroArea ?? '—', fund: l.fund, year: l.year, amountCents: l.amountCents })));
  const t = budgetTotals(rows);
  assert.equal(t.total, 4_217_000_00);
  assert.deepEqual(t.byObjective[0], ['D', 1_480_000_00]);
  assert.deepEqual(t.byObjective.at(-1), ['R', 5_000_00]);
  assert.equal(
    t.byArea.reduce((s, [, v]) => s + v, 0),
    t.total,
  );
  assert.deepEqual(t.byArea[0], ['Obiettivi macro-area: Domiciliarità', 1_480_000_00]);
  assert.equal(
    t.byFund.reduce((s, [, v]) => s + v, 0),
    t.total,
  );
});

test('completeness lists what is left to write', () => {
  assert.deepEqual(
    incompleteItems({
      code: 'X',
      title: 'x',
      requiredFields: [
        { key: 'a', type: 'text' },
        { key: 'b', type: 'text' },
      ],
      card: { a: 'ok', b: '' },
      actions: [{ number: '1', indicators: 0 }],
      indicators: [{ code: '1.1', targets: 0, level: 'output' }],
      budgetLines: 0,
    }),
    ['1 campo obbligatorio della scheda da compilare', 'l’azione 1 non ha indicatori', 'l’indicatore 1.1 non ha target', 'nessuna risorsa preventivata'],
  );
});

test('the variance against the baseline names the objective and the field that changed', () => {
  const changed = structuredClone(plan);
  const d = changed.objectives.find((o) => o.code === 'D')!;
  d.title = `${d.title} (rivisto)`;
  d.budget[0]!.amountCents += 10_000_00;
  d.actions.push({ ...d.actions[0]!, number: '99', description: 'Nuova azione' });
  const v = planVariance(plan, changed);
  assert.deepEqual(
    v.map((x) => [x.objectiveCode, x.what]),
    [
      ['D', 'titolo'],
      ['D', 'azione 99 aggiunta'],
      ['D', 'riga di bilancio aggiunta'],
      ['D', 'riga di bilancio eliminata'],
      ['D', 'risorse preventivate'],
    ],
  );
  assert.deepEqual(planVariance(plan, plan), []);
});

const lombardy = parseTemplate(
  'lombardia.json',
  readFileSync(new URL('../../../fixtures/templates/lombardia-dgr-xii-2167-2024.json', import.meta.url), 'utf8'),
);
const labels = {
  card: Object.fromEntries(lombardy.objectiveCard.fields.map((f) => [f.key, f.label])),
  money: formatterFor('it').money,
  fund: (f: string) => f,
};
const required = lombardy.objectiveCard.fields
  .filter((f) => f.required)
  .map((f) => ({ key: f.key, label: f.label, type: f.type, indicatorLevel: f.indicatorLevel }));
const completeness = (o: (typeof plan.objectives)[number]) => {
  const indicators = [...o.indicators, ...o.actions.flatMap((a) => a.indicators)];
  return {
    code: o.code,
    title: o.title,
    kind: o.kind,
    requiredFields: o.kind === 'ordinary' ? required : [],
    card: o.card as Record<string, unknown>,
    actions: o.actions.map((a) => ({ number: a.number, indicators: a.indicators.length })),
    indicators: indicators.map((i) => ({ code: i.code, targets: i.targets.length, level: i.level })),
    budgetLines: o.budget.length,
  };
};

test('card rows kept as actions, indicators and budget read the real rows: no Gallarate card misses «azioni programmate» or «modalità organizzative»', () => {
  const missing = plan.objectives
    .filter((o) => o.kind === 'ordinary')
    .flatMap((o) =>
      incompleteItems(completeness(o))
        .filter((i) => /obbligatori/.test(i))
        .map((i) => `${o.code}: ${i}`),
    );
  assert.deepEqual(missing, []);
  // The same objective with no actions, indicators nor budget lines misses those rows.
  const d = completeness(plan.objectives.find((o) => o.code === 'D')!);
  const bare = { ...d, card: { ...d.card, risorse_economiche: undefined, impatto: undefined }, actions: [], indicators: [], budgetLines: 0 };
  assert.deepEqual(adoptionProblems([{ rule: 'required_card_fields' }], [bare]), [
    'Obiettivo D: mancano i campi obbligatori della scheda «AZIONI PROGRAMMATE», «RISORSE ECONOMICHE PREVENTIVATE», «QUALI MODALITÀ ORGANIZZATIVE, OPERATIVE E DI EROGAZIONE SONO ADOTTATE?», «QUALI RISULTATI VUOLE RAGGIUNGERE?», «QUALE IMPATTO DOVREBBE AVERE L’INTERVENTO?».',
  ]);
});

test('adoption completeness: the template’s rules, as data; an empty plan and a bare objective are refused in words', () => {
  const rules = lombardy.adoption!.completeness;
  assert.deepEqual(adoptionProblems(rules, []), ['Il piano ha 0 obiettivi: ne servono almeno 1.']);
  assert.deepEqual(
    adoptionProblems(rules, plan.objectives.map(completeness)).filter((p) => !/indicatori, ne serve/.test(p)),
    [],
  );
  const bare = { code: 'Z', title: 'Nuovo', kind: 'ordinary', requiredFields: [], card: {}, actions: [], indicators: [], budgetLines: 0 };
  assert.deepEqual(adoptionProblems(rules, [bare]), ['Obiettivo Z: 0 azioni, ne serve almeno 1.', 'Obiettivo Z: nessuna risorsa preventivata.']);
});

test('the variance is in words, field by field: an action’s new indicator is not «azione modificata» with the same text twice', () => {
  const changed = structuredClone(plan);
  const d = changed.objectives.find((o) => o.code === 'D')!;
  d.actions[0]!.indicators.push({ ...d.actions[0]!.indicators[0]!, code: '1.99', label: 'Nuovo indicatore' });
  d.actions[0]!.responsible = 'Ufficio di Piano';
  d.card.promozionale_o_riparativo = ['Riparativo'];
  const v = planVariance(plan, changed, labels);
  assert.deepEqual(
    v.map((x) => [x.what, x.before, x.after]),
    [
      [
        'scheda: L’OBIETTIVO É DI TIPO PROMOZIONALE/PREVENTIVO O RIPARATIVO?',
        plan.objectives.find((o) => o.code === 'D')!.card.promozionale_o_riparativo,
        'Riparativo',
      ],
      ['azione 1: responsabile', null, 'Ufficio di Piano'],
      [
        'azione 1, indicatore 1.99 aggiunto',
        `Nuovo indicatore — ${d.actions[0]!.indicators[0]!.targets.map((t) => `${t.year ?? 'triennio'}: ${t.text}`).join('; ')}`.replace(/ — $/, ''),
      ],
    ].map((r) => (r.length === 2 ? [r[0], null, r[1]] : r)),
  );
  assert.ok(
    v.every((x) => !/^\[|^\{/.test(x.after ?? '') && !/^\[|^\{/.test(x.before ?? '')),
    'never raw JSON',
  );
});

test('a variation holds field changes per objective; the draft is extended, minor changes are the template’s, and it reads in words', () => {
  const d = {
    id: 'o1',
    title: 'Domiciliarità',
    description: 'x',
    priority: false,
    macroArea: null,
    policyAreas: ['D'],
    links: {},
    card: { target: 'Anziani', impatto: 'Meno ricoveri' },
  };
  assert.deepEqual(objectiveFieldChanges(d, { ...d, card: { ...d.card } }), []);
  const fields = objectiveFieldChanges(d, { ...d, description: 'y', card: { target: 'Anziani soli', impatto: 'Meno ricoveri' } });
  assert.deepEqual(fields, [
    { key: 'description', before: 'x', after: 'y' },
    { key: 'card.target', before: 'Anziani', after: 'Anziani soli' },
  ]);
  let changes: VariationChange[] = withObjectiveUpdate([], 'o1', 'D', fields);
  assert.equal(proposedObjective(d, changes).card.target, 'Anziani soli');
  assert.equal(isMinorVariation(changes, lombardy.adoption!.minorChanges), true);
  changes = withObjectiveUpdate(changes, 'o1', 'D', [{ key: 'card.impatto', before: 'Meno ricoveri', after: 'Nessun ricovero' }]);
  assert.equal(changes.length, 1, 'one entry per objective, replaced by the latest form');
  assert.equal(isMinorVariation(changes, lombardy.adoption!.minorChanges), false);
  changes.push({ kind: 'budget.add', objectiveId: 'o1', objectiveCode: 'D', values: { fund: 'FNA', year: 2026, amountCents: 1_250_050, note: null } });
  assert.deepEqual(
    describeChanges(changes, labels).map((i) => [i.objectiveCode, i.what, i.before, i.after]),
    [
      ['D', 'scheda: QUALE IMPATTO DOVREBBE AVERE L’INTERVENTO?', 'Meno ricoveri', 'Nessun ricovero'],
      ['D', 'nuova riga di bilancio', null, 'FNA, 2026: 12.500,50\u00a0€'],
    ],
  );
  assert.deepEqual(
    withObjectiveUpdate(changes, 'o1', 'D', []).map((c) => c.kind),
    ['budget.add'],
    'a form back to the approved values drops the objective’s changes',
  );
});
