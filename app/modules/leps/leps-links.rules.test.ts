import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LEPS_CODES, parsePlanDocument } from '../planning/index.ts';
import { attributeLepsBudget } from './leps.dashboard.ts';
import { lepsNamedInCard } from './leps-links.rules.ts';

const plan = (file: string) => parsePlanDocument(file, readFileSync(new URL(`../../../fixtures/demo/${file}`, import.meta.url), 'utf8'));
const gallarate2025 = plan('gallarate/plans/piano-2025-2027.json');
const objective = (code: string) => gallarate2025.objectives.find((o) => o.code === code)!;

test('objective 4 of Gallarate 2025-2027 names the Pronto intervento sociale in its title', () => {
  assert.equal(objective('4').title, 'Studio di fattibilità per la realizzazione di un Servizio sovra-zonale di Pronto Intervento Sociale');
  assert.deepEqual(lepsNamedInCard(objective('4'), LEPS_CODES), ['LEPS_PRONTO_INTERVENTO']);
});

test('objective D names the SAD in its actions («servizio di SAD-SADH di Ambito»), objective M the relief of the carers («alleggerire il loro carico di cura»)', () => {
  assert.deepEqual(lepsNamedInCard(objective('D'), LEPS_CODES), ['LEPS_SAD']);
  assert.deepEqual(lepsNamedInCard(objective('M'), LEPS_CODES), ['LEPS_SOLLIEVO']);
});

test('a LEPS cited only in a context field is not a link, unless the line speaks of LEPS', () => {
  // D: «Sì, qualora ricorra l’eventualità di realizzare una valutazione multidimensionale.» (ASST row) is no link.
  assert.ok(!lepsNamedInCard(objective('D'), LEPS_CODES).includes('LEPS_VALUTAZIONE_MULTIDIMENSIONALE'));
  // I: «… al raggiungimento dei LEPS Prioritari: Valutazione multidimensionale … e Prevenzione dell’allontanamento familiare.»
  assert.deepEqual(lepsNamedInCard(objective('I'), LEPS_CODES), ['LEPS_VALUTAZIONE_MULTIDIMENSIONALE', 'LEPS_PREVENZIONE_ALLONTANAMENTO']);
  assert.deepEqual(
    lepsNamedInCard({ title: 'Supporto alle famiglie', card: { asst_realizzazione: { answer: true, text: 'Sì, con la valutazione multidimensionale' } } }),
    [],
  );
  assert.deepEqual(lepsNamedInCard({ title: 'Programma P.I.P.P.I. 12', actions: [{ description: 'Potenziamento del SAD' }] }), [
    'LEPS_SAD',
    'LEPS_PREVENZIONE_ALLONTANAMENTO',
  ]);
  assert.deepEqual(lepsNamedInCard({ title: 'Ascolto dei sad moments' }), []);
});

test('the demo plans record, for every ordinary objective, exactly the LEPS its card names', () => {
  for (const file of ['gallarate/plans/piano-2021-2023.json', 'gallarate/plans/piano-2025-2027.json', 'sebino/plans/piano-2025-2027.json']) {
    for (const o of plan(file).objectives.filter((x) => x.kind === 'ordinary')) {
      assert.deepEqual([...o.links.leps].sort(), lepsNamedInCard(o, LEPS_CODES).sort(), `${file}, obiettivo ${o.code}`);
    }
  }
  const linked = gallarate2025.objectives.filter((o) => o.links.leps.length > 0).map((o) => `${o.code}: ${o.links.leps.join(', ')}`);
  assert.deepEqual(linked, [
    '4: LEPS_PRONTO_INTERVENTO',
    'D: LEPS_SAD',
    'I: LEPS_VALUTAZIONE_MULTIDIMENSIONALE, LEPS_PREVENZIONE_ALLONTANAMENTO',
    'M: LEPS_SOLLIEVO',
    'LEPS-DIMISSIONI: LEPS_DIMISSIONI_PROTETTE',
    'LEPS-SAD: LEPS_SAD',
    'LEPS-VMD: LEPS_VALUTAZIONE_MULTIDIMENSIONALE',
    'LEPS-PIPPI: LEPS_PREVENZIONE_ALLONTANAMENTO',
    'LEPS-PUA: LEPS_PUA',
  ]);
});

test('a budget line is never counted twice: objective I (265.000 €) shows under VMD and PIPPI, the total counts it once', () => {
  const I = { id: 'o-I', code: 'I', budgetLines: [{ id: 'b-I', amountCents: 265_000_00 }] };
  const vmd = { id: 'o-vmd', code: 'LEPS-VMD', budgetLines: [{ id: 'b-vmd', amountCents: 1_300_000_00 }] };
  const pippi = { id: 'o-pippi', code: 'LEPS-PIPPI', budgetLines: [{ id: 'b-pippi', amountCents: 105_000_00 }] };
  const r = attributeLepsBudget([
    { code: 'LEPS_VALUTAZIONE_MULTIDIMENSIONALE', objectives: [I, vmd] },
    { code: 'LEPS_PREVENZIONE_ALLONTANAMENTO', objectives: [pippi, I, I] },
    { code: 'LEPS_PRONTO_INTERVENTO', objectives: [] },
  ]);
  assert.deepEqual(r.byLeps.get('LEPS_VALUTAZIONE_MULTIDIMENSIONALE'), {
    budgetCents: 1_565_000_00,
    sharedCents: 265_000_00,
    sharedWith: ['LEPS_PREVENZIONE_ALLONTANAMENTO'],
    sharedObjectives: ['I'],
  });
  // Linked twice to PIPPI, I is still counted once there.
  assert.deepEqual(r.byLeps.get('LEPS_PREVENZIONE_ALLONTANAMENTO'), {
    budgetCents: 370_000_00,
    sharedCents: 265_000_00,
    sharedWith: ['LEPS_VALUTAZIONE_MULTIDIMENSIONALE'],
    sharedObjectives: ['I'],
  });
  assert.deepEqual(r.byLeps.get('LEPS_PRONTO_INTERVENTO'), { budgetCents: 0, sharedCents: 0, sharedWith: [], sharedObjectives: [] });
  assert.equal(r.totalCents, 1_670_000_00);
  assert.equal(r.rowsSumCents, 1_935_000_00);
  assert.equal(r.sharedCents, 265_000_00);
});
