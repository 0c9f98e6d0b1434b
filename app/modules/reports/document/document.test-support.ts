// Test support for the document renderers (not product code): a realistic plan document of the demo Ambito of
// Gallarate with every kind of block, and the external tools the tests run on the files (poppler-utils, qpdf,
// LibreOffice, unzip). The objectives, actions and the 2022 spending are the demo's real figures
// (fixtures/demo/gallarate/plans/piano-2021-2023.json, fixtures/demo/gallarate/spending/spesa-2022.csv); the
// indicators are made up in their shape.
import { spawnSync } from 'node:child_process';

import { renderChartSvg } from '../../../shared/charts/charts.server.ts';
import { barChart } from '../../../shared/charts/charts.ts';
import { formatMoney, formatNumber } from '../../../shared/format/index.ts';
import type { RichDoc } from '../../../shared/richtext/richtext.types.ts';
import type { DocBlock, DocModel, DocTable } from './document.model.ts';

const money = (euros: number) => formatMoney('it', euros * 100);

/** 2022 social spending of the Ambito by area (euros): municipalities, users, FSR, FNPS, all channels. */
export const SPENDING_2022 = [
  { area: 'Minori-Famiglia', comuni: 6530195, utenza: 743422, fsr: 428608, fnps: 155683, totale: 8208520 },
  { area: 'Disabili', comuni: 5049944, utenza: 62119, fsr: 43129, fnps: 17210, totale: 5396628 },
  { area: 'Compartecipazione-servizi socio-sanitari integrati', comuni: 2808959, utenza: 31655, fsr: 0, fnps: 0, totale: 2840614 },
  { area: 'Servizio sociale professionale', comuni: 1663998, utenza: 0, fsr: 0, fnps: 0, totale: 1663998 },
  { area: 'Emarginazione-povertà', comuni: 203469, utenza: 2564, fsr: 8836, fnps: 54359, totale: 980639 },
  { area: 'Anziani', comuni: 464158, utenza: 95416, fsr: 104318, fnps: 11423, totale: 724050 },
  { area: 'Immigrazione', comuni: 5512, utenza: 0, fsr: 0, fnps: 1160, totale: 19311 },
  { area: 'Salute Mentale', comuni: 1036, utenza: 0, fsr: 65, fnps: 0, totale: 1101 },
  { area: 'Dipendenze', comuni: 0, utenza: 0, fsr: 0, fnps: 0, totale: 0 },
];
export const SPENDING_2022_TOTAL = { comuni: 16727271, utenza: 935176, fsr: 584956, fnps: 239835, totale: 19834861 };

/** The three objective cards of the sample, in the order of the document. */
export const SAMPLE_OBJECTIVES = [
  {
    code: '1',
    title: 'Mappatura, collaborazione e messa in rete',
    macroArea: 'Obiettivi trasversali',
    priority: 'Sì',
    description:
      'Tale obiettivo vuole rispondere alla necessità di creare una rete di servizi territoriali flessibili e, a questo scopo, prevede di realizzare e diffondere uno strumento condiviso per far conoscere competenze e risorse che i vari Enti del territorio hanno a disposizione.',
  },
  {
    code: 'A',
    title: 'Strategie per l’abitare',
    macroArea: 'Obiettivi macro-area: politiche abitative',
    priority: 'Sì',
    description:
      'Consolidamento dei servizi e degli interventi a supporto dell’abitare, stante il crescente bisogno di affitti calmierati; strategie di facilitazione dell’accesso all’abitare in situazione di emergenza e sfratti.',
  },
  {
    code: 'D',
    title: 'Potenziare il supporto alla domiciliarità',
    macroArea: 'Obiettivi macro-area: domiciliarità',
    priority: 'No',
    description:
      'Servizi di assistenza domiciliare più accessibili per anziani e persone con disabilità, con criteri di compartecipazione omogenei nei comuni dell’Ambito.',
  },
];

export const objectiveHeading = (o: { code: string; title: string }) => `Obiettivo ${o.code} — ${o.title}`;

/** A chapter's text as the Markdown parser gives it: subheadings, nested lists, a table, a quote, two footnotes. */
export const SAMPLE_CHAPTER: RichDoc = {
  blocks: [
    {
      t: 'paragraph',
      children: [
        { t: 'text', text: 'Il Piano di Zona è lo strumento con cui i comuni dell’Ambito programmano ' },
        { t: 'strong', children: [{ t: 'text', text: 'insieme' }] },
        { t: 'text', text: ' i servizi sociali del triennio, in coerenza con le ' },
        { t: 'em', children: [{ t: 'text', text: 'Linee di indirizzo regionali' }] },
        { t: 'footnoteRef', n: 1 },
        { t: 'text', text: ' e con il Piano nazionale degli interventi e dei servizi sociali (codice ' },
        { t: 'code', text: 'PNISS-2024' },
        { t: 'text', text: '). Le informazioni sono pubblicate sul ' },
        { t: 'link', href: 'https://www.regione.lombardia.it/', children: [{ t: 'text', text: 'portale della Regione' }] },
        { t: 'text', text: '.' },
      ],
    },
    { t: 'heading', level: 2, children: [{ t: 'text', text: 'Il contesto territoriale' }] },
    {
      t: 'paragraph',
      children: [
        { t: 'text', text: 'L’Ambito comprende dieci comuni della provincia di Varese, con capofila Gallarate.' },
        { t: 'br' },
        { t: 'text', text: 'La spesa sociale del 2022 è stata di 19.834.861 € – l’84,3 % a carico dei comuni' },
        { t: 'footnoteRef', n: 2 },
        { t: 'text', text: '.' },
      ],
    },
    {
      t: 'list',
      ordered: false,
      items: [
        [
          { t: 'paragraph', children: [{ t: 'text', text: 'Aree prioritarie del triennio:' }] },
          {
            t: 'list',
            ordered: true,
            items: [
              [{ t: 'paragraph', children: [{ t: 'text', text: 'politiche abitative e contrasto alla povertà;' }] }],
              [{ t: 'paragraph', children: [{ t: 'text', text: 'domiciliarità per anziani e persone con disabilità;' }] }],
              [{ t: 'paragraph', children: [{ t: 'text', text: 'tutela minorile e sostegno alla genitorialità.' }] }],
            ],
          },
        ],
        [{ t: 'paragraph', children: [{ t: 'text', text: 'Integrazione sociosanitaria con l’ASST Valle Olona.' }] }],
        [{ t: 'paragraph', children: [{ t: 'text', text: 'Partecipazione del Terzo settore ai tavoli tematici.' }] }],
      ],
    },
    { t: 'heading', level: 3, children: [{ t: 'text', text: 'Utenza dei servizi' }] },
    {
      t: 'table',
      align: [null, 'right', 'right'],
      header: [[{ t: 'text', text: 'Area' }], [{ t: 'text', text: 'Utenti 2022' }], [{ t: 'text', text: 'Quota della spesa' }]],
      rows: [
        [[{ t: 'text', text: 'Minori-Famiglia' }], [{ t: 'text', text: '4.418' }], [{ t: 'text', text: '41,40 %' }]],
        [[{ t: 'text', text: 'Disabili' }], [{ t: 'text', text: '1.051' }], [{ t: 'text', text: '27,22 %' }]],
        [[{ t: 'text', text: 'Compartecipazione socio-sanitaria' }], [{ t: 'text', text: '192' }], [{ t: 'text', text: '14,33 %' }]],
      ],
    },
    {
      t: 'quote',
      children: [
        {
          t: 'paragraph',
          children: [
            {
              t: 'text',
              text: '«Nessuno deve restare indietro»: così l’Assemblea dei Sindaci ha aperto il percorso, perché la città e i paesi chiedono più servizi, però con regole uguali per tutti…',
            },
          ],
        },
      ],
    },
  ],
  footnotes: [
    { n: 1, blocks: [{ t: 'paragraph', children: [{ t: 'text', text: 'D.G.R. n. XII/2167 del 15 aprile 2024, allegato A.' }] }] },
    {
      n: 2,
      blocks: [
        { t: 'paragraph', children: [{ t: 'text', text: 'Tabella 2.3 del Piano, provenienza delle entrate:' }] },
        {
          t: 'list',
          ordered: false,
          items: [
            [{ t: 'paragraph', children: [{ t: 'text', text: 'comuni 84,3 %;' }] }],
            [{ t: 'paragraph', children: [{ t: 'text', text: 'utenza 4,7 %.' }] }],
          ],
        },
      ],
    },
  ],
};

const INDICATOR_KINDS = [
  'Persone prese in carico dal servizio sociale professionale',
  'Nuclei familiari raggiunti da interventi di sostegno all’abitare',
  'Ore di assistenza domiciliare erogate agli anziani',
  'Minori in affido familiare o in comunità',
  'Persone con disabilità inserite in percorsi lavorativi (SIL)',
  'Famiglie con ISEE ≥ 9.360 € beneficiarie di contributi',
  'Comuni che applicano il regolamento unico di compartecipazione',
  'Operatori formati sulla co-progettazione',
  'Caregiver familiari che ricevono il voucher di sollievo',
  'Domande di accesso evase entro trenta giorni',
];

/** 60 indicators with their yearly targets (so the table breaks over pages). */
export function sampleIndicators(): DocTable {
  const rows: string[][] = [];
  for (let i = 0; i < 60; i++) {
    const base = 40 + ((i * 37) % 260);
    const kind = INDICATOR_KINDS[i % INDICATOR_KINDS.length];
    const label =
      i % 10 === 3
        ? `${kind}: valore riferito all’intero Ambito, compresi i comuni entrati nel corso del triennio e i servizi gestiti in forma associata`
        : kind;
    rows.push([
      `IND-${String(i + 1).padStart(2, '0')}`,
      label,
      formatNumber('it', base),
      formatNumber('it', Math.round(base * 1.05)),
      formatNumber('it', Math.round(base * 1.1)),
      formatNumber('it', Math.round(base * 1.2)),
    ]);
  }
  return {
    caption: 'Indicatori e target annuali del Piano',
    columns: [
      { header: 'Codice' },
      { header: 'Indicatore' },
      { header: 'Base 2020', numeric: true },
      { header: 'Target 2021', numeric: true },
      { header: 'Target 2022', numeric: true },
      { header: 'Target 2023', numeric: true },
    ],
    rows,
  };
}

function budgetTable(): DocTable {
  return {
    caption: 'Spesa sociale 2022 per area e canale di finanziamento',
    columns: [
      { header: 'Area' },
      { header: 'Comuni', numeric: true },
      { header: 'Utenza', numeric: true },
      { header: 'FSR', numeric: true },
      { header: 'FNPS', numeric: true },
      { header: 'Totale', numeric: true },
    ],
    rows: SPENDING_2022.map((r) => [r.area, money(r.comuni), money(r.utenza), money(r.fsr), money(r.fnps), money(r.totale)]),
    footer: [
      'Totale',
      money(SPENDING_2022_TOTAL.comuni),
      money(SPENDING_2022_TOTAL.utenza),
      money(SPENDING_2022_TOTAL.fsr),
      money(SPENDING_2022_TOTAL.fnps),
      money(SPENDING_2022_TOTAL.totale),
    ],
  };
}

function chartBlock(): Extract<DocBlock, { kind: 'chart' }> {
  const points = SPENDING_2022.filter((r) => r.totale > 0).map((r) => ({ label: r.area, value: r.totale }));
  const size = { width: 640, height: 300 };
  return {
    kind: 'chart',
    caption: 'Spesa sociale 2022 per area',
    alt: 'Grafico a barre orizzontali della spesa sociale 2022 per area: la più alta è Minori-Famiglia con 8.208.520 €, seguita da Disabili con 5.396.628 €; la più bassa è Salute Mentale con 1.101 €.',
    svg: renderChartSvg(barChart({ points, name: 'Spesa 2022' }), size),
    ...size,
    data: {
      caption: 'Dati del grafico: spesa sociale 2022 per area',
      columns: [{ header: 'Area' }, { header: 'Spesa 2022', numeric: true }],
      rows: points.map((p) => [p.label, money(p.value)]),
    },
  };
}

/** The sample document, in the order a reader meets it. */
export function sampleModel(): DocModel {
  const actions: DocTable = {
    caption: 'Azioni dell’obiettivo A',
    columns: [{ header: 'N.' }, { header: 'Azione' }, { header: 'Stato' }, { header: 'Realizzazione', numeric: true }],
    rows: [
      ['1', 'Azioni in situazioni di estrema marginalità con finalità riparative e di contenimento del danno.', 'Completata', '100 %'],
      ['2', 'Azioni indirizzate a soggetti in temporanea situazione di fragilità, per prevenire la cronicità assistenziale.', 'Completata', '100 %'],
      ['3', 'Consolidamento dei servizi a supporto dell’abitare, con percorsi di educazione finanziaria e coaching abitativo.', 'Realizzata in parte', '50 %'],
    ],
  };
  const objectiveBlocks: DocBlock[] = SAMPLE_OBJECTIVES.flatMap((o): DocBlock[] => [
    { kind: 'heading', level: 2, text: objectiveHeading(o) },
    {
      kind: 'facts',
      caption: `Scheda dell’obiettivo ${o.code}`,
      rows: [
        { label: 'Codice', value: o.code },
        { label: 'Macro-area', value: o.macroArea },
        { label: 'Prioritario', value: o.priority },
        { label: 'Descrizione', value: o.description },
      ],
    },
    ...(o.code === 'A' ? [{ kind: 'heading', level: 3, text: 'Azioni' } as const, { kind: 'table', table: actions } as const] : []),
  ]);
  return {
    lang: 'it-IT',
    meta: {
      title: 'Piano di Zona 2021–2023 – Ambito Territoriale di Gallarate',
      author: 'Ufficio di Piano dell’Ambito Territoriale di Gallarate',
      subject: 'Piano di Zona 2021–2023 — Ambito Territoriale di Gallarate',
      keywords: ['Piano di Zona', 'Gallarate', 'politiche sociali'],
      createdAt: '2026-12-10T09:30:00.000Z',
    },
    cover: {
      overline: 'Ambito Territoriale di Gallarate',
      title: 'Piano di Zona 2021–2023',
      subtitle: 'Programmazione sociale del triennio',
      lines: [
        { label: 'Periodo', value: '2021–2023' },
        { label: 'Modello regionale', value: 'Modello generico 1.0.0' },
        { label: 'Stato del piano', value: 'Chiuso' },
        { label: 'Adozione', value: 'Assemblea dei Sindaci, seduta del 02/12/2024' },
        { label: 'Versione', value: '7' },
        { label: 'Impronta SHA-256 della versione', value: '9f2b7c4e1a0d8b6f3e5c7a9d1b2c4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d' },
        { label: 'Documento generato il', value: '10/12/2026' },
      ],
    },
    labels: { toc: 'Indice', page: 'Pagina', footnotes: 'Note', chartData: 'Dati del grafico', continued: '(segue)' },
    blocks: [
      { kind: 'heading', level: 1, text: '1. Introduzione' },
      { kind: 'rich', doc: SAMPLE_CHAPTER },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: '2. Obiettivi' },
      { kind: 'paragraph', text: 'Le schede che seguono riportano, per ciascun obiettivo, i dati della scheda regionale e le azioni previste.' },
      ...objectiveBlocks,
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: '3. Indicatori e target' },
      { kind: 'table', table: sampleIndicators() },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: '4. Risorse' },
      { kind: 'heading', level: 2, text: 'Spesa sociale 2022 per area e canale' },
      { kind: 'table', table: budgetTable() },
      chartBlock(),
      { kind: 'heading', level: 1, text: '5. Allegati' },
      { kind: 'list', ordered: true, items: ['Accordo di programma 2021–2023', 'Verbale dell’Assemblea dei Sindaci', 'Griglia di valutazione regionale'] },
      { kind: 'paragraph', text: 'Gli allegati sono depositati presso l’Ufficio di Piano e consultabili su richiesta.' },
    ],
  };
}

/** Every heading of the model, in order (what a reader meets in the text). */
export function modelHeadings(model: DocModel): string[] {
  return model.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
}

/** Runs a command-line tool; fails with the Debian package to install when the tool is missing. */
export function runTool(
  command: string,
  args: string[],
  debianPackage: string,
  options: { timeoutMs?: number; cwd?: string } = {},
): { stdout: string; stderr: string; status: number } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`The tool «${command}» is missing: install the Debian package ${debianPackage} (apt-get install -y ${debianPackage}).`);
  }
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}
