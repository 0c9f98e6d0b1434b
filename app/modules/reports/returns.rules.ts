/**
 * The national and regional returns an Ambito files, built from its records (pure functions: no I/O, no clock).
 *
 * - L. 178/2020, art. 1, c. 797 (nota ministeriale 908/2023): by 28 February the Ambito sends the social workers of
 *   the year before — FTE a tempo indeterminato employed by the comuni, their unions, special agencies, consortia, the
 *   capofila (not those contracted through the third sector, the health agency or temp agencies) — with the ratio to
 *   the population, the contribution band and a forecast. The computation is LEPS's (`socialWorkerContribution`,
 *   `staffFteOn`, `countsFor`, `AMBITO_EMPLOYER_KINDS`): this file only arranges the return around it.
 * - SIOSS (Sistema informativo dell’offerta dei servizi sociali): which services exist, how the function is exercised
 *   (forms of management) and by which implementing bodies, a health agency counted once however many services it runs.
 * - The national funds' modules (FNPS, FNA, Fondo Povertà, Dopo di Noi…; Multifondo): each fund's spending by area and
 *   activity with users, next to the allocation and to the running totals (committed, paid) with their corrections.
 * - The Lombardy spending table by area × funding channel (Tabella 2.4 of the Piani di Zona) and the FNPS matrix
 *   (areas × service goals) with the share to children and families against the minimum (50 % in Lombardy, 40 %
 *   nationally).
 *
 * Every return carries its sources: which records, how many, which comuni, what is missing.
 */
import {
  AMBITO_EMPLOYER_KINDS,
  EMPLOYER_KINDS,
  countsFor,
  socialWorkerContribution,
  staffFteOn,
  type EmployerKind,
  type SocialWorkerContribution,
  type SocialWorkerPost,
} from '../leps/index.ts';

// ——— Inputs (what the queries hand over) ——————————————————————————————————————————————————————————

/** A social-worker post row with the record it comes from. */
export interface PostRecord {
  rowId: string;
  post: SocialWorkerPost;
  comuneName: string | null;
  source: string;
}

/** The population a return divides by: the year of the figure, its reference date and whether it is a sum of comuni. */
export interface PopulationFigure {
  year: number;
  population: number;
  referenceDate: string | null;
  basis: 'ambito' | 'comuni';
}

export const MANAGEMENT_FORMS = ['associata_ambito', 'singolo_comune', 'delega_asl', 'affidamento_terzo_settore', 'altro'] as const;
export type ManagementForm = (typeof MANAGEMENT_FORMS)[number];

/** A service of the Ambito's offer as the services module lists it (the fields the returns read). */
export interface ReturnService {
  id: string;
  code: string;
  name: string;
  typeCode: string;
  typeName: string | null;
  macroCode: string | null;
  macroName: string | null;
  fnpsGoal: string | null;
  areaCode: string;
  management: ManagementForm;
  comuneName: string | null;
  providerName: string;
  providerCode: string | null;
  active: boolean;
  years: { year: number; users: number | null; spendCents: number | null; funds: { fundCode: string; amountCents: number; users: number | null }[] }[];
}

export interface FundRef {
  code: string;
  name: string;
  shortName: string;
  rootCode: string;
}

// ——— L. 178/2020, c. 797: the social-worker return —————————————————————————————————————————————————

export interface EmployerKindRow {
  kind: EmployerKind;
  /** True for the employers c. 797 counts (the Ambito and its comuni: AMBITO_EMPLOYER_KINDS). */
  counted: boolean;
  posts: number;
  /** FTE in service at 31/12, any contract. */
  fte: number;
  /** FTE a tempo indeterminato (0 for a kind not counted: they never enter the contribution). */
  permanentFte: number;
}

export interface StaffMovement {
  code: string;
  employerName: string;
  fte: number;
  date: string;
}

export interface SocialWorkerSnapshot {
  year: number;
  /** 31 December of the year. */
  day: string;
  /** FTE a tempo indeterminato of the Ambito and its comuni: the basis of the contribution. */
  permanentFte: number;
  population: PopulationFigure | null;
  /** Inhabitants per permanent FTE, one decimal (null without population or FTE). */
  inhabitantsPerFte: number | null;
  contribution: SocialWorkerContribution;
}

export interface SocialWorkerReturn extends SocialWorkerSnapshot {
  byEmployer: EmployerKindRow[];
  /** FTE of the Ambito and its comuni, any contract; and of everyone working in the Ambito's services. */
  ambitoFte: number;
  totalFte: number;
  /** Permanent posts of the Ambito and its comuni that started in the year (a code's first permanent row). */
  hires: StaffMovement[];
  /** Permanent posts of the Ambito and its comuni that ended in the year and did not go on. */
  leavers: StaffMovement[];
  /** Year Y+1: the posts recorded as in service at 31/12/Y+1 (hires already recorded), the latest population. */
  forecast: SocialWorkerSnapshot & { posts: number };
  sources: {
    /** Every post row of the Ambito. */
    rows: number;
    /** Rows in service at 31/12 of the year, each either counted or excluded (with why). */
    counted: { rowId: string; code: string; fte: number; source: string }[];
    excluded: { rowId: string; code: string; fte: number; reason: 'employer' | 'contract'; employerKind: EmployerKind }[];
    /** Rows not in service at 31/12 (ended before, or starting after). */
    notInService: number;
    /** The comuni named on the rows in service. */
    comuni: string[];
    /** Codes with more than one row in service at 31/12: a person recorded twice, to be corrected. */
    overlaps: string[];
  };
}

function snapshot(posts: readonly SocialWorkerPost[], year: number, population: PopulationFigure | null): SocialWorkerSnapshot {
  const day = `${year}-12-31`;
  const permanentFte = staffFteOn(posts, day).fte.tempo_indeterminato_ambito_comuni;
  const pop = population?.population ?? null;
  return {
    year,
    day,
    permanentFte,
    population,
    inhabitantsPerFte: pop !== null && pop > 0 && permanentFte > 0 ? Math.round((pop * 10) / permanentFte) / 10 : null,
    contribution: socialWorkerContribution({ population: pop, permanentFte }),
  };
}

/**
 * The L. 178/2020 return for reference year `year`: FTE at 31/12 by employer kind (counted and excluded kinds apart),
 * permanent FTE, the population, the ratio, the bands a) and b) with the FTE counted in each and the amount; the
 * hires and leavers of the year; the forecast for the year after from the posts recorded as in service at its end.
 */
export function buildSocialWorkerReturn(input: {
  year: number;
  records: readonly PostRecord[];
  population: PopulationFigure | null;
  forecastPopulation: PopulationFigure | null;
}): SocialWorkerReturn {
  const { year, records } = input;
  const day = `${year}-12-31`;
  const posts = records.map((r) => r.post);
  const all = staffFteOn(posts, day);
  const byEmployer: EmployerKindRow[] = EMPLOYER_KINDS.map((kind) => {
    const own = posts.filter((p) => p.employerKind === kind);
    const s = staffFteOn(own, day);
    return {
      kind,
      counted: (AMBITO_EMPLOYER_KINDS as readonly EmployerKind[]).includes(kind),
      posts: s.posts,
      fte: s.fte.tutto_il_personale,
      permanentFte: s.fte.tempo_indeterminato_ambito_comuni,
    };
  }).filter((r) => r.posts > 0);

  const inService = records.filter((r) => r.post.from <= day && (r.post.to === null || day <= r.post.to));
  const counted = inService
    .filter((r) => countsFor(r.post, 'tempo_indeterminato_ambito_comuni'))
    .map((r) => ({ rowId: r.rowId, code: r.post.id, fte: r.post.fte, source: r.source }));
  const excluded = inService
    .filter((r) => !countsFor(r.post, 'tempo_indeterminato_ambito_comuni'))
    .map((r) => ({
      rowId: r.rowId,
      code: r.post.id,
      fte: r.post.fte,
      reason: countsFor(r.post, 'dipendenti_ambito_comuni') ? ('contract' as const) : ('employer' as const),
      employerKind: r.post.employerKind,
    }));
  const codeCount = new Map<string, number>();
  for (const r of inService) codeCount.set(r.post.id, (codeCount.get(r.post.id) ?? 0) + 1);

  // Hires and leavers: a code's permanent rows of the Ambito and its comuni taken together (a change of hours closes a
  // row and opens another with the same code: that is neither a hire nor a leaver).
  const permanent = posts.filter((p) => countsFor(p, 'tempo_indeterminato_ambito_comuni'));
  const byCode = new Map<string, SocialWorkerPost[]>();
  for (const p of permanent) byCode.set(p.id, [...(byCode.get(p.id) ?? []), p]);
  const hires: StaffMovement[] = [];
  const leavers: StaffMovement[] = [];
  for (const [code, rows] of byCode) {
    const sorted = [...rows].sort((a, b) => a.from.localeCompare(b.from));
    const first = sorted[0]!;
    const last = sorted.reduce((a, b) => ((b.to ?? '9999-12-31') > (a.to ?? '9999-12-31') ? b : a));
    if (first.from.startsWith(`${year}-`)) hires.push({ code, employerName: first.employerName, fte: first.fte, date: first.from });
    if (last.to !== null && last.to.startsWith(`${year}-`) && last.to < day)
      leavers.push({ code, employerName: last.employerName, fte: last.fte, date: last.to });
  }
  hires.sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code));
  leavers.sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code));

  const next = snapshot(posts, year + 1, input.forecastPopulation);
  return {
    ...snapshot(posts, year, input.population),
    byEmployer,
    ambitoFte: all.fte.dipendenti_ambito_comuni,
    totalFte: all.fte.tutto_il_personale,
    hires,
    leavers,
    forecast: { ...next, posts: staffFteOn(posts, next.day).posts },
    sources: {
      rows: records.length,
      counted,
      excluded,
      notInService: records.length - inService.length,
      comuni: [...new Set(inService.map((r) => r.comuneName).filter((n): n is string => n !== null))].sort((a, b) => a.localeCompare(b, 'it')),
      overlaps: [...codeCount].filter(([, n]) => n > 1).map(([c]) => c),
    },
  };
}

// ——— SIOSS: the offer of services ——————————————————————————————————————————————————————————————————

export interface SiossOfferRow {
  typeCode: string;
  /** Null when the code is not in the national nomenclature: the return cannot tick it. */
  typeName: string | null;
  macroCode: string | null;
  macroName: string | null;
  serviceCodes: string[];
  managements: ManagementForm[];
  providers: string[];
  /** Users and spending of the year, summed over the services that recorded them (null when none did). */
  users: number | null;
  spendCents: number | null;
  /** Services of the type with a figure for the year, out of `serviceCodes.length`. */
  withFigures: number;
}

export interface SiossBody {
  /** How the body was recognised: its fiscal/IPA code, or its name (case and spaces aside). */
  key: string;
  name: string;
  code: string | null;
  healthAgency: boolean;
  managements: ManagementForm[];
  serviceCodes: string[];
}

export interface SiossReturn {
  year: number;
  offer: SiossOfferRow[];
  management: { management: ManagementForm; services: number }[];
  bodies: SiossBody[];
  /** Distinct health agencies (delegation to the ASL): each counted once. */
  healthAgencies: number;
  sources: {
    services: number;
    inReturn: number;
    /** Inactive services without figures for the year: not part of the year's offer. */
    inactiveExcluded: string[];
    /** Services whose type is not in the nomenclature. */
    unknownType: string[];
    /** Services in the return without users or spending for the year. */
    withoutFigures: string[];
    /** Comuni with a service of their own (single-comune management). */
    comuni: string[];
  };
}

const bodyKey = (s: Pick<ReturnService, 'providerCode' | 'providerName'>) =>
  s.providerCode && s.providerCode.trim()
    ? `codice:${s.providerCode.trim().toUpperCase()}`
    : `nome:${s.providerName.trim().replace(/\s+/g, ' ').toLowerCase()}`;

const sumOrNull = (values: readonly (number | null)[]) => (values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null);

/** The SIOSS return of a year: the offer by national type, the forms of management, the implementing bodies. */
export function buildSiossReturn(input: { year: number; services: readonly ReturnService[] }): SiossReturn {
  const { year } = input;
  const yearOf = (s: ReturnService) => s.years.find((y) => y.year === year) ?? null;
  const inReturn = input.services.filter((s) => s.active || yearOf(s) !== null);
  const types = new Map<string, ReturnService[]>();
  for (const s of inReturn) types.set(s.typeCode, [...(types.get(s.typeCode) ?? []), s]);
  const offer: SiossOfferRow[] = [...types.entries()]
    .map(([typeCode, list]) => {
      const figures = list.map(yearOf);
      return {
        typeCode,
        typeName: list[0]!.typeName,
        macroCode: list[0]!.macroCode,
        macroName: list[0]!.macroName,
        serviceCodes: list.map((s) => s.code),
        managements: MANAGEMENT_FORMS.filter((m) => list.some((s) => s.management === m)),
        providers: [...new Map(list.map((s) => [bodyKey(s), s.providerName])).values()],
        users: sumOrNull(figures.map((f) => f?.users ?? null)),
        spendCents: sumOrNull(figures.map((f) => f?.spendCents ?? null)),
        withFigures: figures.filter((f) => f !== null && (f.users !== null || f.spendCents !== null)).length,
      };
    })
    .sort((a, b) => (a.macroCode ?? '~').localeCompare(b.macroCode ?? '~') || a.typeCode.localeCompare(b.typeCode));
  const bodies = new Map<string, SiossBody>();
  for (const s of inReturn) {
    const key = bodyKey(s);
    const b = bodies.get(key) ?? { key, name: s.providerName, code: s.providerCode, healthAgency: false, managements: [], serviceCodes: [] };
    if (s.management === 'delega_asl') b.healthAgency = true;
    if (!b.managements.includes(s.management)) b.managements.push(s.management);
    b.serviceCodes.push(s.code);
    bodies.set(key, b);
  }
  const bodyList = [...bodies.values()]
    .map((b) => ({ ...b, managements: MANAGEMENT_FORMS.filter((m) => b.managements.includes(m)) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  return {
    year,
    offer,
    management: MANAGEMENT_FORMS.map((m) => ({ management: m, services: inReturn.filter((s) => s.management === m).length })).filter((r) => r.services > 0),
    bodies: bodyList,
    healthAgencies: bodyList.filter((b) => b.healthAgency).length,
    sources: {
      services: input.services.length,
      inReturn: inReturn.length,
      inactiveExcluded: input.services.filter((s) => !inReturn.includes(s)).map((s) => s.code),
      unknownType: inReturn.filter((s) => s.typeName === null).map((s) => s.code),
      withoutFigures: inReturn
        .filter((s) => {
          const f = yearOf(s);
          return f === null || (f.users === null && f.spendCents === null);
        })
        .map((s) => s.code),
      comuni: [...new Set(inReturn.filter((s) => s.management === 'singolo_comune' && s.comuneName).map((s) => s.comuneName!))].sort((a, b) =>
        a.localeCompare(b, 'it'),
      ),
    },
  };
}

// ——— National funds: spending by area and activity, running totals —————————————————————————————————

export interface FundSpendingRow {
  areaCode: string;
  /** The activity: the service's national type (SIOSS nomenclature). */
  typeCode: string;
  typeName: string | null;
  /** The quota of the fund as recorded (e.g. FONDO_POVERTA_QUOTA_SERVIZI), the fund itself when not split. */
  fundCode: string;
  serviceCodes: string[];
  amountCents: number;
  /** Users reached with the fund, summed where recorded (null when no row split them). */
  users: number | null;
  /** Fund rows of the cell without users. */
  usersMissing: number;
}

export interface FundReturn {
  rootCode: string;
  name: string;
  rows: FundSpendingRow[];
  spentCents: number;
  users: number | null;
  /** Service-year fund rows read (each counted once). */
  fundRows: number;
  allocatedCents: number | null;
  allocationActs: string[];
  committedCents: number | null;
  paidCents: number | null;
  corrections: {
    date: string;
    measure: string;
    fundCode: string;
    objective: string;
    previousCents: number | null;
    amountCents: number;
    reason: string | null;
    note: string | null;
  }[];
}

/** The national funds whose returns the ministry asks for (Multifondo, SIOSS modules). */
export const NATIONAL_FUNDS = ['FNPS', 'FNA', 'FONDO_POVERTA', 'DOPO_DI_NOI'] as const;

export interface FundsReturnInput {
  year: number;
  services: readonly ReturnService[];
  funds: readonly FundRef[];
  allocations: readonly { fundCode: string; rootCode: string; amountCents: number; act: string | null }[];
  budgetTotals: readonly { rootCode: string; measure: 'budgeted' | 'committed' | 'paid'; amountCents: number }[];
  corrections: readonly {
    rootCode: string;
    fundCode: string;
    measure: string;
    cutOffDate: string;
    objectiveCode: string;
    previousCents: number | null;
    amountCents: number;
    reason: string | null;
    note: string | null;
  }[];
}

/**
 * One return per national fund (NATIONAL_FUNDS, plus any other fund of national kind found in the records is left to
 * the page): the year's spending of the services funded by it, by area × activity × quota, with users; the allocation
 * of the year; the running totals committed and paid of the plans' budget records, with each correction and its reason.
 */
export function buildFundReturns(input: FundsReturnInput): FundReturn[] {
  const rootOf = (code: string) => input.funds.find((f) => f.code === code)?.rootCode ?? code;
  const nameOf = (code: string) => input.funds.find((f) => f.code === code)?.name ?? code;
  return NATIONAL_FUNDS.map((root) => {
    const cells = new Map<string, FundSpendingRow>();
    let fundRows = 0;
    for (const s of input.services) {
      const y = s.years.find((x) => x.year === input.year);
      if (!y) continue;
      for (const f of y.funds) {
        if (rootOf(f.fundCode) !== root) continue;
        fundRows++;
        const key = `${s.areaCode}|${s.typeCode}|${f.fundCode}`;
        const c = cells.get(key) ?? {
          areaCode: s.areaCode,
          typeCode: s.typeCode,
          typeName: s.typeName,
          fundCode: f.fundCode,
          serviceCodes: [],
          amountCents: 0,
          users: null,
          usersMissing: 0,
        };
        c.serviceCodes.push(s.code);
        c.amountCents += f.amountCents;
        if (f.users === null) c.usersMissing++;
        else c.users = (c.users ?? 0) + f.users;
        cells.set(key, c);
      }
    }
    const rows = [...cells.values()].sort(
      (a, b) => a.areaCode.localeCompare(b.areaCode) || a.typeCode.localeCompare(b.typeCode) || a.fundCode.localeCompare(b.fundCode),
    );
    const allocations = input.allocations.filter((a) => a.rootCode === root);
    const total = (m: 'committed' | 'paid') => {
      const t = input.budgetTotals.filter((b) => b.rootCode === root && b.measure === m);
      return t.length ? t.reduce((s, b) => s + b.amountCents, 0) : null;
    };
    return {
      rootCode: root,
      name: nameOf(root),
      rows,
      spentCents: rows.reduce((s, r) => s + r.amountCents, 0),
      users: sumOrNull(rows.map((r) => r.users)),
      fundRows,
      allocatedCents: allocations.length ? allocations.reduce((s, a) => s + a.amountCents, 0) : null,
      allocationActs: allocations.map((a) => a.act).filter((a): a is string => !!a),
      committedCents: total('committed'),
      paidCents: total('paid'),
      corrections: input.corrections
        .filter((c) => c.rootCode === root)
        .map((c) => ({
          date: c.cutOffDate,
          measure: c.measure,
          fundCode: c.fundCode,
          objective: c.objectiveCode,
          previousCents: c.previousCents,
          amountCents: c.amountCents,
          reason: c.reason,
          note: c.note,
        })),
    };
  });
}

// ——— Lombardy: Tabella 2.4 (area × channel) ————————————————————————————————————————————————————————

export interface AreaChannelTable {
  areas: { code: string; name: string }[];
  channels: { code: string; name: string }[];
  cells: Record<string, Record<string, number>>;
  rowTotals: Record<string, number>;
  columnTotals: Record<string, number>;
  grandTotal: number;
  /** Spending rows read, and their sum (equal to the grand total: nothing lost, nothing twice). */
  rows: number;
  rowsSumCents: number;
}

/** The Lombardy table from the year's spending rows and the finance matrix; only areas and channels with spending. */
export function buildAreaChannelTable(input: {
  matrix: {
    areas: string[];
    channels: string[];
    cells: Record<string, Record<string, number>>;
    rowTotals: Record<string, number>;
    columnTotals: Record<string, number>;
    grandTotal: number;
  };
  spending: readonly { amountCents: number }[];
  areaNames: readonly { code: string; name: string }[];
  funds: readonly FundRef[];
}): AreaChannelTable {
  const m = input.matrix;
  const areas = m.areas.filter((a) => (m.rowTotals[a] ?? 0) > 0 || input.spending.length === 0);
  const channels = m.channels.filter((c) => (m.columnTotals[c] ?? 0) > 0);
  return {
    areas: areas.map((code) => ({ code, name: input.areaNames.find((a) => a.code === code)?.name ?? code })),
    channels: channels.map((code) => ({ code, name: input.funds.find((f) => f.code === code)?.shortName ?? code })),
    cells: m.cells,
    rowTotals: m.rowTotals,
    columnTotals: m.columnTotals,
    grandTotal: m.grandTotal,
    rows: input.spending.length,
    rowsSumCents: input.spending.reduce((s, r) => s + r.amountCents, 0),
  };
}

// ——— The FNPS matrix —————————————————————————————————————————————————————————————————————————————

/** The FNPS areas of the national social plan. */
export const FNPS_AREAS = ['infanzia_adolescenza_famiglia', 'disabilita_non_autosufficienza', 'poverta_esclusione'] as const;
export type FnpsArea = (typeof FNPS_AREAS)[number] | 'non_attribuita';

/**
 * The Lombardy spending areas of a service, read as FNPS areas. A choice of Cantiere, stated on the page: areas that
 * serve every target (servizio sociale professionale, compartecipazione socio-sanitaria, salute mentale) are not
 * attributed, and are shown apart rather than guessed.
 */
export const FNPS_AREA_OF: Readonly<Partial<Record<string, (typeof FNPS_AREAS)[number]>>> = {
  MINORI_FAMIGLIA: 'infanzia_adolescenza_famiglia',
  DISABILI: 'disabilita_non_autosufficienza',
  ANZIANI: 'disabilita_non_autosufficienza',
  EMARGINAZIONE_POVERTA: 'poverta_esclusione',
  IMMIGRAZIONE: 'poverta_esclusione',
  DIPENDENZE: 'poverta_esclusione',
};

/** The service goals of the FNPS matrix, in order (the services' nomenclature gives each type its goal). */
export const FNPS_GOALS = [
  'accesso',
  'presa_in_carico',
  'pronto_intervento',
  'assistenza_domiciliare',
  'servizi_territoriali_comunitari',
  'residenzialita',
  'inclusione',
] as const;

/** Minimum share of FNPS to children, adolescents and families: 50 % in Lombardy (region 03), 40 % nationally. */
export const FNPS_FAMILY_MINIMUM = { lombardia: 50, nazionale: 40 } as const;
export const LOMBARDY_REGION_CODE = '03';

export interface FnpsMatrix {
  areas: FnpsArea[];
  /** Goal codes in order; unknown codes follow; 'nessuno' for types without a goal. */
  goals: string[];
  cells: Record<string, Record<string, number>>;
  rowTotals: Record<string, number>;
  columnTotals: Record<string, number>;
  totalCents: number;
  /** Share of the FNPS to infanzia/adolescenza/famiglia, percent with one decimal (null when the total is 0). */
  familySharePct: number | null;
  minimumPct: number;
  minimumScope: 'lombardia' | 'nazionale';
  /** null when there is no FNPS spending. */
  minimumMet: boolean | null;
  fundRows: number;
  /** Services whose area or goal could not be attributed. */
  unattributed: string[];
}

export function buildFnpsMatrix(input: { year: number; services: readonly ReturnService[]; funds: readonly FundRef[]; regionCode: string }): FnpsMatrix {
  const rootOf = (code: string) => input.funds.find((f) => f.code === code)?.rootCode ?? code;
  const cells: Record<string, Record<string, number>> = {};
  const goals: string[] = [...FNPS_GOALS];
  const areas: FnpsArea[] = [...FNPS_AREAS];
  let fundRows = 0;
  const unattributed = new Set<string>();
  for (const s of input.services) {
    const y = s.years.find((x) => x.year === input.year);
    if (!y) continue;
    for (const f of y.funds) {
      if (rootOf(f.fundCode) !== 'FNPS') continue;
      fundRows++;
      const area: FnpsArea = FNPS_AREA_OF[s.areaCode] ?? 'non_attribuita';
      const goal = s.fnpsGoal ?? 'nessuno';
      if (area === 'non_attribuita' || goal === 'nessuno') unattributed.add(s.code);
      if (!areas.includes(area)) areas.push(area);
      if (!goals.includes(goal)) goals.push(goal);
      cells[area] ??= {};
      cells[area][goal] = (cells[area][goal] ?? 0) + f.amountCents;
    }
  }
  const rowTotals = Object.fromEntries(areas.map((a) => [a, Object.values(cells[a] ?? {}).reduce((s, v) => s + v, 0)]));
  const columnTotals = Object.fromEntries(goals.map((g) => [g, areas.reduce((s, a) => s + (cells[a]?.[g] ?? 0), 0)]));
  const totalCents = Object.values(rowTotals).reduce((s, v) => s + v, 0);
  const lombardy = input.regionCode === LOMBARDY_REGION_CODE;
  const minimumPct = lombardy ? FNPS_FAMILY_MINIMUM.lombardia : FNPS_FAMILY_MINIMUM.nazionale;
  const family = rowTotals.infanzia_adolescenza_famiglia ?? 0;
  return {
    areas,
    goals,
    cells,
    rowTotals,
    columnTotals,
    totalCents,
    familySharePct: totalCents > 0 ? Math.round((family * 1000) / totalCents) / 10 : null,
    minimumPct,
    minimumScope: lombardy ? 'lombardia' : 'nazionale',
    // Compared exactly (family / total ≥ minimum / 100), not on the rounded percentage.
    minimumMet: totalCents > 0 ? family * 100 >= minimumPct * totalCents : null,
    fundRows,
    unattributed: [...unattributed].sort(),
  };
}

// ——— Coverage words ——————————————————————————————————————————————————————————————————————————————

/** «dati di 7 comuni su 9» and the missing names, from the members and the comuni named on the records. */
export function comuniCoverage(
  members: readonly string[],
  withData: readonly string[],
): { members: number; withData: number; missing: string[]; complete: boolean } {
  const have = new Set(withData);
  const missing = members.filter((m) => !have.has(m));
  return { members: members.length, withData: members.length - missing.length, missing, complete: members.length > 0 && missing.length === 0 };
}
