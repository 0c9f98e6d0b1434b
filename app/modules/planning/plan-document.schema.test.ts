import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import {
  findUnsafeHtml,
  FUNDING_SOURCE_CODES,
  LEPS_CODES,
  LOMBARDY_CARD_KEYS,
  LOMBARDY_POLICY_AREAS,
  PLAN_STATUSES,
  TEMPLATE_IDS,
  defaultAggregation,
  indicatorAggregation,
  objectiveBudgetCents,
  parsePlanDocument,
  serializePlanDocument,
  type Objective,
  type PlanDocument,
  type PlanDocumentInput,
} from './plan-document.schema.ts';

const repoFile = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const fixture = (name: string) => repoFile(`fixtures/demo/gallarate/plans/${name}`);
const text2025 = fixture('piano-2025-2027.json');
const text2021 = fixture('piano-2021-2023.json');
const plan2025 = parsePlanDocument('piano-2025-2027.json', text2025);
const plan2021 = parsePlanDocument('piano-2021-2023.json', text2021);

const byCode = (doc: PlanDocument, code: string): Objective => {
  const found = doc.objectives.find((o) => o.code === code);
  assert.ok(found, `obiettivo ${code} assente`);
  return found;
};
const ordinary = plan2025.objectives.filter((o) => o.kind === 'ordinary');
const leps = plan2025.objectives.filter((o) => o.kind === 'leps');

/** Parses a modified copy of a small valid plan and returns the issues it raises. */
function issuesOf(mutate: (doc: Record<string, any>) => void, fileName = 'piano.json') {
  const doc = JSON.parse(JSON.stringify(minimal)) as Record<string, any>;
  mutate(doc);
  try {
    parsePlanDocument(fileName, JSON.stringify(doc));
  } catch (error) {
    assert.ok(error instanceof ValidationError, `errore inatteso: ${String(error)}`);
    return error.issues;
  }
  assert.fail('il documento doveva essere rifiutato');
}

/** The messages of the issues a modified copy of the small valid plan raises. */
const messagesOf = (mutate: (doc: Record<string, any>) => void) => issuesOf(mutate).map((i) => i.message);

const minimal: PlanDocumentInput = {
  format: 'cantiere.plan',
  formatVersion: 1,
  plan: {
    ambitoCode: 'gallarate',
    title: 'Piano di prova',
    periodStartYear: 2025,
    periodEndYear: 2027,
    template: { id: 'lombardia-dgr-xii-2167-2024', version: '1.0.0' },
    status: 'draft',
  },
  objectives: [
    {
      code: '1',
      title: 'Mappatura, collaborazione e messa in rete',
      kind: 'ordinary',
      priority: false,
      actions: [
        {
          number: '1',
          description: 'Strutturazione del lavoro di rete',
          status: 'planned',
          indicators: [
            {
              code: '1.1',
              label: 'numero tavoli di lavoro creati',
              kind: 'count',
              level: 'output',
              targets: [{ year: null, rule: { type: 'gte', value: 1 }, text: 'almeno 1 tavolo' }],
            },
          ],
        },
      ],
      budget: [{ fund: 'FONTI_MISTE', year: null, amountCents: 3_000_000, note: 'FNPS-Fondi d’Ambito' }],
    },
  ],
};

describe('the Gallarate 2025-2027 plan fixture', () => {
  test('has the 19 objectives of section 5, without B, and the 5 LEPS cards of section 7.1.1', () => {
    assert.equal(ordinary.length, 19);
    assert.deepEqual(
      ordinary.map((o) => o.code),
      ['1', '2', '3', '4', 'C', 'A', 'D', 'E', 'F', 'G', 'H', 'I', 'L', 'M', 'N', 'O', 'P', 'Q', 'R'],
    );
    assert.equal(leps.length, 5);
    assert.deepEqual(
      leps.map((o) => o.links.leps),
      [['LEPS_DIMISSIONI_PROTETTE'], ['LEPS_SAD'], ['LEPS_VALUTAZIONE_MULTIDIMENSIONALE'], ['LEPS_PREVENZIONE_ALLONTANAMENTO'], ['LEPS_PUA']],
    );
  });

  test('flags as priority exactly objectives 3, A, F, M, N and R', () => {
    assert.deepEqual(
      plan2025.objectives.filter((o) => o.priority).map((o) => o.code),
      ['3', 'A', 'F', 'M', 'N', 'R'],
    );
  });

  test('the section-5 budgets add up to € 4.217.000', () => {
    const total = ordinary.reduce((sum, o) => sum + objectiveBudgetCents(o), 0);
    assert.equal(total, 4_217_000_00);
  });

  test('by objective, D (€ 1.480.000) is the largest budget and R (€ 5.000) the smallest', () => {
    const cents = new Map(ordinary.map((o) => [o.code, objectiveBudgetCents(o)]));
    assert.equal(cents.get('D'), 1_480_000_00);
    assert.equal(cents.get('H'), 840_000_00);
    assert.equal(cents.get('A'), 510_000_00);
    assert.equal(cents.get('R'), 5_000_00);
    const sorted = [...cents.entries()].sort((a, b) => b[1] - a[1]);
    assert.equal(sorted[0]![0], 'D');
    assert.equal(sorted.at(-1)![0], 'R');
  });

  test('cards without an itemised budget give one triennial line with the fund mix in the note', () => {
    const d = byCode(plan2025, 'D');
    assert.deepEqual(d.budget, [
      { fund: 'FONTI_MISTE', year: null, amountCents: 1_480_000_00, note: 'FNPS-FNA -Fondi d’Ambito-altre fonti di finanziamento dedicate', sharedAmong: [] },
    ]);
  });

  test('objective 4 (Pronto Intervento Sociale) is Fondo Povertà € 240.000 + povertà estrema € 18.000, with 5 cooperating Ambiti', () => {
    const pis = byCode(plan2025, '4');
    assert.deepEqual(
      pis.budget.map((b) => [b.fund, b.amountCents]),
      [
        ['FONDO_POVERTA_QUOTA_SERVIZI', 240_000_00],
        ['FONDO_POVERTA_ESTREMA', 18_000_00],
      ],
    );
    assert.equal(objectiveBudgetCents(pis), 258_000_00);
    assert.deepEqual(pis.links.cooperation?.ambiti, ['Somma Lombardo', 'Gallarate', 'Busto Arsizio', 'Castellanza', 'Saronno']);
  });

  test('the LEPS budgets are those of the cards: VMD € 1.300.000, PIPPI € 105.000, dimissioni protette € 72.838 FNPS, PUA € 40.000 a year', () => {
    assert.deepEqual(
      byCode(plan2025, 'LEPS-VMD').budget.map((b) => [b.fund, b.year, b.amountCents]),
      [['FONDO_POVERTA_QUOTA_SERVIZI', null, 1_300_000_00]],
    );
    assert.deepEqual(
      byCode(plan2025, 'LEPS-PIPPI').budget.map((b) => [b.fund, b.amountCents]),
      [['PNRR', 105_000_00]],
    );
    const dimissioni = byCode(plan2025, 'LEPS-DIMISSIONI').budget;
    assert.deepEqual(
      dimissioni.map((b) => [b.fund, b.amountCents, b.sharedAmong.length]),
      [
        ['PNRR_M5C2_1_1_3', 239_905_00, 3],
        ['PNRR_M5C2_1_1_3', 60_000_00, 3],
        ['FNPS_QUOTA_VINCOLATA', 72_838_00, 0],
      ],
    );
    assert.deepEqual(
      byCode(plan2025, 'LEPS-PUA').budget.map((b) => [b.fund, b.year, b.amountCents]),
      [
        ['FNA', 2025, 40_000_00],
        ['FNA', 2026, 40_000_00],
        ['FNA', 2027, 40_000_00],
      ],
    );
    assert.deepEqual(byCode(plan2025, 'LEPS-SAD').budget, []);
  });

  test('the PUA target is ≥ 50 % in 2025, ≥ 75 % in 2026 and 100 % in 2027 of assessments with the Ambito social worker', () => {
    const indicator = byCode(plan2025, 'LEPS-PUA').actions.find((a) => a.number === '2')!.indicators[0]!;
    assert.equal(indicator.kind, 'ratio');
    assert.equal(indicator.denominatorLabel, 'N. complessivo di valutazioni effettuate');
    assert.deepEqual(
      indicator.targets.map((t) => [t.year, t.rule]),
      [
        [2025, { type: 'gte_percent', value: 50 }],
        [2026, { type: 'gte_percent', value: 75 }],
        [2027, { type: 'gte_percent', value: 100 }],
      ],
    );
  });

  test('the LEPS cards keep every form of yearly target: thresholds, increases, decreases, baselines and milestones', () => {
    const rulesOf = (code: string, indicator: string) =>
      byCode(plan2025, code)
        .indicators.find((i) => i.code === indicator)!
        .targets.map((t) => `${t.year} ${t.rule.type}`);
    const expected: [code: string, indicator: string, targets: string[]][] = [
      ['LEPS-PIPPI', 'IND-4', ['2025 gte_percent', '2026 gte_percent', '2027 gte_percent']],
      ['LEPS-PIPPI', 'IND-3', ['2025 baseline', '2026 gt_previous', '2027 gt_previous']],
      ['LEPS-PIPPI', 'IND-1', ['2025 milestone', '2026 milestone', '2027 milestone']],
      ['LEPS-DIMISSIONI', 'IND-3', ['2026 lt_previous', '2027 lt_previous']],
      ['LEPS-SAD', 'IND-2', ['2023 baseline', '2026 gte_percent', '2027 gte_percent']],
      ['LEPS-VMD', 'IND-1', ['2025 gte', '2026 gt_previous', '2027 gt_previous']],
    ];
    for (const [code, indicator, targets] of expected) assert.deepEqual(rulesOf(code, indicator), targets, `${code} ${indicator}`);
    assert.deepEqual(
      byCode(plan2025, 'LEPS-DIMISSIONI')
        .indicators.find((i) => i.code === 'IND-2')!
        .targets.map((t) => t.text),
      ['Anno 2026: ≥ 50%', 'Anno 2027: ≥ 75%'],
    );
  });

  test('section-5 results become target rules with their original text (e.g. objective A, ALER housing 2027 > 2025)', () => {
    const a = byCode(plan2025, 'A');
    const aler = a.actions.find((x) => x.number === '5')!.indicators.find((i) => i.code === '5.3')!;
    assert.deepEqual(
      aler.targets.map((t) => [t.year, t.rule]),
      [
        [2025, { type: 'baseline' }],
        [2027, { type: 'gt_previous', referenceYear: 2025 }],
      ],
    );
    const meetings = a.actions[0]!.indicators.find((i) => i.code === '1.2')!;
    assert.deepEqual(meetings.targets, [
      { year: null, rule: { type: 'gte', value: 9 }, text: 'Organizzazione di almeno 9 incontri nella triennalità del tavolo dedicato.' },
    ]);
  });

  test('indicator codes are printed ones (action.n) or, for results without a printed indicator, action.Rn', () => {
    for (const o of ordinary) {
      for (const a of o.actions) {
        for (const i of a.indicators) assert.match(i.code, new RegExp(`^${a.number}\\.(\\d+|R\\d+)$`), `${o.code}: ${i.code}`);
      }
    }
    assert.deepEqual(
      byCode(plan2025, 'G').actions[4]!.indicators.map((i) => [i.code, i.kind]),
      [
        ['5.1', 'count'],
        ['5.2', 'count'],
        ['5.3', 'count'],
        ['5.4', 'category'],
      ],
    );
  });

  test('cards use only the 26 Lombardy fields, in template order', () => {
    const keys: string[] = LOMBARDY_CARD_KEYS;
    for (const o of plan2025.objectives) {
      const cardKeys = Object.keys(o.card);
      assert.deepEqual(
        cardKeys,
        [...cardKeys].sort((x, y) => keys.indexOf(x) - keys.indexOf(y)),
        o.code,
      );
      assert.ok(
        cardKeys.every((k) => keys.includes(k)),
        o.code,
      );
    }
    assert.deepEqual(byCode(plan2025, 'Q').links.continuesObjective, 'B');
    assert.deepEqual(byCode(plan2025, 'L').links.cooperation, {
      ambiti: ['Busto Arsizio', 'Gallarate', 'Somma Lombardo', 'Saronno'],
      leadAmbito: 'Busto Arsizio',
    });
  });

  test('records the adoption by the Assemblea dei Sindaci on 2 December 2024 and the 2021-2023 predecessor', () => {
    assert.equal(plan2025.plan.adoption?.date, '2024-12-02');
    assert.deepEqual(plan2025.plan.predecessor, { periodStartYear: 2021, periodEndYear: 2023, title: 'Piano di Zona 2021-2023' });
  });
});

describe('the Gallarate 2021-2023 plan fixture', () => {
  test('has the 16 objectives of the closing plan: 1, 2, A–I, L–P', () => {
    assert.deepEqual(
      plan2021.objectives.map((o) => o.code),
      ['1', '2', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'L', 'M', 'N', 'O', 'P'],
    );
    assert.deepEqual(
      plan2021.objectives.filter((o) => o.priority).map((o) => o.code),
      ['1', 'A', 'C', 'D', 'G', 'H', 'L', 'M', 'O'],
    );
  });

  test('has the published number of actions per objective (A 5, G 6, …)', () => {
    assert.deepEqual(Object.fromEntries(plan2021.objectives.map((o) => [o.code, o.actions.length])), {
      1: 3,
      2: 4,
      A: 5,
      B: 4,
      C: 4,
      D: 3,
      E: 5,
      F: 4,
      G: 6,
      H: 5,
      I: 2,
      L: 2,
      M: 3,
      N: 3,
      O: 3,
      P: 2,
    });
  });

  test('the realisation percentages reproduce the published grades and the 76,56% mean', () => {
    const grades = plan2021.objectives.map((o) => {
      const done = o.actions.filter((a) => (a.realisationPercent ?? 0) > 0).length;
      return (done * 100) / o.actions.length;
    });
    assert.deepEqual(
      grades.map((g) => Math.round(g)),
      [100, 75, 80, 75, 75, 100, 20, 100, 67, 100, 100, 100, 33, 67, 33, 100],
    );
    const mean = grades.map((g) => Math.round(g)).reduce((a, b) => a + b, 0) / grades.length;
    assert.equal(mean.toFixed(2), '76.56');
    assert.deepEqual(
      byCode(plan2021, 'A').actions.map((a) => a.realisationPercent),
      [100, 100, 50, 80, 0],
    );
    assert.deepEqual(
      byCode(plan2021, 'G').actions.map((a) => a.status),
      ['partially_completed', 'not_realised', 'partially_completed', 'partially_completed', 'not_realised', 'partially_completed'],
    );
  });

  test('keeps the 2021-2023 macro-areas', () => {
    assert.deepEqual(
      [...new Set(plan2021.objectives.map((o) => o.macroArea))],
      [
        'Obiettivi trasversali',
        'Obiettivi macro-area: politiche abitative',
        'Obiettivi macro-area: promozione inclusione attiva',
        'Obiettivi macro-area: domiciliarità',
        'Obiettivi macro-area: anziani',
        'Obiettivi macro-area: politiche giovanili e per minori',
        'Obiettivi macro-area: interventi connessi alle politiche per il lavoro',
        'Obiettivi macro-area: interventi per la famiglia',
        'Obiettivi macro-area: interventi a favore delle persone con disabilità',
      ],
    );
  });
});

describe('serialisation', () => {
  test('every chapter of the Gallarate 2025-2027 plan has its text, with at least two tables and the source in a footnote', () => {
    assert.equal(plan2025.chapters.length, 48);
    assert.ok(plan2025.chapters.every((c) => c.markdown && c.markdown.length > 80));
    const tables = plan2025.chapters.filter((c) => /^\| -{3}|^\| :--/m.test(c.markdown!));
    assert.ok(tables.length >= 2, `${tables.length} chapters with a table`);
    // The real figures of the seed: population at 31/12/2023 and the 2022 social spending (Tabelle 2.1 and 2.4).
    const text = plan2025.chapters.map((c) => c.markdown).join('\n');
    assert.match(text, /\| Popolazione al 31\/12 \| 122\.026 \| 122\.675 \| 122\.855 \|/);
    assert.match(text, /\*\*19\.834\.861\*\*/);
    assert.match(text, /\[\^1\]: .*p\. 53/);
  });

  test('a file of an earlier version with chapters in HTML is read as Markdown and written back with markdown only', () => {
    const legacy = JSON.parse(JSON.stringify(minimal)) as Record<string, any>;
    legacy.chapters = [
      {
        number: '6.5',
        title: 'Cronoprogramma',
        html: '<p>La raccolta dei dati sarà <strong>semestrale</strong>.</p><ul><li>metà periodo</li><li>fine</li></ul>',
      },
      { number: '7', title: 'Vuoto', html: null },
    ];
    const doc = parsePlanDocument('vecchio.json', JSON.stringify(legacy));
    assert.deepEqual(doc.chapters, [
      { number: '6.5', title: 'Cronoprogramma', markdown: 'La raccolta dei dati sarà **semestrale**.\n\n- metà periodo\n- fine' },
      { number: '7', title: 'Vuoto', markdown: null },
    ]);
    const written = serializePlanDocument(doc);
    assert.ok(!written.includes('"html"'));
    assert.equal(serializePlanDocument(parsePlanDocument('nuovo.json', written)), written);
  });

  test('the fixtures are in canonical form: parse then serialise gives back the same bytes', () => {
    assert.equal(serializePlanDocument(plan2025), text2025);
    assert.equal(serializePlanDocument(plan2021), text2021);
  });

  test('export → import → export is lossless', () => {
    const exported = serializePlanDocument(plan2025);
    const imported = parsePlanDocument('export.json', exported);
    assert.deepEqual(imported, plan2025);
    assert.equal(serializePlanDocument(imported), exported);
  });

  test('the output does not depend on the key order of the input', () => {
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)]),
            )
          : value;
    assert.equal(serializePlanDocument(reverseKeys(plan2025) as PlanDocumentInput), text2025);
  });

  test('omitted optional fields are written with their defaults', () => {
    const doc = parsePlanDocument('piano.json', serializePlanDocument(minimal));
    const objective = doc.objectives[0]!;
    assert.deepEqual(objective.links, {
      leps: [],
      continuesObjective: null,
      cooperation: null,
      asst: { needsAnalysis: null, implementation: null },
      agenda2030: [],
    });
    assert.equal(objective.actions[0]!.indicators[0]!.numeratorLabel, null);
    assert.deepEqual(doc.chapters, []);
  });

  test('refuses to export an invalid plan', () => {
    assert.throws(() => serializePlanDocument({ ...minimal, formatVersion: 2 } as never), ValidationError);
  });
});

describe('parsePlanDocument reports every problem with file and JSON path', () => {
  test('a file that is not JSON', () => {
    assert.throws(
      () => parsePlanDocument('piano.json', '{ "format": '),
      (error: unknown) => error instanceof ValidationError && error.issues[0]!.path === 'piano.json' && /non è un JSON valido/.test(error.issues[0]!.message),
    );
  });

  test('a file of another kind or of a newer format version', () => {
    const issues = issuesOf((d) => {
      d.format = 'altro';
      d.formatVersion = 2;
    });
    assert.deepEqual(
      issues.map((i) => i.path),
      ['piano.json, format', 'piano.json, formatVersion'],
    );
    assert.match(issues[1]!.message, /versione del formato non supportata/);
  });

  test('money not in integer cents, with the objective named', () => {
    const issues = issuesOf((d) => (d.objectives[0].budget[0].amountCents = 30000.5));
    assert.deepEqual(issues, [
      {
        path: 'piano.json, objectives[0].budget[0].amountCents (obiettivo 1)',
        message: 'importo: serve un numero intero di centesimi (es. 3000000 per 30.000,00 €)',
      },
    ]);
  });

  test('an unknown funding source, and a mixed line without the note that lists its funds', () => {
    const unknown = issuesOf((d) => d.objectives[0].budget.push({ fund: 'FONDO_INVENTATO', year: null, amountCents: 100 }));
    assert.deepEqual(
      unknown.map((i) => i.path),
      ['piano.json, objectives[0].budget[1].fund (obiettivo 1)'],
    );
    assert.match(unknown[0]!.message, /fonte di finanziamento non prevista/);
    const mixed = issuesOf((d) => (d.objectives[0].budget[0].note = null));
    assert.deepEqual(mixed, [
      { path: 'piano.json, objectives[0].budget[0].note (obiettivo 1)', message: 'con FONTI_MISTE indica nella nota le fonti che compongono l’importo' },
    ]);
  });

  test('an indicator code that does not belong to its action', () => {
    const issues = issuesOf((d) => (d.objectives[0].actions[0].indicators[0].code = '2.1'));
    assert.deepEqual(
      issues.map((i) => i.path),
      ['piano.json, objectives[0].actions[0].indicators[0].code (obiettivo 1, azione 1, indicatore 2.1)'],
    );
    assert.match(issues[0]!.message, /deve iniziare con «1\.»/);
  });

  test('a ratio without numerator and denominator, and a percentage target on a count', () => {
    const issues = issuesOf((d) => {
      d.objectives[0].actions[0].indicators.push({ code: '1.2', label: 'quota', kind: 'ratio', level: 'output' });
      d.objectives[0].actions[0].indicators[0].targets[0].rule = { type: 'gte_percent', value: 50 };
    });
    assert.deepEqual(
      issues.map((i) => i.path.replace('piano.json, ', '')),
      [
        'objectives[0].actions[0].indicators[0].targets[0].rule.type (obiettivo 1, azione 1, indicatore 1.1, target del periodo)',
        'objectives[0].actions[0].indicators[1].numeratorLabel (obiettivo 1, azione 1, indicatore 1.2)',
        'objectives[0].actions[0].indicators[1].denominatorLabel (obiettivo 1, azione 1, indicatore 1.2)',
      ],
    );
  });

  test('an indicator’s aggregation is optional (default from its kind) and must fit its kind', () => {
    const issues = issuesOf((d) => {
      d.objectives[0].actions[0].indicators[0].aggregation = 'rate';
      d.objectives[0].actions[0].indicators.push({ code: '1.2', label: 'protocollo attivato', kind: 'boolean', level: 'output', aggregation: 'flow' });
      d.objectives[0].actions[0].indicators.push({ code: '1.3', label: 'media', kind: 'count', level: 'output', aggregation: 'average' });
    });
    assert.deepEqual(
      issues.map((i) => [i.path.replace('piano.json, ', ''), i.message]),
      [
        [
          'objectives[0].actions[0].indicators[2].aggregation (obiettivo 1, azione 1, indicatore 1.3)',
          'aggregazione non prevista (ammesse: flow, stock, stock_mean, rate)',
        ],
      ],
    );
    const kindIssues = issuesOf((d) =>
      d.objectives[0].actions[0].indicators.push({ code: '1.2', label: 'protocollo attivato', kind: 'boolean', level: 'output', aggregation: 'flow' }),
    );
    assert.deepEqual(
      kindIssues.map((i) => [i.path.replace('piano.json, ', ''), i.message]),
      [
        [
          'objectives[0].actions[0].indicators[1].aggregation (obiettivo 1, azione 1, indicatore 1.2)',
          'l’aggregazione flow non si applica a un indicatore di tipo boolean (ammesse: stock)',
        ],
      ],
    );
    assert.equal(defaultAggregation('count'), 'flow');
    assert.equal(defaultAggregation('ratio'), 'rate');
    assert.equal(indicatorAggregation({ kind: 'count', aggregation: null }), 'flow');
    assert.equal(indicatorAggregation({ kind: 'count', aggregation: 'stock' }), 'stock');
  });

  test('the Gallarate 2025-2027 indicators state flows, stocks and rates where the plan makes it clear, and round-trip', () => {
    const all = plan2025.objectives.flatMap((o) => [...o.indicators, ...o.actions.flatMap((a) => a.indicators)].map((i) => ({ o: o.code, ...i })));
    const find = (o: string, code: string) => all.find((i) => i.o === o && i.code === code)!;
    assert.equal(find('C', '1.2').aggregation, 'stock', 'n. utenti in lista d’attesa: a stock');
    assert.equal(find('LEPS-PUA', 'INPUT-1').aggregation, 'stock', 'persone prese in carico al T0');
    assert.ok(all.filter((i) => i.kind === 'ratio').every((i) => i.aggregation === 'rate'));
    assert.ok(
      all.some((i) => i.aggregation === undefined),
      'an indicator that does not state it keeps the default and is written without the field',
    );
    const doc = structuredClone(plan2025);
    delete (doc.objectives[0]!.actions[0]!.indicators[0] as { aggregation?: string }).aggregation;
    assert.doesNotMatch(serializePlanDocument(doc).split('"code": "1.1"')[1]!.split('}')[0]!, /aggregation/);
  });

  test('target rules that need a year, years outside the plan, and a repeated year', () => {
    const targets = [
      { year: null, rule: { type: 'gt_previous' }, text: 'aumento' },
      { year: 2030, rule: { type: 'gte', value: 2 }, text: 'nel 2030' },
      { year: 2026, rule: { type: 'gte', value: 2 }, text: 'nel 2026' },
      { year: 2026, rule: { type: 'gt_previous', referenceYear: 2027 }, text: 'di nuovo' },
    ];
    assert.deepEqual(
      messagesOf((d) => (d.objectives[0].actions[0].indicators[0].targets = targets)),
      [
        'la regola gt_previous richiede un anno',
        'anno 2030 fuori dal periodo del piano (2025-2027)',
        'c’è già un target per l’anno 2026 (target 3)',
        'l’anno di confronto deve precedere l’anno del target (2026)',
      ],
    );
  });

  test('an unknown rule type is named with the allowed ones', () => {
    const issues = issuesOf((d) => (d.objectives[0].actions[0].indicators[0].targets[0].rule = { type: 'between', min: 40, max: 60 }));
    assert.equal(issues.length, 1);
    assert.match(
      issues[0]!.message,
      /tipo di regola non previsto \(ammessi: gte, gte_percent, gt_previous, lt_previous, eq_yes, baseline, milestone, range_percent, lte\)/,
    );
  });

  test('a field that the Lombardy card does not have, or a value of the wrong kind', () => {
    const issues = issuesOf(
      (d) => (d.objectives[0].card = { titolo_intervento: 'Mappatura', campo_inventato: 'x', punti_chiave: 'Rafforzamento delle reti sociali' }),
    );
    assert.deepEqual(
      issues.map((i) => [i.path, i.message.slice(0, 45)]),
      [
        ['piano.json, objectives[0].card.punti_chiave (obiettivo 1)', 'questo campo della scheda richiede un elenco '],
        ['piano.json, objectives[0].card.campo_inventato (obiettivo 1)', 'campo non previsto dalla scheda lombarda (amm'],
      ],
    );
  });

  test('a Lombardy card also accepts the shapes of the template editor (area letters, multiple choice, bare yes/no)', () => {
    const doc = parsePlanDocument(
      'piano.json',
      JSON.stringify({
        ...minimal,
        objectives: [
          {
            ...minimal.objectives![0],
            card: {
              trasversale_aree_policy: ['A', 'E'],
              promozionale_o_riparativo: ['promozionale/preventivo', 'riparativo'],
              continuita_progetto_premiale: false,
            },
          },
        ],
      }),
    );
    assert.deepEqual(Object.keys(doc.objectives[0]!.card), ['trasversale_aree_policy', 'continuita_progetto_premiale', 'promozionale_o_riparativo']);
    const issues = issuesOf((d) => (d.objectives[0].card = { asst_realizzazione: true }));
    assert.deepEqual(issues, [
      {
        path: 'piano.json, objectives[0].card.asst_realizzazione (obiettivo 1)',
        message: 'questo campo della scheda richiede una risposta { "answer": true/false/null, "text": … }',
      },
    ]);
  });

  test('a LEPS objective without its LEPS, a continuity link without a previous plan, a lead Ambito that does not cooperate', () => {
    const issues = issuesOf((d) => {
      d.objectives[0].kind = 'leps';
      d.objectives[0].links = { continuesObjective: '1', cooperation: { ambiti: ['Gallarate', 'Saronno'], leadAmbito: 'Busto Arsizio' } };
    });
    assert.deepEqual(
      issues.map((i) => i.path.replace('piano.json, objectives[0].links.', '')),
      ['leps (obiettivo 1)', 'continuesObjective (obiettivo 1)', 'cooperation.leadAmbito (obiettivo 1)'],
    );
  });

  test('duplicate objective codes and unknown fields are refused rather than dropped', () => {
    const issues = issuesOf((d) => {
      d.objectives.push(structuredClone(d.objectives[0]));
      d.objectives[0].budget[0].amountCent = 100;
    });
    assert.deepEqual(issues, [
      { path: 'piano.json, objectives[0].budget[0] (obiettivo 1)', message: issues[0]!.message },
      { path: 'piano.json, objectives[1].code (obiettivo 1)', message: 'codice 1 già usato dall’obiettivo 1' },
    ]);
    assert.equal(issues[0]!.message, 'campo non previsto dal formato: «amountCent» (controlla il nome del campo e la versione del formato)');
  });

  test('chapter text in Markdown: a forbidden link or a note without its text is named with its line', () => {
    const issues = issuesOf(
      (d) => (d.chapters = [{ number: '1', title: 'Introduzione', markdown: 'Testo.\n\nVedi [qui](javascript:alert(1)) e la nota[^2].' }]),
    );
    assert.deepEqual(
      issues.map((i) => i.path),
      ['piano.json, chapters[0].markdown (capitolo «Introduzione»)', 'piano.json, chapters[0].markdown (capitolo «Introduzione»)'],
    );
    assert.match(issues[0]!.message, /^testo del capitolo: Riga 3: il collegamento «javascript:alert\(1\)» non è ammesso/);
    assert.match(issues[1]!.message, /^testo del capitolo: Riga 3: la nota \[\^2\] è richiamata ma non è scritta/);
  });

  test('a chapter gives its text once: markdown, or html in files of earlier versions, not both', () => {
    const issues = issuesOf((d) => (d.chapters = [{ number: '1', title: 'Introduzione', markdown: 'Testo', html: '<p>Testo</p>' }]));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.path, 'piano.json, chapters[0].html (capitolo «Introduzione»)');
  });

  test('chapter text must already be sanitised HTML', () => {
    const issues = issuesOf((d) => (d.chapters = [{ number: '1', title: 'Introduzione', html: '<p onclick="x()">Testo</p>' }]));
    assert.deepEqual(issues, [
      { path: 'piano.json, chapters[0].html (capitolo «Introduzione»)', message: 'HTML non sanificato: l’attributo onclick non è ammesso sul tag <p>' },
    ]);
  });
});

describe('the vocabularies agree with the catalogues and templates of the repository', () => {
  test('funding-source codes are those of the funding-source catalogue', () => {
    const catalogue = JSON.parse(repoFile('fixtures/catalogues/funding-sources.json')) as { sources: { code: string }[] };
    assert.deepEqual([...FUNDING_SOURCE_CODES].sort(), catalogue.sources.map((s) => s.code).sort());
  });

  test('LEPS codes are those of the LEPS catalogue', () => {
    const catalogue = JSON.parse(repoFile('fixtures/leps/catalogo-leps.json')) as { leps: { code: string }[] };
    assert.deepEqual([...LEPS_CODES].sort(), catalogue.leps.map((l) => l.code).sort());
  });

  test('template ids, plan statuses, Lombardy card keys and policy areas are those of the template files', () => {
    for (const id of TEMPLATE_IDS) {
      const template = JSON.parse(repoFile(`fixtures/templates/${id}.json`)) as { id: string; statusWorkflow: { status: string }[] };
      assert.equal(template.id, id);
      assert.deepEqual(
        template.statusWorkflow.map((s) => s.status),
        [...PLAN_STATUSES],
      );
    }
    const lombardy = JSON.parse(repoFile('fixtures/templates/lombardia-dgr-xii-2167-2024.json')) as {
      version: string;
      objectiveCard: { fields: { key: string }[] };
      policyAreas: { code: string }[];
    };
    assert.deepEqual(
      lombardy.objectiveCard.fields.map((f) => f.key),
      LOMBARDY_CARD_KEYS,
    );
    assert.deepEqual(
      lombardy.policyAreas.map((a) => a.code),
      Object.keys(LOMBARDY_POLICY_AREAS),
    );
    assert.equal(plan2025.plan.template.version, lombardy.version);
  });
});

describe('findUnsafeHtml', () => {
  test('accepts paragraphs, lists, tables, emphasis and web links', () => {
    const html =
      '<h3>Cronoprogramma</h3><p>Raccolta <strong>semestrale</strong> &lt;dati&gt;<br></p><ul><li><a href="https://www.regione.lombardia.it">DGR</a></li></ul>' +
      '<table><tbody><tr><td colspan="2">1.480.000</td></tr></tbody></table>';
    assert.equal(findUnsafeHtml(html), null);
  });

  test('refuses scripts, event handlers, javascript links, comments, stray < and unclosed tags', () => {
    assert.match(findUnsafeHtml('<script>alert(1)</script>')!, /il tag <script> non è ammesso/);
    assert.match(findUnsafeHtml('<a href="javascript:alert(1)">x</a>')!, /collegamento non ammesso/);
    assert.match(findUnsafeHtml('<img src=x onerror=alert(1)>')!, /malformata|non è ammesso/);
    assert.equal(findUnsafeHtml('<!-- nota -->'), 'i commenti HTML non sono ammessi');
    assert.match(findUnsafeHtml('3 < 5')!, /va scritto &lt;/);
    assert.equal(findUnsafeHtml('<p><em>testo</p>'), 'tag </p> chiuso al posto di </em>');
    assert.equal(findUnsafeHtml('<ul><li>uno</li>'), 'tag <ul> non chiuso');
  });
});
