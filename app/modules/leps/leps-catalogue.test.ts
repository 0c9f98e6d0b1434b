import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromRoot } from '../../shared/paths.ts';
import {
  FUNDING_SOURCES,
  LEPS_CODES,
  parseLepsCards,
  parseLepsCatalogue,
  parseSocialWorkerStaff,
  POLICY_AREAS,
  type LepsCard,
  type LepsCardsFile,
} from './leps-catalogue.ts';
import { staffFteOn } from './leps.rules.ts';
import { registerMessages } from '../../shared/i18n/messages.ts';
import * as messages from './leps.messages.ts';
import { issuesOf } from '../../shared/validation.testing.ts';

// The importer's messages come from the dictionary (Italian outside a request).
registerMessages(messages);

const CATALOGUE = 'catalogo-leps.json';
const catalogueText = readFileSync(fromRoot('fixtures/leps/catalogo-leps.json'), 'utf8');
const sebinoText = readFileSync(fromRoot('fixtures/demo/sebino/leps/schede-leps-2025-2027.json'), 'utf8');
const gallarateText = readFileSync(fromRoot('fixtures/demo/gallarate/leps/schede-leps-2025-2027.json'), 'utf8');

const catalogue = parseLepsCatalogue(CATALOGUE, catalogueText);
const sebino = parseLepsCards('schede-leps-2025-2027.json', sebinoText, catalogue);
const gallarate = parseLepsCards('schede-leps-2025-2027.json', gallarateText, catalogue);

const entry = (code: string) => catalogue.leps.find((l) => l.code === code)!;
const card = (file: LepsCardsFile, code: string) => file.cards.find((c) => c.lepsCode === code)!;
const targets = (c: LepsCard, key: string) => c.indicators.find((i) => i.key === key)!.targets.map((t) => [t.year, t.rule, t.text]);
const rules = (c: LepsCard, key: string) => targets(c, key).map(([year, rule]) => [year, rule]);
const texts = (c: LepsCard, key: string) => targets(c, key).map(([, , text]) => text);
/** Both plans' PUA cards: assessments with the social worker ≥50 % in 2025, ≥75 % in 2026, 100 % in 2027. */
const PUA_RULES = [
  [2025, { type: 'gte_percent', value: 50 }],
  [2026, { type: 'gte_percent', value: 75 }],
  [2027, { type: 'gte_percent', value: 100 }],
];

const edited = (text: string, change: (doc: any) => void) => {
  const doc = JSON.parse(text);
  change(doc);
  return JSON.stringify(doc);
};

// ——— The catalogue ———

test('the catalogue lists the 16 LEPS of the Lombardy guidelines, each with a unique stable code', () => {
  assert.equal(catalogue.version, 'lombardia-2025-2027.1');
  assert.equal(catalogue.leps.length, 16);
  assert.deepEqual(
    catalogue.leps.map((l) => l.code),
    [...LEPS_CODES],
  );
  assert.equal(new Set(catalogue.leps.map((l) => l.code)).size, 16);
  assert.equal(new Set(catalogue.leps.map((l) => l.name)).size, 16);
});

test('every funding source and policy area of the catalogue is a known code with an Italian label', () => {
  for (const l of catalogue.leps) {
    for (const code of l.fundingSources) assert.ok(FUNDING_SOURCES[code], `${l.code}: ${code}`);
    for (const area of l.policyAreas) assert.ok(POLICY_AREAS[area.code], `${l.code}: ${area.code}`);
  }
});

test('names, norms and funds are those printed in the Sebino plan', () => {
  // Seed 003: L479-L494, L945-L959, L496-L510, L934-L943, L2057-L2065, L826-L833, L1172-L1183.
  assert.equal(entry('LEPS_VALUTAZIONE_MULTIDIMENSIONALE').name, 'Valutazione multidimensionale e progetto personalizzato');
  assert.equal(entry('LEPS_VALUTAZIONE_MULTIDIMENSIONALE').legalReference, 'D. Lgs. n.147/2017 artt. 5 e 6');
  assert.equal(entry('LEPS_PUA').name, 'Punti Unici di Accesso (Pua) integrati e Uvm: incremento operatori sociali');
  assert.equal(entry('LEPS_ACCESSO').name, 'Servizi per l’accesso, la valutazione e i sostegni da individuare nel progetto individualizzato');
  assert.equal(entry('LEPS_PERCORSO_ASSISTENZIALE_INTEGRATO').name, 'Processo “Percorso assistenziale integrato”');
  assert.equal(entry('LEPS_SERVIZIO_SOCIALE_PROFESSIONALE').legalReference, 'Legge di bilancio n.178/2020, art. 1, commi 797 -802');
  assert.deepEqual(entry('LEPS_SERVIZIO_SOCIALE_PROFESSIONALE').fundingSources, ['FONDO_POVERTA']);
  assert.equal(entry('LEPS_SAD').legalReference, 'Legge n.234/2021, comma 162 lett. a)');
  assert.deepEqual(entry('LEPS_SAD').fundingSources, ['FNA']);
  assert.equal(entry('LEPS_PREVENZIONE_ALLONTANAMENTO').fundingText, 'PNRR, Fondo povertà');
  assert.equal(entry('LEPS_ASSEGNO_INCLUSIONE').fundingText, 'Fondo per RdC e ADI');
});

test('the LEPS appear in the policy areas whose tables list them', () => {
  const areas = (code: string) => entry(code).policyAreas.map((a) => a.code);
  assert.deepEqual(areas('LEPS_SAD'), ['D', 'E', 'J']);
  assert.deepEqual(areas('LEPS_PUA'), ['E', 'J', 'K']);
  assert.deepEqual(areas('LEPS_PRONTO_INTERVENTO'), ['A', 'I']);
  assert.deepEqual(areas('LEPS_SUPERVISIONE'), ['K']);
  assert.ok(
    catalogue.leps.every((l) => !l.policyAreas.some((a) => a.code === 'F')),
    'the Digitalizzazione area has no LEPS table',
  );
});

test('five LEPS are priority, numbered as in the Sebino plan', () => {
  const priority = catalogue.leps.filter((l) => l.priority).sort((a, b) => a.priority!.number - b.priority!.number);
  assert.deepEqual(
    priority.map((l) => l.code),
    ['LEPS_VALUTAZIONE_MULTIDIMENSIONALE', 'LEPS_PREVENZIONE_ALLONTANAMENTO', 'LEPS_DIMISSIONI_PROTETTE', 'LEPS_PUA', 'LEPS_SAD'],
  );
});

test('an unknown funding source is refused with the LEPS and the field', () => {
  const bad = edited(catalogueText, (d) => (d.leps[2].fundingSources[1] = 'FONDO_INVENTATO'));
  const issues = issuesOf(() => parseLepsCatalogue(CATALOGUE, bad));
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.path, 'catalogo-leps.json, LEPS 3 (LEPS_VALUTAZIONE_MULTIDIMENSIONALE), campo fundingSources.1');
  assert.match(issues[0]!.message, /^fonte di finanziamento sconosciuta: «FONDO_INVENTATO»/);
});

test('a repeated code, a repeated area and a broken JSON are refused', () => {
  const twice = edited(catalogueText, (d) => {
    d.leps[1].code = 'LEPS_ASSEGNO_INCLUSIONE';
    d.leps[6].policyAreas.push({ code: 'D', lines: 'L826' });
  });
  assert.deepEqual(
    issuesOf(() => parseLepsCatalogue(CATALOGUE, twice)),
    [
      { path: 'catalogo-leps.json, LEPS 2 (LEPS_ASSEGNO_INCLUSIONE), campo code', message: 'codice già usato dal LEPS 1' },
      { path: 'catalogo-leps.json, LEPS 7 (LEPS_SAD), campo policyAreas', message: 'area ripetuta: D' },
    ],
  );
  const [broken] = issuesOf(() => parseLepsCatalogue(CATALOGUE, '{"leps": ['));
  assert.equal(broken!.path, 'catalogo-leps.json');
  assert.match(broken!.message, /^il file non è un JSON valido/);
});

// ——— Priority LEPS cards ———

test('both plans have a card for each of the five priority LEPS of the catalogue', () => {
  const priority = catalogue.leps
    .filter((l) => l.priority)
    .map((l) => l.code)
    .sort();
  assert.deepEqual(sebino.cards.map((c) => c.lepsCode).sort(), priority);
  assert.deepEqual(gallarate.cards.map((c) => c.lepsCode).sort(), priority);
  assert.deepEqual(
    gallarate.cards.map((c) => c.indicators.length),
    [9, 7, 9, 16, 8],
  );
  assert.equal(sebino.ambitoCode, 'sebino');
  assert.equal(gallarate.ambitoCode, 'gallarate');
});

test('the Sebino cards carry 20 indicators: 3, 4, 6, 4 and 3', () => {
  assert.deepEqual(
    sebino.cards.map((c) => [c.number, c.indicators.length]),
    [
      ['1', 3],
      ['2', 4],
      ['3', 6],
      ['4', 4],
      ['5', 3],
    ],
  );
  assert.deepEqual(
    card(sebino, 'LEPS_DIMISSIONI_PROTETTE').systemObjectives.map((o) => o.code),
    ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'],
  );
});

test('Sebino PUA: assessments with the social worker ≥50 % in 2025, ≥75 % in 2026, 100 % in 2027', () => {
  // Seed 003 L2621-L2634.
  const pua = card(sebino, 'LEPS_PUA');
  assert.deepEqual(rules(pua, '2'), PUA_RULES);
  assert.deepEqual(texts(pua, '2'), ['≥ 50%', '≥ 75%', '100%']);
  assert.equal(pua.indicators[1]!.numeratorLabel, 'Numero valutazioni che vedono la partecipazione dell’Assistente sociale comunale o di Ambito');
  assert.equal(pua.indicators[1]!.denominatorLabel, 'N complessivo di valutazioni effettuate');
  assert.deepEqual(targets(pua, '3')[0]!.slice(0, 2), [2025, { type: 'gte', value: 1 }]);
});

test('Sebino prevention of family separation: individual projects over assessments ≥40 %, ≥60 %, ≥80 %', () => {
  // Seed 003 L2358-L2363; the protocol is defined in 2025 and activated in 2026 (L2335-L2351).
  const c = card(sebino, 'LEPS_PREVENZIONE_ALLONTANAMENTO');
  assert.deepEqual(rules(c, '2'), [
    [2025, { type: 'gte_percent', value: 40 }],
    [2026, { type: 'gte_percent', value: 60 }],
    [2027, { type: 'gte_percent', value: 80 }],
  ]);
  assert.deepEqual(targets(c, '1'), [
    [
      2025,
      { type: 'eq_yes' },
      'Definizione o aggiornamento e condivisione protocollo (e relative procedure operative) tra Ambito, Servizi scolastici, Servizi educativi, ATS e ASST ed eventuali altri soggetti interessati',
    ],
    [2026, { type: 'eq_yes' }, 'Attivazione del protocollo/ procedure'],
  ]);
  assert.equal(c.fundingText, 'PNRR, FNPS');
  assert.equal(c.healthIntegration, 'ATS e ASST');
});

test('Sebino SAD: FNA, L. 234/2021 c. 162 lett. a), integrated with the ASST, with a 2026-2027 threshold read from the layout', () => {
  // Seed 003 L2700-L2749.
  const sad = card(sebino, 'LEPS_SAD');
  assert.deepEqual(sad.fundingSources, ['FNA']);
  assert.equal(sad.legalReference, 'Legge n.234/2021 comma 162 lett. a)');
  assert.equal(sad.healthIntegration, 'ASST');
  assert.deepEqual(rules(sad, '2'), [
    [2026, { type: 'gte_percent', value: 50 }],
    [2027, { type: 'gte_percent', value: 75 }],
  ]);
  assert.match(sad.indicators[1]!.note!, /2026 e al 2027/);
});

test('Sebino dimissioni protette: waiting times must fall year on year', () => {
  const c = card(sebino, 'LEPS_DIMISSIONI_PROTETTE');
  assert.deepEqual(rules(c, '3'), [
    [2026, { type: 'lt_previous' }],
    [2027, { type: 'lt_previous' }],
  ]);
  assert.equal(c.indicators[2]!.kind, 'duration');
});

test('Gallarate PUA: ≥50 % in 2025, ≥75 % in 2026, 100 % in 2027, and FNA 40.000 € a year per social worker', () => {
  // Seed 002 L12059-L12065, L11846-L11848.
  const pua = card(gallarate, 'LEPS_PUA');
  assert.deepEqual(rules(pua, 'R2'), PUA_RULES);
  assert.deepEqual(texts(pua, 'R2'), ['Anno 2025: ≥ 50%', 'Anno 2026: ≥ 75%', 'Anno 2027: 100%']);
  assert.deepEqual(
    pua.budget.map((b) => [b.fundingSource, b.amountCents, b.basis]),
    [['FNA', 40_000_00, 'annuo_per_assistente_sociale']],
  );
  assert.deepEqual(rules(pua, 'O1'), [
    [2025, { type: 'baseline' }],
    [2026, { type: 'gt_previous' }],
    [2027, { type: 'gt_previous' }],
  ]);
});

test('Gallarate budgets: VMD 1.300.000 €, PIPPI 105.000 €, dimissioni protette 72.838 € of FNPS quota vincolata', () => {
  // Seed 002 L11107, L11465, L10330-L10331, L10325-L10328.
  const amounts = (code: string) => card(gallarate, code).budget.map((b) => [b.fundingSource, b.amountCents]);
  assert.deepEqual(amounts('LEPS_VALUTAZIONE_MULTIDIMENSIONALE'), [['FONDO_POVERTA_QUOTA_SERVIZI', 1_300_000_00]]);
  assert.deepEqual(amounts('LEPS_PREVENZIONE_ALLONTANAMENTO'), [
    ['PNRR_M5C2_1_1_1', 105_000_00],
    ['FNPS', null],
  ]);
  assert.deepEqual(amounts('LEPS_DIMISSIONI_PROTETTE'), [
    ['PNRR_M5C2_1_1_3', 239_905_00],
    ['PNRR_M5C2_1_1_3', 60_000_00],
    ['FNPS_QUOTA_VINCOLATA', 72_838_00],
  ]);
  assert.deepEqual(amounts('LEPS_SAD'), [
    ['FNA', null],
    ['FNPS', null],
  ]);
});

test('Gallarate SAD: the 2023 baseline, then ≥50 % in 2026 and ≥75 % in 2027', () => {
  // Seed 002 L11038-L11045.
  assert.deepEqual(targets(card(gallarate, 'LEPS_SAD'), 'R2'), [
    [2023, { type: 'baseline' }, 'Anno 2023: t0'],
    [2026, { type: 'gte_percent', value: 50 }, 'Anno 2026: ≥ 50%'],
    [2027, { type: 'gte_percent', value: 75 }, 'Anno 2027: ≥ 75%'],
  ]);
});

test('Gallarate PIPPI: T0 in 2025 then growth, and individual projects ≥40 %, ≥60 %, ≥80 %', () => {
  // Seed 002 L11726-L11768.
  const c = card(gallarate, 'LEPS_PREVENZIONE_ALLONTANAMENTO');
  assert.deepEqual(rules(c, 'R2'), [
    [2025, { type: 'baseline' }],
    [2026, { type: 'gt_previous' }],
    [2027, { type: 'gt_previous' }],
  ]);
  assert.deepEqual(rules(c, 'R4'), [
    [2025, { type: 'gte_percent', value: 40 }],
    [2026, { type: 'gte_percent', value: 60 }],
    [2027, { type: 'gte_percent', value: 80 }],
  ]);
  assert.deepEqual(c.policyAreas, ['G', 'I']);
});

test('every target of both plans uses one of the agreed rule shapes and keeps its printed text', () => {
  const shapes = new Set<string>();
  for (const file of [sebino, gallarate]) {
    for (const c of file.cards) {
      for (const i of c.indicators) {
        for (const t of i.targets) {
          shapes.add(t.rule.type);
          assert.ok(t.text.length > 0);
        }
      }
    }
  }
  assert.deepEqual([...shapes].sort(), ['baseline', 'eq_yes', 'gt_previous', 'gte', 'gte_percent', 'lt_previous']);
});

test('range and upper-bound rules are accepted where they fit the indicator', () => {
  const text = edited(gallarateText, (d) => {
    d.cards[0].indicators[1].targets = [{ year: 2026, rule: { type: 'range_percent', min: 60, max: 80 }, text: 'tra il 60% e l’80%' }];
    d.cards[0].indicators[2].targets = [{ year: 2027, rule: { type: 'lte', value: 7 }, text: '≤ 7 giorni' }];
  });
  const file = parseLepsCards('schede.json', text, catalogue);
  assert.deepEqual(file.cards[0]!.indicators[1]!.targets[0]!.rule, { type: 'range_percent', min: 60, max: 80 });
  assert.deepEqual(file.cards[0]!.indicators[2]!.targets[0]!.rule, { type: 'lte', value: 7 });
});

test('a card file is refused when a rule does not fit, a year repeats or falls outside the plan', () => {
  const bad = edited(sebinoText, (d) => {
    d.cards[0].indicators[1].targets[0].rule = { type: 'gte_percent', value: 50 };
    d.cards[1].indicators[1].targets[1].year = 2025;
    d.cards[4].indicators[0].targets[2].year = 2028;
  });
  assert.deepEqual(
    issuesOf(() => parseLepsCards('schede-leps-2025-2027.json', bad, catalogue)),
    [
      {
        path: 'schede-leps-2025-2027.json, scheda 1 (LEPS_VALUTAZIONE_MULTIDIMENSIONALE), indicatore 2 (2), anno 2025, campo rule.type',
        message: 'la regola «gte_percent» non si applica a un indicatore di tipo «count» (ammesse: gte, lte, gt_previous, lt_previous, baseline)',
      },
      {
        path: 'schede-leps-2025-2027.json, scheda 2 (LEPS_PREVENZIONE_ALLONTANAMENTO), indicatore 2 (2), anno 2025',
        message: 'più di un valore atteso per lo stesso anno',
      },
      { path: 'schede-leps-2025-2027.json, scheda 5 (LEPS_SAD), indicatore 1 (1), anno 2028', message: 'anno fuori dal periodo del piano 2025-2027' },
    ],
  );
});

test('a card file is refused when its LEPS or its catalogue version are not those loaded', () => {
  const bad = edited(sebinoText, (d) => {
    d.catalogueVersion = 'lombardia-2021-2023';
    d.cards[2].lepsCode = 'LEPS_INESISTENTE';
  });
  assert.deepEqual(
    issuesOf(() => parseLepsCards('schede.json', bad, catalogue)),
    [
      {
        path: 'schede.json, campo catalogueVersion',
        message: 'le schede si riferiscono al catalogo «lombardia-2021-2023», il catalogo caricato è «lombardia-2025-2027.1»',
      },
      { path: 'schede.json, scheda 3 (LEPS_INESISTENTE), campo lepsCode', message: 'LEPS non presente nel catalogo lombardia-2025-2027.1' },
    ],
  );
});

test('a schema error names the card, the indicator and the field', () => {
  const bad = edited(gallarateText, (d) => (d.cards[4].indicators[5].targets[0].rule = { type: 'almeno', value: 50 }));
  const issues = issuesOf(() => parseLepsCards('schede.json', bad, catalogue));
  assert.equal(issues[0]!.path, 'schede.json, scheda 5 (LEPS_PUA), indicatore 6 (R2), valore atteso 1 (2025), campo rule.type');
  assert.match(issues[0]!.message, /^tipo di regola sconosciuto/);
});

// ——— Social-worker staff list ———

const STAFF_HEADER = 'codice;datore_di_lavoro;tipo_datore;contratto;etp;ore_settimanali;fonti_finanziamento;funzione;dal;al';
/** A staff list: the header, then the rows. */
const staffCsv = (...rows: string[]) => [STAFF_HEADER, ...rows].join('\n');

test('the staff list reads FTE or weekly hours, funding codes and periods', () => {
  const csv = staffCsv(
    'AS-01;Comune di Iseo;ente_capofila;tempo_indeterminato;1;;FONDO_POVERTA_CONTRIBUTO_AS;Segretariato sociale;2019-09-01;',
    'AS-02;Comune di Iseo;ente_capofila;tempo_indeterminato;;18;FNA+COMUNI;PUA;2025-01-01;',
    'AS-03;Gesfor;agenzia_somministrazione;somministrazione;0,5;;FONDO_POVERTA_QUOTA_SERVIZI;;2024-01-01;2025-12-31',
  );
  const posts = parseSocialWorkerStaff('assistenti-sociali.csv', csv);
  assert.equal(posts.length, 3);
  assert.equal(posts[1]!.fte, 0.5);
  assert.deepEqual(posts[1]!.fundingSources, ['FNA', 'COMUNI']);
  assert.equal(posts[2]!.assignment, null);
  assert.equal(posts[2]!.to, '2025-12-31');
  assert.deepEqual(staffFteOn(posts, '2025-12-31').fte, { tempo_indeterminato_ambito_comuni: 1.5, dipendenti_ambito_comuni: 1.5, tutto_il_personale: 2 });
});

test('a bad staff row is reported with file, row and column, and nothing is imported', () => {
  const csv = staffCsv(
    'AS-01;Comune di Iseo;comune;tempo_indeterminato;abc;;;;2025-01-01;',
    'AS-02;Comune di Iseo;comune;tempo_indeterminato;1;36;;;2025-01-01;',
    'AS-03;Comune di Iseo;comune;di_ruolo;1;;FONDO_X;;2025-01-01;',
    'AS-04;Comune di Iseo;comune;tempo_indeterminato;1;;;;2025-01-01;',
    'AS-04;Comune di Iseo;comune;tempo_indeterminato;0,5;;;;2025-06-01;',
  );
  const issues = issuesOf(() => parseSocialWorkerStaff('assistenti-sociali.csv', csv));
  assert.deepEqual(
    issues.map((i) => i.path),
    [
      'assistenti-sociali.csv, riga 2, colonna etp',
      'assistenti-sociali.csv, riga 3, colonna etp',
      'assistenti-sociali.csv, riga 4, colonna contratto',
      'assistenti-sociali.csv, riga 4, colonna fonti_finanziamento',
      'assistenti-sociali.csv, riga 6, colonna dal',
    ],
  );
  assert.equal(issues[0]!.message, 'equivalente a tempo pieno: numero non valido «abc» (es. 0,5)');
  assert.equal(issues[1]!.message, 'indica l’ETP oppure le ore settimanali (una sola delle due colonne)');
  assert.equal(issues[4]!.message, 'il codice AS-04 ha già un periodo sovrapposto (riga 5)');
});

test('a staff list without the expected columns is refused at the header', () => {
  const [issue] = issuesOf(() => parseSocialWorkerStaff('assistenti-sociali.csv', 'codice;etp\nAS-01;1'));
  assert.equal(issue!.path, 'assistenti-sociali.csv, riga 1');
  assert.match(issue!.message, /^colonne mancanti nell’intestazione: datore_di_lavoro, tipo_datore/);
});
