import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generator, gradeIt, issuesOf, meanIt, spendingIt } from './monitoring.test-support.ts';
import {
  ACHIEVEMENT_BAND_LABELS,
  achievementBand,
  achievementGrade,
  adequacyScore,
  classifyAdequacy,
  evaluateGrid,
  evaluationCitation,
  hasInternalReference,
  parseEvaluationGrid,
  planMeanGrade,
  printedPercent,
  RESOURCE_ADEQUACY_LEVELS,
  SPENDING_CLASS_LABELS,
  spendingCoincidence,
} from './evaluation.rules.ts';

// Seed 002 = Ambito di Gallarate, Piano di Zona 2025-2027, chapter 1 "Esiti della programmazione di Ambito 2021-2023":
// the grid at L1035-L1121, the 16 filled evaluations at L1125-L2941, the conclusion at L2945.

const FIXTURE = new URL('../../../fixtures/demo/gallarate/evaluation-2021-2023.json', import.meta.url);

const grade = (...percents: number[]) => achievementGrade(percents.map((realisationPercent, i) => ({ number: i + 1, realisationPercent })));

/** Per-action realisation and the grade each objective publishes (seed 002, lines of "In particolare…" and "pari al"). */
const GALLARATE_2021_2023: { code: string; actions: number[]; published: string; lines: string }[] = [
  { code: '1', actions: [100, 100, 100], published: '100% (ottimo)', lines: 'L1160, L1166-L1168' },
  { code: '2', actions: [0, 100, 100, 100], published: '75% (sufficiente)', lines: 'L1250-L1251, L1263-L1268' },
  { code: 'A', actions: [100, 100, 50, 80, 0], published: '80% (buono)', lines: 'L1367-L1368, L1374-L1378' },
  { code: 'B', actions: [100, 0, 100, 50], published: '75% (sufficiente)', lines: 'L1479-L1480, L1486-L1489' },
  { code: 'C', actions: [100, 0, 100, 100], published: '75% (sufficiente)', lines: 'L1655-L1656, L1662-L1681' },
  { code: 'D', actions: [80, 100, 100], published: '100% (ottimo)', lines: 'L1830-L1831, L1837-L1842' },
  { code: 'E', actions: [0, 0, 0, 0, 100], published: '20% (insufficiente)', lines: 'L1946-L1947, L1953-L1964' },
  { code: 'F', actions: [100, 25, 25, 100], published: '100% (ottimo)', lines: 'L2061-L2062, L2068-L2080' },
  { code: 'G', actions: [50, 0, 50, 50, 0, 50], published: '67% (sufficiente)', lines: 'L2188-L2189, L2195-L2200' },
  { code: 'H', actions: [100, 50, 100, 100, 50], published: '100% (ottimo)', lines: 'L2297-L2298, L2304-L2311' },
  { code: 'I', actions: [100, 80], published: '100% (ottimo)', lines: 'L2386-L2387, L2393-L2394' },
  { code: 'L', actions: [100, 100], published: '100% (ottimo)', lines: 'L2459-L2460, L2466-L2467' },
  { code: 'M', actions: [0, 0, 25], published: '33% (insufficiente)', lines: 'L2543-L2544, L2550-L2552' },
  { code: 'N', actions: [50, 0, 50], published: '67% (sufficiente)', lines: 'L2670-L2671, L2677-L2687' },
  { code: 'O', actions: [100, 0, 0], published: '33% (insufficiente)', lines: 'L2795-L2796, L2802-L2804' },
  { code: 'P', actions: [100, 50], published: '100% (ottimo)', lines: 'L2876-L2877, L2883-L2893' },
];

// ---------------------------------------------------------------------------------------------------------------
// Achievement grade

test('each of the 16 objectives of 2021-2023 gets the grade and band the plan publishes', () => {
  for (const o of GALLARATE_2021_2023) {
    assert.equal(grade(...o.actions).label, o.published, `objective ${o.code} (${o.lines})`);
  }
});

test('an action counts as realised when its realisation is above zero: objective D (80 %, 100 %, 100 %) is graded 100 %, not the mean', () => {
  const d = grade(80, 100, 100);
  assert.partialDeepStrictEqual(d, { realised: 3, planned: 3, percent: 100, band: 'ottimo' });
  const a = grade(100, 100, 50, 80, 0);
  assert.deepEqual(
    { numerator: a.numerator, denominator: a.denominator, value: a.value, formula: gradeIt(a) },
    { numerator: 400, denominator: 5, value: 80, formula: '(n. azioni realizzate*100)/n. azioni programmate = (4*100)/5 = 80%' },
  );
});

test('two thirds print as 67 % and one third as 33 %, as the seed prints them for G, N, M and O', () => {
  const g = grade(50, 0, 50, 50, 0, 50);
  assert.equal(g.value, 400 / 6);
  assert.equal(g.percent, 67);
  assert.equal(gradeIt(g), '(n. azioni realizzate*100)/n. azioni programmate = (4*100)/6 = 66,67% → 67%');
  const m = grade(0, 0, 25);
  assert.equal(m.percent, 33);
  assert.equal(m.label, '33% (insufficiente)');
  assert.equal(grade(100, 0, 0, 0, 0, 0, 0, 0).percent, 13, '12,5 rounds half up');
});

test('the bands are those of the regional grid: 0 nullo, 1-49 insufficiente, 50-79 sufficiente, 80-99 buono, 100 ottimo', () => {
  const cases: [number, string][] = [
    [0, 'nullo'],
    [1, 'insufficiente'],
    [49, 'insufficiente'],
    [49.99, 'insufficiente'],
    [50, 'sufficiente'],
    [76.56, 'sufficiente'],
    [79, 'sufficiente'],
    [80, 'buono'],
    [99, 'buono'],
    [100, 'ottimo'],
  ];
  for (const [percent, band] of cases) assert.equal(achievementBand(percent), band, String(percent));
  assert.deepEqual(Object.values(ACHIEVEMENT_BAND_LABELS), ['0% (nullo)', '1-49% (insufficiente)', '50-79% (sufficiente)', '80-99% (buono)', '100% (ottimo)']);
  assert.deepEqual(
    issuesOf(() => achievementBand(101)),
    [{ path: 'grado di raggiungimento', message: 'percentuale non valida: «101» (da 0 a 100)' }],
  );
});

test('a grade strictly between 0 and 100 is never printed as 0 % or 100 %, so "nullo" and "ottimo" mean none and all', () => {
  const almostAll = achievementGrade(Array.from({ length: 200 }, (_, i) => ({ realisationPercent: i === 0 ? 0 : 10 })));
  assert.equal(almostAll.value, 99.5);
  assert.equal(almostAll.label, '99% (buono)');
  const almostNone = achievementGrade(Array.from({ length: 201 }, (_, i) => ({ realisationPercent: i === 0 ? 5 : 0 })));
  assert.equal(almostNone.label, '1% (insufficiente)');
  assert.equal(grade(0, 0, 0).label, '0% (nullo)');
  assert.equal(printedPercent(9_999, 100, 0), 99);
  assert.equal(printedPercent(10_001, 100, 0), 101);
});

test('bad realisation percentages are refused naming the action', () => {
  assert.deepEqual(
    issuesOf(() =>
      achievementGrade([
        { number: 1, realisationPercent: 100 },
        { number: 2, realisationPercent: 120 },
      ]),
    ),
    [{ path: 'azione 2, percentuale di realizzazione', message: 'percentuale non valida: «120» (da 0 a 100)' }],
  );
  assert.deepEqual(
    issuesOf(() => achievementGrade([])),
    [{ path: 'azioni', message: 'l’obiettivo non ha azioni programmate' }],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Plan mean

test('the plan mean of 2021-2023 is 76,56 % (sufficiente), as in "1.4 Conclusioni" (seed 002 L2945-L2946)', () => {
  const mean = planMeanGrade(GALLARATE_2021_2023.map((o) => ({ code: o.code, percent: grade(...o.actions).percent })));
  assert.partialDeepStrictEqual(mean, { numerator: 1225, denominator: 16, value: 76.5625, percent: 76.56, band: 'sufficiente', label: '76,56% (sufficiente)' });
  assert.equal(meanIt(mean), '(100 + 75 + 80 + 75 + 75 + 100 + 20 + 100 + 67 + 100 + 100 + 100 + 33 + 67 + 33 + 100)/16 = 1225/16 = 76,5625% → 76,56%');
});

test('the plan mean refuses grades that are not whole percentages', () => {
  assert.deepEqual(
    issuesOf(() => planMeanGrade([{ code: 'G', percent: 66.67 }])),
    [{ path: 'obiettivo G, grado di raggiungimento', message: 'percentuale non valida: «66.67» (intero da 0 a 100)' }],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// The filled grid (fixture)

test('the filled 2021-2023 grid of Gallarate loads and reproduces every published grade and the mean 76,56 %', () => {
  const grid = parseEvaluationGrid('evaluation-2021-2023.json', readFileSync(FIXTURE, 'utf8'));
  assert.equal(grid.objectives.length, 16);
  assert.deepEqual(
    grid.objectives.map((o) => o.code),
    ['1', '2', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'L', 'M', 'N', 'O', 'P'],
  );
  const result = evaluateGrid(grid);
  for (const [i, o] of grid.objectives.entries()) {
    assert.ok(o.publishedGrade, `objective ${o.code} has its published grade`);
    assert.equal(result.objectives[i]!.grade.percent, o.publishedGrade.percent, `objective ${o.code}`);
    assert.equal(result.objectives[i]!.grade.band, o.publishedGrade.band, `objective ${o.code}`);
    assert.deepEqual(
      o.actions.map((a) => a.realisationPercent),
      GALLARATE_2021_2023[i]!.actions,
      `objective ${o.code} actions`,
    );
  }
  assert.equal(result.mean.label, '76,56% (sufficiente)');
  assert.equal(result.mean.label, grid.publishedMean?.label);
});

test('the grid keeps the answers of every objective: all re-proposed in 2025-2027, not continuing 2018-2020 only 2, N and O', () => {
  const grid = parseEvaluationGrid('evaluation-2021-2023.json', readFileSync(FIXTURE, 'utf8'));
  assert.ok(grid.objectives.every((o) => o.reproposed.answer === 'yes'));
  assert.deepEqual(
    grid.objectives.filter((o) => o.continuityWithPrevious === 'no').map((o) => o.code),
    ['2', 'N', 'O'],
  );
  assert.deepEqual(
    grid.objectives.filter((o) => o.priority).map((o) => o.code),
    ['1', 'A', 'C', 'D', 'G', 'H', 'L', 'M', 'O'],
  );
  const need = Object.fromEntries(grid.objectives.map((o) => [o.code, o.needAnswered.answer]));
  assert.equal(need['N'], 'no');
  assert.equal(need['E'], 'not_applicable');
  assert.equal(need['1'], null, 'objective 1 answers with a reason but no explicit yes or no (L1196-L1201)');
  const e = grid.objectives.find((o) => o.code === 'E')!;
  assert.equal(e.spendingCoincidence.spendingClass, 'no_resources');
  assert.equal(e.spendingCoincidence.text, SPENDING_CLASS_LABELS.no_resources);
  const g = grid.objectives.find((o) => o.code === 'G')!;
  assert.equal(g.spendingCoincidence.spendingClass, 'above_100');
  assert.ok(g.spendingCoincidence.text?.startsWith('>100% (sottostimato)'));
});

test('the adequacy level stored for each objective is the one read from the evaluator’s own words', () => {
  const grid = parseEvaluationGrid('evaluation-2021-2023.json', readFileSync(FIXTURE, 'utf8'));
  for (const o of grid.objectives) {
    assert.equal(classifyAdequacy(o.resourceAdequacy.text ?? ''), o.resourceAdequacy.level, `objective ${o.code}: «${o.resourceAdequacy.text}»`);
  }
});

test('a broken grid file is refused with the file, the objective and the field', () => {
  const grid = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  grid.objectives[6].actions[4].realisationPercent = 140;
  grid.objectives[8].code = 'A';
  grid.objectives[3].spendingCoincidence.spendingClass = 'equal_100';
  const issues = issuesOf(() => parseEvaluationGrid('griglia.json', JSON.stringify(grid)));
  assert.deepEqual(issues, [{ path: 'griglia.json, obiettivo E, campo actions.4.realisationPercent', message: 'la percentuale va da 0 a 100' }]);
  grid.objectives[6].actions[4].realisationPercent = 100;
  assert.deepEqual(
    issuesOf(() => parseEvaluationGrid('griglia.json', JSON.stringify(grid))),
    [
      { path: 'griglia.json, obiettivo B, campo spendingCoincidence.spendingClass', message: 'con 80% la classe è below_100, non equal_100' },
      { path: 'griglia.json, obiettivo A, campo code', message: 'codice già usato dall’obiettivo n. 3' },
    ],
  );
  assert.deepEqual(
    issuesOf(() => parseEvaluationGrid('griglia.json', '{ "objectives": [')).map((i) => i.path),
    ['griglia.json'],
  );
});

test('the grid cites its public source (document and section), never line numbers or file names', () => {
  // Regression: the grid page of objective E showed "… vedi README-evaluation.md, L1916-L2018".
  const grid = parseEvaluationGrid('evaluation-2021-2023.json', readFileSync(FIXTURE, 'utf8'));
  const e = grid.objectives.find((o) => o.code === 'E')!;
  const citation = evaluationCitation(grid.source!, e);
  assert.equal(
    citation,
    'Ambito Territoriale di Gallarate, Piano di Zona 2025-2027 (adottato dall’Assemblea dei Sindaci il 02.12.2024), cap. 1 «Esiti della programmazione di Ambito 2021-2023», §1.3 «Valutazione degli obiettivi di piano», obiettivo E «' +
      e.title +
      '»',
  );
  assert.equal(hasInternalReference(citation), false);
  assert.equal(hasInternalReference('righe del testo estratto, vedi README-evaluation.md'), true);
  assert.equal(hasInternalReference('Piano di Zona, L1916-L2018'), true);
  assert.equal(hasInternalReference('D.Lgs. 267/2000, art. 34; L. 328/2000'), false);
  const raw = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  raw.source.document = 'Piano di Zona 2025-2027; righe del testo estratto, vedi README-evaluation.md';
  assert.deepEqual(
    issuesOf(() => parseEvaluationGrid('griglia.json', JSON.stringify(raw))),
    [{ path: 'griglia.json, campo source.document', message: 'cita il documento pubblicato (titolo, capitolo o tabella), non numeri di riga o nomi di file' }],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Spending coincidence

test('spending above budget is ">100% (sottostimato)": objective C action 3 "spesi euro 16.600 su stanziamento di euro 16.000" (seed 002 L1750-L1755)', () => {
  const c3 = spendingCoincidence({ budgetedCents: 16_000_00, paidCents: 16_600_00 });
  assert.partialDeepStrictEqual(c3, { value: 103.75, percent: 103.75, spendingClass: 'above_100', label: '>100% (sottostimato)' });
  assert.equal(spendingIt(c3), '(pagato*100)/preventivato = (€ 16.600,00*100)/€ 16.000,00 = 103,75%');
});

test('spending equal to budget is "100% (ottimo)", below it "<100% (non realizzato come programmato o sovrastimato)"', () => {
  assert.equal(spendingCoincidence({ budgetedCents: 14_000_00, paidCents: 14_000_00 }).label, '100% (ottimo)');
  const below = spendingCoincidence([
    { budgetedCents: 5_000_00, paidCents: 5_000_00 },
    { budgetedCents: 5_000_00, paidCents: 3_000_00 },
  ]);
  assert.equal(below.percent, 80);
  assert.equal(below.label, '<100% (non realizzato come programmato o sovrastimato)');
  const cent = spendingCoincidence({ budgetedCents: 1_000_000_00, paidCents: 999_999_99 });
  assert.equal(cent.spendingClass, 'below_100');
  assert.equal(cent.percent, 99.99, 'one cent short never prints as 100 %');
});

test('with nothing allocated there is no percentage: "Poiché non erano state stanziate risorse, non si sono avute spese." (seed 002 L1991-L1993)', () => {
  const none = spendingCoincidence({ budgetedCents: 0, paidCents: 0 });
  assert.equal(none.spendingClass, 'no_resources');
  assert.equal(none.value, null);
  assert.equal(none.label, 'Poiché non erano state stanziate risorse, non si sono avute spese.');
  const unplanned = spendingCoincidence({ budgetedCents: 0, paidCents: 1_200_00 });
  assert.equal(unplanned.spendingClass, 'above_100');
  assert.equal(unplanned.value, null);
  assert.equal(spendingIt(unplanned), '(pagato*100)/preventivato: spesi € 1.200,00 senza risorse stanziate');
});

test('amounts must be whole euro cents', () => {
  assert.deepEqual(
    issuesOf(() => spendingCoincidence({ budgetedCents: 100.5, paidCents: -1 })),
    [
      { path: 'importo preventivato', message: 'importo non valido: «100.5» (centesimi di euro, intero non negativo)' },
      { path: 'importo pagato', message: 'importo non valido: «-1» (centesimi di euro, intero non negativo)' },
    ],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Resource adequacy

test('the adequacy scale has five levels, from "Gravemente inadeguato" (1) to "Perfettamente adeguato" (5)', () => {
  assert.deepEqual([...RESOURCE_ADEQUACY_LEVELS], ['Gravemente inadeguato', 'Inadeguato', 'Sufficientemente adeguato', 'Adeguato', 'Perfettamente adeguato']);
  assert.deepEqual(RESOURCE_ADEQUACY_LEVELS.map(adequacyScore), [1, 2, 3, 4, 5]);
});

test('the level is read from free text, the overall judgement winning over per-action remarks', () => {
  assert.equal(classifyAdequacy('Adeguato, per quanto previsto nel progetto “Locanda di Eurosia”.'), 'Adeguato');
  assert.equal(
    classifyAdequacy(
      'Azioni 1, 3, 4: i casi sono stati seguiti in modo adeguato. Azione 2: non realizzata per impiego risorse su altre priorità. Complessivamente, risorse sufficientemente adeguate.',
    ),
    'Sufficientemente adeguato',
  );
  assert.equal(classifyAdequacy('Non pertinente, in quanto azioni non realizzate direttamente dall’Ambito.'), null);
  assert.equal(classifyAdequacy('Gravemente inadeguato'), 'Gravemente inadeguato');
  assert.equal(classifyAdequacy('Inadeguato'), 'Inadeguato');
  assert.equal(classifyAdequacy('Perfettamente adeguato'), 'Perfettamente adeguato');
  assert.equal(classifyAdequacy('Dati non ancora disponibili'), null);
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

test('property: the grade depends only on how many actions are realised, and its label always agrees with its band', () => {
  const next = generator(2024);
  for (let i = 0; i < 500; i++) {
    const planned = 1 + next(12);
    const percents = Array.from({ length: planned }, () => (next(2) === 0 ? 0 : 1 + next(99)));
    const result = grade(...percents);
    const realised = percents.filter((p) => p > 0).length;
    assert.equal(result.realised, realised);
    assert.equal(result.value, (realised * 100) / planned);
    assert.equal(result.label, `${result.percent}% (${achievementBand(result.percent)})`);
    assert.equal(result.band === 'nullo', realised === 0);
    assert.equal(result.band === 'ottimo', realised === planned);
    assert.deepEqual(grade(...[...percents].reverse()), result);
  }
});

test('property: the spending class agrees with the exact comparison of paid and budgeted cents', () => {
  const next = generator(2167);
  for (let i = 0; i < 500; i++) {
    const budgetedCents = next(5_000_000);
    const paidCents = next(5_000_000);
    const result = spendingCoincidence({ budgetedCents, paidCents });
    const expected =
      budgetedCents === 0
        ? paidCents === 0
          ? 'no_resources'
          : 'above_100'
        : paidCents < budgetedCents
          ? 'below_100'
          : paidCents === budgetedCents
            ? 'equal_100'
            : 'above_100';
    assert.equal(result.spendingClass, expected, `${paidCents}/${budgetedCents}`);
    if (result.percent !== null) assert.equal(result.percent === 100, expected === 'equal_100');
  }
});
