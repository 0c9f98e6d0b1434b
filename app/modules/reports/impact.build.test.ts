import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerMessages } from '../../shared/i18n/messages.ts';
import { parseRichText } from '../../shared/richtext/richtext.ts';
import { agendaGoals, buildImpactDoc, buildImpactView, spendingSeries, type ImpactInput } from './impact.build.ts';
import * as messages from './reports.messages.ts';
import { IMPACT_SECTIONS, orderSections } from './impact.rules.ts';

registerMessages(messages);

/** Records a renderer would draw as SVG: the option's series names, so a test can see what each chart shows. */
const renderSvg = (option: unknown, size: { width: number; height: number }) =>
  `<svg data-w="${size.width}" data-h="${size.height}">${JSON.stringify((option as { series: { name: string }[] }).series.map((s) => s.name))}</svg>`;

const SOURCE = 'Report «Impatto sociale», ATS n. 6';

/** A small Ambito with the shapes of the Fano records (figures of seed 000). */
function input(overrides: Partial<ImpactInput> = {}): ImpactInput {
  return {
    ambito: { code: 'fano', name: 'Ambito Territoriale Sociale n. 6 – Fano' },
    report: {
      id: 'r1',
      title: 'Bilancio sociale 2022',
      year: 2022,
      seriesFromYear: 2019,
      status: 'published',
      publishedAt: '2023-03-31T10:00:00.000Z',
      version: 3,
      sections: IMPACT_SECTIONS.map((key) => ({ key, intro: key === 'plan' ? 'Un **cantiere aperto**.' : null })),
    },
    plan: {
      title: 'Piano Territoriale Sociale 2022-2024',
      periodStartYear: 2022,
      periodEndYear: 2024,
      statusLabel: 'Adottato',
      adoptionDate: '2022-02-25',
      adoptionAct: 'Approvato dal Comitato dei Sindaci',
      templateName: 'Regione Marche',
      chapters: [
        { title: 'INTRODUZIONE', markdown: null },
        { title: 'Premessa', markdown: 'Un welfare generativo.' },
      ],
      objectives: [
        { code: 'B1-TIS', title: 'Tirocini di Inclusione Sociale', agenda2030: [1] },
        { code: 'B1-PASSAMANO', title: 'Rete Passamano', agenda2030: [12] },
        { code: 'B3-SAD', title: 'SAD', agenda2030: [] },
      ],
    },
    participation: {
      tables: [{ name: 'Tavolo tematico Giovani', kind: 'tavolo_tematico' }],
      figures: [
        { figure: 'meetings', recorded: 0, published: { value: 25, qualifier: 'exact', source: SOURCE }, recordsMatch: false },
        { figure: 'member_organisations', recorded: 0, published: { value: 60, qualifier: 'more_than', source: SOURCE }, recordsMatch: false },
      ],
    },
    projects: [
      {
        title: 'Rete Passamano',
        summary: null,
        status: 'attivo',
        sdgGoals: [12, 17],
        partners: ['Coop. Contatto'],
        resources: [{ fundingSource: 'Fonte non indicata nel report', year: null, amountCents: 39_100_000 }],
      },
      {
        title: 'Progetto Dopo di Noi',
        summary: 'Autonomia',
        status: 'attivo',
        sdgGoals: [17],
        partners: ['Coop. Labirinto'],
        resources: [
          { fundingSource: 'Fonte non indicata nel report', year: null, amountCents: 58_353_700 },
          { fundingSource: 'PNRR', year: null, amountCents: 71_498_931 },
        ],
      },
    ],
    staffing: [2020, 2021, 2022].map((year) => {
      const fte = year === 2022 ? 21 : 18;
      return {
        year,
        fte,
        population: 102_900,
        populationYear: 2011,
        inhabitantsPerWorker: Math.round((102_900 / fte) * 10) / 10,
        leps: year === 2022 ? 'raggiunto' : 'non_raggiunto',
        serviceObjective: 'non_raggiunto',
        lepsRequiredFte: 20.58,
        objectiveRequiredFte: 25.725,
      };
    }),
    users: [
      { objectiveCode: 'B3-SAD', objectiveTitle: 'SAD', label: 'Persone assistite', unit: 'persone', value: 127 },
      { objectiveCode: 'B1-RDC', objectiveTitle: 'PUC', label: 'Beneficiari', unit: 'persone', value: 3 },
      { objectiveCode: 'B1-X', objectiveTitle: 'Altro', label: 'Non misurato', unit: null, value: null },
    ],
    spending: [
      { year: 2019, areaCode: 'DISABILI', areaName: 'Disabili', nature: 'contributi', amountCents: 78_014_100 },
      { year: 2022, areaCode: 'DISABILI', areaName: 'Disabili', nature: 'contributi', amountCents: 47_011_900 },
      { year: 2022, areaCode: 'ANZIANI', areaName: 'Anziani', nature: 'contributi', amountCents: 35_125_800 },
      { year: 2022, areaCode: 'ANZIANI', areaName: 'Anziani', nature: 'servizi', amountCents: 1_000_000 },
      { year: 2018, areaCode: 'ANZIANI', areaName: 'Anziani', nature: null, amountCents: 5_00 },
    ],
    ...overrides,
  };
}

test('the view keeps the chosen sections in their order, each with its introduction', () => {
  const view = buildImpactView(input(), { locale: 'it', renderSvg });
  assert.deepEqual(
    view.sections.map((s) => s.key),
    [...IMPACT_SECTIONS],
  );
  assert.equal(view.sections[0]!.intro, 'Un **cantiere aperto**.');
  const reordered = buildImpactView(
    input({
      report: {
        ...input().report,
        sections: [
          { key: 'spending', intro: null },
          { key: 'plan', intro: null },
        ],
      },
    }),
    { locale: 'it', renderSvg },
  );
  assert.deepEqual(
    reordered.sections.map((s) => s.key),
    ['spending', 'plan'],
  );
});

test('the coordinator’s choices: included sections sorted by position, blank introductions dropped', () => {
  assert.deepEqual(
    orderSections([
      { key: 'plan', include: true, position: 3, intro: '  ' },
      { key: 'leps', include: false, position: 1, intro: 'x' },
      { key: 'users', include: true, position: 1, intro: ' Testo ' },
      { key: 'spending', include: true, position: 3, intro: null },
    ]),
    [
      { key: 'users', intro: 'Testo' },
      { key: 'plan', intro: null },
      { key: 'spending', intro: null },
    ],
  );
});

test('the plan section: its facts, the number of objectives and its purpose (the first chapter with a text)', () => {
  const plan = buildImpactView(input(), { locale: 'it', renderSvg }).sections.find((s) => s.key === 'plan');
  assert.ok(plan?.key === 'plan' && plan.plan);
  assert.equal(plan.plan.objectivesCount, 3);
  assert.equal(plan.plan.purpose, 'Un welfare generativo.');
  const none = buildImpactView(input({ plan: null }), { locale: 'it', renderSvg }).sections.find((s) => s.key === 'plan');
  assert.ok(none?.key === 'plan' && none.plan === null);
});

test('Agenda 2030: each goal with the objectives and the projects that point at it, in goal order', () => {
  assert.deepEqual(agendaGoals(input()), [
    { goal: 1, objectives: [{ code: 'B1-TIS', title: 'Tirocini di Inclusione Sociale' }], projects: [] },
    { goal: 12, objectives: [{ code: 'B1-PASSAMANO', title: 'Rete Passamano' }], projects: ['Rete Passamano'] },
    { goal: 17, objectives: [], projects: ['Rete Passamano', 'Progetto Dopo di Noi'] },
  ]);
  const agenda = buildImpactView(input(), { locale: 'it', renderSvg }).sections.find((s) => s.key === 'agenda2030');
  assert.ok(agenda?.key === 'agenda2030' && agenda.chart);
  assert.match(agenda.chart.summary, /3 goal collegati; il più ricorrente è il goal 12 \(Consumo e produzione responsabili\) con 2/);
  assert.deepEqual(agenda.chart.table.rows[2], ['Goal 17 – Partnership per gli obiettivi', '0', '2']);
});

test('projects: totals by project and by source, the PNRR line kept apart', () => {
  const projects = buildImpactView(input(), { locale: 'it', renderSvg }).sections.find((s) => s.key === 'projects');
  assert.ok(projects?.key === 'projects');
  assert.equal(projects.totalCents, 39_100_000 + 58_353_700 + 71_498_931);
  assert.deepEqual(projects.bySource, [
    { source: 'Fonte non indicata nel report', cents: 97_453_700 },
    { source: 'PNRR', cents: 71_498_931 },
  ]);
  assert.equal(projects.projects[1]!.totalCents, 129_852_631);
  assert.deepEqual(
    projects.chart!.table.footer?.map((c) => c.replace(/\s/g, ' ')),
    ['Totale', '1.689.526,31 €'],
  );
});

test('LEPS: the years of the series up to the report’s year, the current one and its sentence', () => {
  const leps = buildImpactView(input({ report: { ...input().report, seriesFromYear: 2021 } }), { locale: 'it', renderSvg }).sections.find(
    (s) => s.key === 'leps',
  );
  assert.ok(leps?.key === 'leps');
  assert.deepEqual(
    leps.years.map((y) => [y.year, y.fte]),
    [
      [2021, 18],
      [2022, 21],
    ],
  );
  assert.equal(leps.current?.year, 2022);
  assert.match(leps.chart!.summary, /da 18,00 a 21,00 ETP: nel 2022 uno ogni 4\.900 abitanti, LEPS raggiunto, obiettivo di servizio non raggiunto/);
  assert.deepEqual(leps.chart!.table.rows[1], ['2022', '21,00', '102.900 (2011)', '4.900', 'raggiunto', 'non raggiunto']);
  assert.match(leps.chart!.svg, /In servizio al 31\/12/);
});

test('users: counts of people go through the privacy guard (3 → suppressed, none → not recorded)', () => {
  const users = buildImpactView(input(), { locale: 'it', renderSvg }).sections.find((s) => s.key === 'users');
  assert.ok(users?.key === 'users');
  assert.deepEqual(
    users.rows.map((r) => r.count),
    [
      { value: 127, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: false },
    ],
  );
});

test('spending: by year and nature, by area, over the series’ years only; services versus contributions', () => {
  const series = spendingSeries(input().spending, 2019, 2022);
  assert.deepEqual(series.years, [2019, 2020, 2021, 2022]);
  assert.deepEqual(series.byNature[0], { year: 2019, servizi: 0, contributi: 78_014_100, strutture: 0, notStated: 0, total: 78_014_100 });
  assert.deepEqual(series.byNature[1], { year: 2020, servizi: 0, contributi: 0, strutture: 0, notStated: 0, total: 0 });
  assert.deepEqual(series.byNature[3], { year: 2022, servizi: 1_000_000, contributi: 82_137_700, strutture: 0, notStated: 0, total: 83_137_700 });
  assert.deepEqual(
    series.byArea.map((a) => [a.areaCode, a.cents, a.total]),
    [
      ['DISABILI', [78_014_100, 0, 0, 47_011_900], 125_026_000],
      ['ANZIANI', [0, 0, 0, 36_125_800], 36_125_800],
    ],
  );
  const spending = buildImpactView(input(), { locale: 'it', renderSvg }).sections.find((s) => s.key === 'spending');
  assert.ok(spending?.key === 'spending' && spending.natureChart);
  // Only the natures present are drawn: services and contributions, no «strutture».
  assert.match(spending.natureChart.svg, /\["Interventi e servizi","Contributi \(trasferimenti in denaro\)"\]/);
  assert.deepEqual(
    spending.coDesign.map((p) => p.project),
    ['Progetto Dopo di Noi', 'Rete Passamano'],
  );
});

test('the PDF model: a heading per section, the introductions as rich text, every chart with its alternative text and data', () => {
  const view = buildImpactView(input(), { locale: 'it', renderSvg });
  const doc = buildImpactDoc(view, { locale: 'it', generatedAt: new Date('2023-04-01T08:00:00Z'), parse: parseRichText });
  assert.equal(doc.lang, 'it-IT');
  assert.equal(doc.cover.title, 'Bilancio sociale 2022');
  assert.deepEqual(
    doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text),
    [
      'Il piano',
      'La partecipazione',
      'Agenda 2030: obiettivi e ricadute',
      'La co-progettazione',
      'I livelli essenziali raggiunti',
      'Gli utenti dei servizi',
      'La spesa negli anni',
    ],
  );
  assert.equal(doc.blocks[1]!.kind, 'rich');
  const charts = doc.blocks.filter((b) => b.kind === 'chart');
  assert.equal(charts.length, 6);
  for (const c of charts) {
    assert.ok(c.kind === 'chart' && c.alt.length > 20 && c.data.rows.length > 0, 'alternative text and data table');
  }
  // The suppressed count is printed as «< 5», never as the number.
  const users = doc.blocks.find((b) => b.kind === 'table' && b.table.caption.startsWith('Persone raggiunte'));
  assert.ok(users?.kind === 'table');
  assert.deepEqual(
    users.table.rows.map((r) => r[1]),
    ['127', '< 5', 'n.d.'],
  );
  // The published figures beside the recorded ones.
  const participation = doc.blocks.find((b) => b.kind === 'table' && b.table.caption.startsWith('La partecipazione'));
  assert.ok(participation?.kind === 'table');
  assert.deepEqual(participation.table.rows[1], ['Soggetti del Terzo settore iscritti', 'oltre 60', '0', SOURCE]);
});

test('the PDF model in English uses the English words and formats', () => {
  const view = buildImpactView(input(), { locale: 'en', renderSvg });
  const doc = buildImpactDoc(view, { locale: 'en', generatedAt: new Date('2023-04-01T08:00:00Z'), parse: parseRichText });
  assert.equal(doc.lang, 'en-GB');
  assert.equal(doc.labels.toc, 'Contents');
  assert.ok(doc.blocks.some((b) => b.kind === 'heading' && b.text === 'Spending over the years'));
});

test('a report with no records says so in each section instead of drawing empty charts', () => {
  const empty = input({ plan: null, projects: [], staffing: [], users: [], spending: [], participation: { tables: [], figures: [] } });
  const view = buildImpactView(empty, { locale: 'it', renderSvg });
  const doc = buildImpactDoc(view, { locale: 'it', generatedAt: new Date('2023-04-01T08:00:00Z'), parse: parseRichText });
  assert.equal(doc.blocks.filter((b) => b.kind === 'chart').length, 0);
  const texts = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
  assert.ok(texts.includes('Nessun piano dell’Ambito copre l’anno del bilancio sociale.'));
  assert.ok(texts.includes('Nessuna spesa registrata per gli anni del bilancio sociale.'));
});
