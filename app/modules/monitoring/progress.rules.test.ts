import assert from 'node:assert/strict';
import { test } from 'node:test';
import { close, generator, issuesOf, metIt, progressIt, realisationIt } from './monitoring.test-support.ts';
import { formatPercent } from '../../shared/format/index.ts';
import { actionRealisation, countTargets, countTargetsBy, objectiveProgress, planProgress, rollUp, type ProgressItem } from './progress.rules.ts';
import { evaluateTargetSchedule, type TargetStatus } from './targets.rules.ts';

// Figures: the per-action realisation of the 16 objectives of Gallarate's Piano di Zona 2021-2023 and their macro-areas
// (seed 002, §1.1 L805-L1033 and §1.3 L1125-L2941).
const GALLARATE_2021_2023: { code: string; area: string; actions: number[] }[] = [
  { code: '1', area: 'Obiettivi trasversali', actions: [100, 100, 100] },
  { code: '2', area: 'Obiettivi trasversali', actions: [0, 100, 100, 100] },
  { code: 'A', area: 'politiche abitative', actions: [100, 100, 50, 80, 0] },
  { code: 'B', area: 'promozione inclusione attiva', actions: [100, 0, 100, 50] },
  { code: 'C', area: 'promozione inclusione attiva', actions: [100, 0, 100, 100] },
  { code: 'D', area: 'domiciliarità', actions: [80, 100, 100] },
  { code: 'E', area: 'anziani', actions: [0, 0, 0, 0, 100] },
  { code: 'F', area: 'politiche giovanili e per minori', actions: [100, 25, 25, 100] },
  { code: 'G', area: 'politiche giovanili e per minori', actions: [50, 0, 50, 50, 0, 50] },
  { code: 'H', area: 'interventi connessi alle politiche per il lavoro', actions: [100, 50, 100, 100, 50] },
  { code: 'I', area: 'interventi per la famiglia', actions: [100, 80] },
  { code: 'L', area: 'interventi per la famiglia', actions: [100, 100] },
  { code: 'M', area: 'interventi a favore delle persone con disabilità', actions: [0, 0, 25] },
  { code: 'N', area: 'interventi a favore delle persone con disabilità', actions: [50, 0, 50] },
  { code: 'O', area: 'interventi a favore delle persone con disabilità', actions: [100, 0, 0] },
  { code: 'P', area: 'interventi a favore delle persone con disabilità', actions: [100, 50] },
];

const actionsOf = (percents: number[]): ProgressItem[] => percents.map((value, i) => ({ code: String(i + 1), value }));

// ---------------------------------------------------------------------------------------------------------------
// Action

test('a declared realisation is taken as is, e.g. objective A "Azione 4: 80%" (seed 002 L1377)', () => {
  assert.deepEqual(actionRealisation({ declaredPercent: 80 }), {
    source: 'declared',
    numerator: 80,
    denominator: 100,
    value: 80,
    targets: 0,
    evaluated: 0,
    met: 0,
    notMet: 0,
    inProgress: 0,
    missing: 0,
  });
  assert.equal(realisationIt(actionRealisation({ declaredPercent: 80 })), 'percentuale dichiarata: 80 %');
});

test('without a declared figure, an action is realised over all the targets of the plan period (baselines excepted)', () => {
  // PUA/UVM card, seed 002 L12059-L12096: a T0 year, a met and a missed threshold, a year with no data, one in progress.
  // Before: 1/3 "due" targets (33,33 %) — the open target was left out; now it is not achieved: 1 of 4.
  const statuses: { status: TargetStatus }[] = [
    { status: 'baseline' },
    { status: 'raggiunto' },
    { status: 'non_raggiunto' },
    { status: 'dati_mancanti' },
    { status: 'in_corso' },
  ];
  const result = actionRealisation({ targets: statuses });
  assert.equal(result.source, 'targets');
  assert.equal(result.numerator, 1);
  assert.equal(result.denominator, 4);
  assert.equal(result.evaluated, 2);
  assert.deepEqual([result.targets, result.met, result.notMet, result.inProgress, result.missing], [4, 1, 1, 1, 1]);
  close(result.value, 25);
  assert.equal(
    realisationIt(result),
    '(1 × 100)/4 target del periodo del piano = 25 %; 2 di 4 target valutati (1 raggiunto + 1 non raggiunto; 1 in corso + 1 con dati mancanti)',
  );
});

test('an action without any evaluated target has no realisation (n.d.), rather than zero — also when a closed year has no data', () => {
  const open = actionRealisation({ targets: [{ status: 'baseline' }, { status: 'in_corso' }] });
  assert.equal(open.value, null);
  assert.equal(realisationIt(open), 'n.d.: 0 di 1 target valutato (1 in corso + 0 con dati mancanti)');
  // The same facts as numbers, for the page to say them in the reader's language.
  assert.deepEqual([open.evaluated, open.targets, open.inProgress, open.missing], [0, 1, 1, 0]);
  // Regression: a closed year without a figure made the action 0 % ("0 %" on the dashboard of a plan with no data).
  const missing = actionRealisation({ targets: [{ status: 'dati_mancanti' }, { status: 'in_corso' }, { status: 'in_corso' }] });
  assert.equal(missing.value, null);
  assert.equal(realisationIt(missing), 'n.d.: 0 di 3 target valutati (2 in corso + 1 con dati mancanti)');
  assert.deepEqual([missing.evaluated, missing.targets, missing.inProgress, missing.missing], [0, 3, 2, 1]);
  // The page writes a missing figure «n.d.» (formatPercent of null), a zero «0,00 %».
  assert.equal(formatPercent('it', missing.value), 'n.d.');
  assert.equal(formatPercent('it', 0), '0,00 %');
  assert.equal(actionRealisation({}).source, 'none');
  assert.equal(actionRealisation({}).value, null);
  assert.equal(actionRealisation({ targets: [{ status: 'baseline' }] }).value, null);
  assert.deepEqual(
    issuesOf(() => actionRealisation({ declaredPercent: 130 }, 'obiettivo A, azione 4')),
    [{ path: 'obiettivo A, azione 4, percentuale di realizzazione', message: 'percentuale non valida: «130» (da 0 a 100)' }],
  );
});

test('an action met in its first year while its later targets are still open is not 100 % (1 di 3 target valutati)', () => {
  const evaluations = evaluateTargetSchedule(
    [
      { year: 2025, rule: { type: 'gte', value: 10 } },
      { year: 2026, rule: { type: 'gte', value: 12 } },
      { year: 2027, rule: { type: 'gte', value: 14 } },
    ],
    [
      { period: '2025-S1', value: 6 },
      { period: '2025-S2', value: 6 },
    ],
    { today: '2026-03-01' },
  );
  assert.deepEqual(
    evaluations.map((e) => e.status),
    ['raggiunto', 'in_corso', 'in_corso'],
  );
  const r = actionRealisation({ targets: evaluations });
  close(r.value, 100 / 3);
  assert.deepEqual([r.evaluated, r.targets], [1, 3]);
  assert.match(realisationIt(r), /; 1 di 3 target valutati \(/);
  // Once every year is met, it is 100 %.
  const all = actionRealisation({ targets: [{ status: 'raggiunto' }, { status: 'raggiunto' }, { status: 'raggiunto' }] });
  assert.equal(all.value, 100);
  assert.deepEqual([all.evaluated, all.targets], [3, 3]);
});

test('an action can be realised from a target schedule evaluated by the target engine', () => {
  const evaluations = evaluateTargetSchedule(
    [
      { year: 2025, rule: { type: 'gte_percent', value: 50 } },
      { year: 2026, rule: { type: 'gte_percent', value: 75 } },
      { year: 2027, rule: { type: 'gte_percent', value: 100 } },
    ],
    [
      { period: '2025', value: { numerator: 30, denominator: 50 } },
      { period: '2026', value: { numerator: 70, denominator: 100 } },
    ],
    { today: '2027-05-01' },
  );
  assert.deepEqual(
    evaluations.map((e) => e.status),
    ['raggiunto', 'non_raggiunto', 'in_corso'],
  );
  // Before: 50 % (the open 2027 target left out); the 2027 target is part of the plan period and not achieved yet.
  close(actionRealisation({ targets: evaluations }).value, 100 / 3);
});

// ---------------------------------------------------------------------------------------------------------------
// Objective

test('an objective’s progress is the mean of its actions: objective A is 66 %, while its regional grade is 80 %', () => {
  const a = objectiveProgress(actionsOf([100, 100, 50, 80, 0]), 'A');
  assert.equal(a.method, 'mean');
  assert.equal(a.value, 66);
  assert.equal(a.numerator, 330);
  assert.equal(a.denominator, 5);
  assert.equal(progressIt(a), '(100 + 100 + 50 + 80 + 0)/5 = 66 %');
});

test('weights need not sum to 1: they are normalised, so (3, 1) and (0,3, 0,1) give the same progress', () => {
  const p = objectiveProgress([
    { code: '1', value: 100, weight: 3 },
    { code: '2', value: 50, weight: 1 },
  ]);
  assert.equal(p.method, 'weighted_mean');
  assert.equal(p.value, 87.5);
  assert.deepEqual(p.weights, [
    { code: '1', weight: 0.75 },
    { code: '2', weight: 0.25 },
  ]);
  assert.equal(progressIt(p), '(100×3 + 50×1)/(3 + 1) = 87,5 %');
  close(
    objectiveProgress([
      { code: '1', value: 100, weight: 0.3 },
      { code: '2', value: 50, weight: 0.1 },
    ]).value,
    87.5,
  );
});

test('actions without a figure are left out and listed, never counted as zero', () => {
  const p = objectiveProgress([
    { code: '1', value: 100 },
    { code: '2', value: null },
    { code: '3', value: 50 },
  ]);
  assert.equal(p.value, 75);
  assert.deepEqual(p.included, ['1', '3']);
  assert.deepEqual(p.missing, ['2']);
  assert.deepEqual(p.terms, [
    { code: '1', value: 100, weight: null },
    { code: '3', value: 50, weight: null },
  ]);
  assert.equal(progressIt(p), '(100 + 50)/2 = 75 % (senza dati: 2)');
  const none = objectiveProgress([{ code: '1', value: null }]);
  assert.equal(none.value, null);
  assert.equal(progressIt(none), 'nessun dato ancora disponibile');
});

test('weights on some actions only, weights summing to zero and bad figures are refused in Italian', () => {
  assert.deepEqual(
    issuesOf(() =>
      objectiveProgress(
        [
          { code: '1', value: 100, weight: 2 },
          { code: '2', value: 50 },
          { code: '3', value: 120, weight: -1 },
        ],
        'M',
      ),
    ),
    [
      { path: 'obiettivo M, azioni, pesi', message: 'indica un peso per tutti o per nessuno: manca per 2' },
      { path: 'obiettivo M, azioni, 3, percentuale', message: 'percentuale non valida: «120» (da 0 a 100)' },
      { path: 'obiettivo M, azioni, 3, peso', message: 'peso non valido: «-1» (numero non negativo)' },
    ],
  );
  assert.deepEqual(
    issuesOf(() =>
      rollUp([
        { code: '1', value: 10, weight: 0 },
        { code: '2', value: 20, weight: 0 },
      ]),
    ),
    [{ path: 'elementi, pesi', message: 'la somma dei pesi è zero: almeno un peso deve essere maggiore di zero' }],
  );
  assert.deepEqual(
    issuesOf(() =>
      rollUp([
        { code: '1', value: 10 },
        { code: '1', value: 20 },
      ]),
    ),
    [{ path: 'elementi, 1', message: 'codice 1 ripetuto' }],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Plan, by policy area

test('plan progress by policy area: Gallarate 2021-2023 disability area (M, N, O, P) is at 37,5 %, the whole plan at 62,98 %', () => {
  const objectives = GALLARATE_2021_2023.map((o) => ({ code: o.code, area: o.area, value: objectiveProgress(actionsOf(o.actions), o.code).value }));
  const { areas, plan } = planProgress(objectives);
  // The 9 areas, in the order the plan first names them.
  assert.deepEqual(
    areas.map((a) => a.area),
    [...new Set(GALLARATE_2021_2023.map((o) => o.area))],
  );
  assert.equal(areas.length, 9);
  const disability = areas.find((a) => a.area === 'interventi a favore delle persone con disabilità')!;
  assert.deepEqual(disability.included, ['M', 'N', 'O', 'P']);
  close(disability.value, 37.5);
  assert.equal(progressIt(disability), '(8,33 + 33,33 + 33,33 + 75)/4 = 37,5 %');
  close(areas.find((a) => a.area === 'interventi per la famiglia')!.value, 95);
  close(areas.find((a) => a.area === 'politiche giovanili e per minori')!.value, (62.5 + 100 / 3) / 2);
  // The plan is the mean over its 16 objectives, not over its 9 areas.
  close(plan.value, 1007.6666666666667 / 16);
  assert.equal(plan.denominator, 16);
});

test('an objective without a policy area is refused', () => {
  assert.deepEqual(
    issuesOf(() => planProgress([{ code: 'R', area: ' ', value: 10 }])),
    [{ path: 'obiettivo R, area', message: 'area di policy mancante' }],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Target tally

test('targets are counted as met, not met, missing, in progress and baseline, with the share met among those due', () => {
  const list: { status: TargetStatus }[] = ['raggiunto', 'raggiunto', 'non_raggiunto', 'dati_mancanti', 'in_corso', 'baseline', 'baseline'].map((status) => ({
    status: status as TargetStatus,
  }));
  const counts = countTargets(list);
  assert.deepEqual(
    {
      raggiunto: counts.raggiunto,
      non_raggiunto: counts.non_raggiunto,
      dati_mancanti: counts.dati_mancanti,
      in_corso: counts.in_corso,
      baseline: counts.baseline,
      total: counts.total,
    },
    { raggiunto: 2, non_raggiunto: 1, dati_mancanti: 1, in_corso: 1, baseline: 2, total: 7 },
  );
  assert.deepEqual(counts.met, {
    numerator: 2,
    denominator: 4,
    value: 50,
  });
  assert.equal(metIt(counts), '(2 × 100)/4 target con esito (2 raggiunti + 1 non raggiunto + 1 con dati mancanti) = 50 %');
  assert.equal(countTargets([]).met.value, null);
  // Regression: closed years without any figure gave "0 %" met; with nothing evaluated the share is n.d.
  const none = countTargets([{ status: 'dati_mancanti' }, { status: 'dati_mancanti' }, { status: 'in_corso' }]);
  assert.equal(none.met.value, null);
  assert.equal(metIt(none), 'n.d.: nessun target valutato (2 con dati mancanti)');
  assert.deepEqual(
    issuesOf(() => countTargets([{ status: 'forse' as TargetStatus }])),
    [{ path: 'target, elemento 1, stato', message: 'stato non valido: «forse»' }],
  );
});

test('targets are counted per group, groups in the order they first appear', () => {
  const by = countTargetsBy([
    { group: 'Domiciliarità', status: 'raggiunto' },
    { group: 'Anziani', status: 'dati_mancanti' },
    { group: 'Domiciliarità', status: 'non_raggiunto' },
  ]);
  assert.deepEqual(
    by.map((g) => [g.group, g.counts.raggiunto, g.counts.non_raggiunto, g.counts.dati_mancanti, g.counts.total]),
    [
      ['Domiciliarità', 1, 1, 0, 2],
      ['Anziani', 0, 0, 1, 1],
    ],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

test('property: multiplying every weight by the same factor never changes the progress', () => {
  const next = generator(42);
  for (let i = 0; i < 300; i++) {
    const items = Array.from({ length: 1 + next(8) }, (_, j) => ({ code: String(j + 1), value: next(100), weight: 1 + next(20) }));
    const k = 1 + next(30);
    const scaled = items.map((it) => ({ ...it, weight: it.weight * k }));
    close(rollUp(scaled).value, rollUp(items).value as number);
  }
});

test('property: progress lies between the lowest and the highest figure, and actions without a figure never move it', () => {
  const next = generator(7);
  for (let i = 0; i < 300; i++) {
    const items: ProgressItem[] = Array.from({ length: 1 + next(8) }, (_, j) => ({ code: String(j + 1), value: next(100) }));
    const values = items.map((it) => it.value as number);
    const p = rollUp(items).value as number;
    assert.ok(p >= Math.min(...values) - 1e-9 && p <= Math.max(...values) + 1e-9);
    const withGaps = [...items, { code: 'x', value: null }, { code: 'y', value: null }];
    close(rollUp(withGaps).value, p);
  }
});
