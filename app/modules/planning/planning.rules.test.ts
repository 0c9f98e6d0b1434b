import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parsePlanDocument } from './plan-document.schema.ts';
import { budgetTotals, canTransition, incompleteItems, planVariance } from './planning.rules.ts';

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
  assert.equal(t.byArea.reduce((s, [, v]) => s + v, 0), t.total);
  assert.deepEqual(t.byArea[0], ['Obiettivi macro-area: Domiciliarità', 1_480_000_00]);
  assert.equal(t.byFund.reduce((s, [, v]) => s + v, 0), t.total);
});

test('completeness lists what is left to write', () => {
  assert.deepEqual(
    incompleteItems({ code: 'X', title: 'x', requiredCardKeys: ['a', 'b'], card: { a: 'ok', b: '' }, actions: [{ number: '1', indicators: 0 }], indicators: [{ code: '1.1', targets: 0 }], budgetLines: 0 }),
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
    [['D', 'title'], ['D', 'azione 99 aggiunta'], ['D', 'risorse preventivate (centesimi)']],
  );
  assert.deepEqual(planVariance(plan, plan), []);
});
