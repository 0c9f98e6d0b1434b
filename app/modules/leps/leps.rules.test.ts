import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assessSocialWorkerRatio,
  averageStaffFteInYear,
  countsFor,
  fteFromWeeklyHours,
  socialWorkerContribution,
  socialWorkerHistory,
  staffFteOn,
  type SocialWorkerPost,
} from './leps.rules.ts';
import { formatterFor } from '../../shared/format/index.ts';
import { registerMessages, translate, type MessageKey } from '../../shared/i18n/messages.ts';
import * as messages from './leps.messages.ts';
import { contributionSentence, perWorkerSentence, requiredSentence, thresholdLabel, thresholdSentence } from './leps.sentences.ts';

// The rules return figures; the sentences the pages write from them, in Italian.
registerMessages(messages);
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('it', key, params);
const f = formatterFor('it');

// Populations from the seed plans: Sebino, residents at 01/01/2024 (seed 003 L2806); Gallarate, population at
// 31/12 of 2021, 2022, 2023 (seed 002 L3007). Neither plan gives its social-worker staff: the staff below are
// test inputs, not data of the Ambiti.
const SEBINO = 54_346;
const GALLARATE = { 2021: 122_026, 2022: 122_675, 2023: 122_855 } as const;

const post = (id: string, overrides: Partial<SocialWorkerPost> = {}): SocialWorkerPost => ({
  id,
  fte: 1,
  employerKind: 'comune',
  employerName: 'Comune di Iseo',
  contract: 'tempo_indeterminato',
  fundingSources: [],
  from: '2020-01-01',
  to: null,
  ...overrides,
});

test('the Sebino Ambito, 54.346 inhabitants, needs 11 social workers for the LEPS and 14 for the service objective', () => {
  const a = assessSocialWorkerRatio({ population: SEBINO, fte: 0 });
  assert.equal(a.leps.requiredFte?.value, 10.8692);
  assert.equal(requiredSentence(t, f, a.leps), '54.346 abitanti / 5.000 = 10,87 ETP (11 persone).');
  assert.equal(a.leps.requiredPersons, 11);
  assert.equal(a.serviceObjective.requiredFte?.value, 13.5865);
  assert.equal(a.serviceObjective.requiredPersons, 14);
  assert.equal(thresholdLabel(t, f, a.leps), 'LEPS: 1 assistente sociale ogni 5.000 abitanti');
  assert.equal(thresholdLabel(t, f, a.serviceObjective), 'Obiettivo di servizio: 1 assistente sociale ogni 4.000 abitanti');
});

test('an Ambito of 83.484 inhabitants needs 17 FTE at 1:5.000 and 21 FTE at 1:4.000', () => {
  const a = assessSocialWorkerRatio({ population: 83_484, fte: 0 });
  assert.equal(a.leps.requiredPersons, 17);
  assert.equal(a.serviceObjective.requiredPersons, 21);
  assert.equal(a.leps.requiredFte?.value, 16.6968);
  assert.equal(a.serviceObjective.requiredFte?.value, 20.871);
});

test('the Gallarate Ambito, 122.855 inhabitants at the end of 2023, needs 25 FTE for the LEPS and 31 for the objective', () => {
  const a = assessSocialWorkerRatio({ population: GALLARATE[2023], fte: 0 });
  assert.equal(a.leps.requiredFte?.value, 24.571);
  assert.equal(a.leps.requiredPersons, 25);
  assert.equal(a.serviceObjective.requiredPersons, 31);
});

test('with no social worker the ratio cannot be computed and every required person is to hire', () => {
  const a = assessSocialWorkerRatio({ population: SEBINO, fte: 0 });
  assert.equal(a.inhabitantsPerWorker?.value, null);
  assert.equal(a.inhabitantsPerWorker?.denominator, 0);
  assert.match(perWorkerSentence(t, f, a.inhabitantsPerWorker!), /nessun assistente sociale in servizio/);
  assert.equal(a.leps.status, 'non_raggiunto');
  assert.equal(a.leps.gapFte, 10.8692);
  assert.equal(a.leps.toHire, 11);
  assert.equal(a.serviceObjective.toHire, 14);
  assert.equal(
    thresholdSentence(t, f, a.leps),
    'LEPS non raggiunto: 0,00 ETP in servizio, ne servono almeno 10,87; mancano 10,87 ETP, cioè 11 assistenti sociali a tempo pieno da assumere.',
  );
});

test('without a population nothing is judged, whether the population is missing or zero', () => {
  for (const population of [null, 0]) {
    const a = assessSocialWorkerRatio({ population, fte: 4 });
    assert.equal(a.inhabitantsPerWorker, null);
    assert.equal(a.leps.status, 'dati_mancanti');
    assert.equal(a.serviceObjective.status, 'dati_mancanti');
    assert.equal(a.leps.requiredPersons, null);
    assert.equal(a.leps.toHire, null);
    assert.equal(thresholdSentence(t, f, a.leps), 'LEPS non valutabile: manca la popolazione dell’Ambito.');
  }
});

test('exactly 5.000 inhabitants per FTE reaches the LEPS', () => {
  // 54.346 / 5.000 = 10,8692 FTE: the threshold itself.
  const a = assessSocialWorkerRatio({ population: SEBINO, fte: 10.8692 });
  assert.equal(a.inhabitantsPerWorker?.value, 5000);
  assert.equal(a.leps.status, 'raggiunto');
  assert.equal(a.leps.gapFte, 0);
  assert.equal(a.leps.toHire, 0);
  const justBelow = assessSocialWorkerRatio({ population: SEBINO, fte: 10.8691 });
  assert.equal(justBelow.leps.status, 'non_raggiunto');
  assert.equal(justBelow.leps.gapFte, 0.0001);
  assert.equal(justBelow.leps.toHire, 1);
});

test('part-time social workers count for their fraction of a full-time post', () => {
  assert.deepEqual(fteFromWeeklyHours(18), { numerator: 18, denominator: 36, value: 0.5 });
  assert.equal(fteFromWeeklyHours(30).value, 0.8333);
  const posts = [
    ...Array.from({ length: 10 }, (_, i) => post(`AS-${i + 1}`)),
    post('AS-11', { fte: fteFromWeeklyHours(18).value! }),
    post('AS-12', { fte: fteFromWeeklyHours(18).value! }),
  ];
  const staff = staffFteOn(posts, '2025-12-31');
  assert.equal(staff.posts, 12);
  assert.equal(staff.fte.tempo_indeterminato_ambito_comuni, 11);
  const a = assessSocialWorkerRatio({ population: SEBINO, fte: staff.fte.tempo_indeterminato_ambito_comuni });
  assert.equal(perWorkerSentence(t, f, a.inhabitantsPerWorker!), '54.346 abitanti / 11,00 ETP = 4.940,5 abitanti per assistente sociale');
  assert.equal(a.leps.status, 'raggiunto');
  assert.equal(a.serviceObjective.status, 'non_raggiunto');
  assert.equal(a.serviceObjective.gapFte, 2.5865);
  assert.equal(a.serviceObjective.toHire, 3);
});

test('part-time fractions are summed exactly, without floating-point drift', () => {
  const posts = Array.from({ length: 3 }, (_, i) => post(`PT-${i}`, { fte: fteFromWeeklyHours(12).value! }));
  assert.equal(staffFteOn(posts, '2025-06-30').fte.tutto_il_personale, 0.9999);
  const tenths = Array.from({ length: 10 }, (_, i) => post(`D-${i}`, { fte: 0.1 }));
  assert.equal(staffFteOn(tenths, '2025-06-30').fte.tutto_il_personale, 1);
});

test('a ratio of 4.500 inhabitants per social worker, as reached by ATS 6 Fano with 21 social workers, meets the LEPS but not the objective', () => {
  // Seed 000 L575-L580: 21 assistenti sociali, «1 assistente sociale ogni 4500 abitanti»; the population is derived.
  const a = assessSocialWorkerRatio({ population: 21 * 4_500, fte: 21 });
  assert.equal(a.inhabitantsPerWorker?.value, 4500);
  assert.equal(a.leps.status, 'raggiunto');
  assert.equal(a.serviceObjective.status, 'non_raggiunto');
  assert.equal(a.serviceObjective.toHire, 3);
});

test('only the Ambito’s and the comuni’s own social workers count as theirs; the contribution basis also needs a permanent contract', () => {
  const posts = [
    post('C-1'),
    post('C-2', { contract: 'tempo_determinato', fundingSources: ['FONDO_POVERTA_QUOTA_SERVIZI'] }),
    post('CAP-1', { employerKind: 'ente_capofila', employerName: 'Comune di Iseo (capofila)' }),
    post('COOP-1', { employerKind: 'ente_terzo_settore', employerName: 'Cooperativa Tempo Libero', contract: 'tempo_indeterminato' }),
    post('AG-1', { employerKind: 'agenzia_somministrazione', employerName: 'Gesfor', contract: 'somministrazione' }),
    post('ASST-1', { employerKind: 'azienda_sanitaria', employerName: 'ASST Franciacorta', fte: 0.5 }),
  ];
  const staff = staffFteOn(posts, '2025-12-31');
  assert.deepEqual(staff.fte, { tempo_indeterminato_ambito_comuni: 2, dipendenti_ambito_comuni: 3, tutto_il_personale: 5.5 });
  assert.deepEqual(staff.byContract, { tempo_indeterminato: 3.5, tempo_determinato: 1, somministrazione: 1 });
  assert.equal(staff.byEmployerKind.comune, 2);
  assert.equal(countsFor(posts[3]!, 'dipendenti_ambito_comuni'), false);
  assert.equal(countsFor(posts[3]!, 'tutto_il_personale'), true);
});

test('a post counts on the days between its start and its end, both included', () => {
  const p = post('AS-1', { from: '2024-03-01', to: '2025-02-28' });
  assert.equal(staffFteOn([p], '2024-02-29').posts, 0);
  assert.equal(staffFteOn([p], '2024-03-01').posts, 1);
  assert.equal(staffFteOn([p], '2025-02-28').posts, 1);
  assert.equal(staffFteOn([p], '2025-03-01').posts, 0);
});

test('the yearly average weighs a post by its days in service', () => {
  const posts = [...Array.from({ length: 20 }, (_, i) => post(`AS-${i}`)), ...Array.from({ length: 3 }, (_, i) => post(`NEW-${i}`, { from: '2022-09-01' }))];
  // 1 September – 31 December 2022 is 122 days of 365: 3 × 0,3342 FTE.
  assert.equal(averageStaffFteInYear(posts, 2022).fte.tempo_indeterminato_ambito_comuni, 21.0026);
  assert.equal(staffFteOn(posts, '2022-12-31').fte.tempo_indeterminato_ambito_comuni, 23);
});

test('the history follows the staff and the population of Gallarate year by year', () => {
  const posts = [
    ...Array.from({ length: 19 }, (_, i) => post(`AS-${i}`, { employerName: 'Comune di Gallarate' })),
    post('AS-LEAVES', { to: '2023-06-30' }),
    ...Array.from({ length: 3 }, (_, i) => post(`NEW-${i}`, { from: '2022-09-01' })),
    post('PT-2023', { from: '2023-03-01', fte: 0.5 }),
    post('TD-2023', { from: '2023-01-01', contract: 'tempo_determinato' }),
  ];
  const history = socialWorkerHistory(posts, [
    { year: 2023, population: GALLARATE[2023] },
    { year: 2021, population: GALLARATE[2021] },
    { year: 2022, population: GALLARATE[2022] },
  ]);
  assert.deepEqual(
    history.map((h) => [h.year, h.fte, h.fteChange, h.assessment.leps.status, h.assessment.leps.toHire, h.assessment.serviceObjective.toHire]),
    [
      [2021, 20, null, 'non_raggiunto', 5, 11],
      [2022, 23, 3, 'non_raggiunto', 2, 8],
      [2023, 22.5, -0.5, 'non_raggiunto', 3, 9],
    ],
  );
  assert.equal(perWorkerSentence(t, f, history[0]!.assessment.inhabitantsPerWorker!), '122.026 abitanti / 20,00 ETP = 6.101,3 abitanti per assistente sociale');
  const everyone = socialWorkerHistory(posts, [{ year: 2023, population: GALLARATE[2023] }], { basis: 'dipendenti_ambito_comuni' });
  assert.equal(everyone[0]!.fte, 23.5);
});

test('a year of the history without population is kept and marked as missing data', () => {
  const history = socialWorkerHistory([post('AS-1')], [{ year: 2024, population: null }]);
  assert.equal(history[0]!.fte, 1);
  assert.equal(history[0]!.assessment.leps.status, 'dati_mancanti');
});

test('the L. 178/2020 contribution pays 40.000 € per FTE beyond 1:6.500 up to 1:5.000 and 20.000 € up to 1:4.000', () => {
  const c = socialWorkerContribution({ population: SEBINO, permanentFte: 11 });
  const [a, b] = c.bands;
  assert.equal(a!.fromFte, 8.3609);
  assert.equal(a!.toFte, 10.8692);
  assert.equal(a!.countedFte, 2.5083);
  assert.equal(a!.amountCents, 10_033_108);
  assert.equal(b!.countedFte, 0.1308);
  assert.equal(b!.amountCents, 261_600);
  assert.equal(b!.fromUnroundedFte, true);
  assert.equal(c.totalCents, 10_294_708);
  assert.equal(
    contributionSentence(t, f, c).replaceAll('\u00a0', ' '),
    'Contributo annuo spettante: 102.947,08 € (lett. a) 2,51 ETP × 40.000 € = 100.331,08 € (calcolato sugli ETP non arrotondati); lett. b) 0,13 ETP × 20.000 € = 2.616 € (calcolato sugli ETP non arrotondati)).',
  );
});

test('no contribution is due below 1:6.500, and none beyond 1:4.000', () => {
  const below = socialWorkerContribution({ population: SEBINO, permanentFte: 8 });
  assert.equal(below.totalCents, 0);
  assert.equal(contributionSentence(t, f, below), 'Nessun contributo: gli ETP a tempo indeterminato (8,00) non superano il rapporto 1:6.500 (8,36 ETP).');
  const beyond = socialWorkerContribution({ population: SEBINO, permanentFte: 20 });
  const capped = socialWorkerContribution({ population: SEBINO, permanentFte: 13.5865 });
  assert.equal(beyond.totalCents, capped.totalCents);
  assert.equal(beyond.bands[1]!.countedFte, 2.7173);
  const unknown = socialWorkerContribution({ population: null, permanentFte: 5 });
  assert.equal(unknown.bands.length, 0);
  assert.equal(contributionSentence(t, f, unknown), 'Contributo non calcolabile: manca la popolazione dell’Ambito.');
});

test('FTE figures are shown with two decimals: 30,7138 ETP in service reads «30,71»', () => {
  // 30 full-time and one post of 25,7 weekly hours out of 36 (0,7138 FTE once rounded to 4 decimals).
  const posts = [...Array.from({ length: 30 }, (_, i) => post(`p${i}`)), post('pt', { fte: fteFromWeeklyHours(25.7).value! })];
  const fte = staffFteOn(posts, '2024-12-31').fte.tempo_indeterminato_ambito_comuni;
  assert.equal(fte, 30.7139);
  const a = assessSocialWorkerRatio({ population: GALLARATE[2023], fte });
  assert.equal(thresholdSentence(t, f, a.leps), 'LEPS raggiunto: 30,71 ETP in servizio, ne servono almeno 24,57.');
  assert.equal(perWorkerSentence(t, f, a.inhabitantsPerWorker!), '122.855 abitanti / 30,71 ETP = 4.000 abitanti per assistente sociale');
  assert.equal(f.fte(fteFromWeeklyHours(25.7).value!), '0,71');
});
