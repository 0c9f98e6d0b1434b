/**
 * The pure rules of the services catalogue: the forms of management, the FNPS service goals, the checks of a service
 * against the catalogues it refers to (nomenclature, spending areas, LEPS, member comuni) and of a year's figures
 * (no negative values, known funds, funding not above the spending), and the page's figures computed from the records.
 * No I/O: problems come back as dictionary keys with their values, the caller says them in the reader's language.
 */
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { MAX_CENTS, MAX_PERSONS } from '../../shared/validation.ts';

/** How a service is managed (column `services.management`). */
export const MANAGEMENT_FORMS = ['associata_ambito', 'singolo_comune', 'delega_asl', 'affidamento_terzo_settore', 'altro'] as const;
export type ManagementForm = (typeof MANAGEMENT_FORMS)[number];

/** The FNPS service goals a nomenclature entry counts under in the FNPS matrix (null: none). */
export const FNPS_GOALS = [
  'accesso',
  'presa_in_carico',
  'pronto_intervento',
  'assistenza_domiciliare',
  'servizi_territoriali_comunitari',
  'residenzialita',
  'inclusione',
] as const;
export type FnpsGoal = (typeof FNPS_GOALS)[number];

export const isManagementForm = (v: string): v is ManagementForm => (MANAGEMENT_FORMS as readonly string[]).includes(v);

/** A problem of an input: the field (or CSV column) it is about, and what is wrong as a dictionary entry. */
export interface Problem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** What a service refers to, as the catalogues hold it. */
export interface ServiceReferences {
  typeCodes: ReadonlySet<string>;
  areaCodes: ReadonlySet<string>;
  lepsCodes: ReadonlySet<string>;
  memberComuneIds: ReadonlySet<string>;
}

export interface ServiceFacts {
  typeCode: string;
  areaCode: string;
  management: string;
  comuneId: string | null;
  lepsCodes: readonly string[];
}

/** Codes written in one cell or field: separated by commas, semicolons, vertical bars or spaces; case ignored. */
export function splitCodes(raw: string | null | undefined): string[] {
  return [
    ...new Set(
      (raw ?? '')
        .split(/[,;|\s]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** The problems of a service against the catalogues: each names its field. */
export function serviceProblems(s: ServiceFacts, refs: ServiceReferences): Problem[] {
  const problems: Problem[] = [];
  if (!refs.typeCodes.has(s.typeCode)) problems.push({ field: 'typeCode', key: 'svc.rule.unknownType', params: { value: s.typeCode } });
  if (!refs.areaCodes.has(s.areaCode)) problems.push({ field: 'areaCode', key: 'svc.rule.unknownArea', params: { value: s.areaCode } });
  if (!isManagementForm(s.management))
    problems.push({ field: 'management', key: 'svc.rule.unknownManagement', params: { value: s.management, allowed: MANAGEMENT_FORMS.join(', ') } });
  if (s.management === 'singolo_comune' && !s.comuneId) problems.push({ field: 'comuneId', key: 'svc.rule.comuneMissing' });
  if (s.comuneId && s.management !== 'singolo_comune') problems.push({ field: 'comuneId', key: 'svc.rule.comuneOnlySingle' });
  if (s.comuneId && !refs.memberComuneIds.has(s.comuneId)) problems.push({ field: 'comuneId', key: 'svc.rule.comuneNotMember' });
  const unknown = s.lepsCodes.filter((c) => !refs.lepsCodes.has(c));
  if (unknown.length) problems.push({ field: 'lepsCodes', key: 'svc.rule.unknownLeps', params: { value: unknown.join(', ') } });
  return problems;
}

export interface FundShare {
  fundCode: string;
  amountCents: number;
  users: number | null;
}

export interface YearFacts {
  year: number;
  users: number | null;
  spendCents: number | null;
  funds: readonly FundShare[];
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Cents as euro in a message («12.500,00 €»), the way the plans print them. */
const euro = (cents: number) => `${(cents / 100).toLocaleString('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' })} €`;

/** The sum of a year's funding by fund. */
export const fundTotal = (funds: readonly FundShare[]) => funds.reduce((sum, f) => sum + f.amountCents, 0);

/**
 * The problems of a year's figures: a year in range, no negative value, known and unrepeated funds, funding only with
 * a recorded spending and never above it (the rest is funded by sources not recorded), users by fund not above the
 * year's users.
 */
export function yearProblems(y: YearFacts, fundCodes: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(y.year) || y.year < MIN_YEAR || y.year > MAX_YEAR)
    problems.push({ field: 'year', key: 'svc.rule.yearRange', params: { min: MIN_YEAR, max: MAX_YEAR } });
  if (y.users !== null && y.users < 0) problems.push({ field: 'users', key: 'svc.rule.negative' });
  if (y.users !== null && y.users > MAX_PERSONS)
    problems.push({ field: 'users', key: 'svc.rule.tooMany', params: { max: MAX_PERSONS.toLocaleString('it-IT') } });
  if (y.spendCents !== null && y.spendCents < 0) problems.push({ field: 'spend', key: 'svc.rule.negative' });
  if (y.spendCents !== null && y.spendCents > MAX_CENTS) problems.push({ field: 'spend', key: 'svc.rule.tooLarge', params: { max: euro(MAX_CENTS) } });
  const seen = new Set<string>();
  for (const f of y.funds) {
    if (!fundCodes.has(f.fundCode)) problems.push({ field: 'funds', key: 'svc.rule.unknownFund', params: { value: f.fundCode } });
    if (seen.has(f.fundCode)) problems.push({ field: 'funds', key: 'svc.rule.repeatedFund', params: { value: f.fundCode } });
    seen.add(f.fundCode);
    if (f.amountCents < 0 || (f.users !== null && f.users < 0)) problems.push({ field: 'funds', key: 'svc.rule.negativeFund', params: { value: f.fundCode } });
    if (f.amountCents > MAX_CENTS || (f.users !== null && f.users > MAX_PERSONS))
      problems.push({ field: 'funds', key: 'svc.rule.fundTooLarge', params: { value: f.fundCode } });
    if (f.users !== null && y.users !== null && f.users > y.users)
      problems.push({ field: 'funds', key: 'svc.rule.fundUsersAbove', params: { value: f.fundCode, users: y.users } });
  }
  if (y.funds.length > 0) {
    if (y.spendCents === null) problems.push({ field: 'funds', key: 'svc.rule.fundsWithoutSpend' });
    else if (fundTotal(y.funds) > y.spendCents)
      problems.push({ field: 'funds', key: 'svc.rule.fundsAboveSpend', params: { funds: euro(fundTotal(y.funds)), spend: euro(y.spendCents) } });
  }
  return problems;
}

// ——— The page's figures ——————————————————————————————————————————————————————————————————————————————

export interface SummaryService {
  active: boolean;
  management: string;
  macroCode: string | null;
  macroName: string | null;
  years: readonly { year: number; users: number | null; spendCents: number | null }[];
}

/** A sum over the services that recorded the figure, with how many of how many did. */
export interface PartialSum {
  value: number | null;
  counted: number;
  of: number;
}

export interface CatalogueSummary {
  services: number;
  active: number;
  byManagement: Record<ManagementForm, number>;
  /** The latest year any active service recorded users or spending (null: none yet). */
  latestYear: number | null;
  users: PartialSum;
  spend: PartialSum;
  /** The latest year's spending by macro-activity of the nomenclature, largest first (services without a type: null). */
  spendByMacro: { macroCode: string | null; macroName: string | null; cents: number; services: number }[];
}

/** The catalogue's figures for its page: counts by management (active services) and the latest year's totals. */
export function catalogueSummary(services: readonly SummaryService[]): CatalogueSummary {
  const active = services.filter((s) => s.active);
  const byManagement = Object.fromEntries(MANAGEMENT_FORMS.map((m) => [m, 0])) as Record<ManagementForm, number>;
  for (const s of active) if (isManagementForm(s.management)) byManagement[s.management]++;
  const years = active.flatMap((s) => s.years.filter((y) => y.users !== null || y.spendCents !== null).map((y) => y.year));
  const latestYear = years.length ? Math.max(...years) : null;
  const sum = (pick: (y: SummaryService['years'][number]) => number | null): PartialSum => {
    let value: number | null = null;
    let counted = 0;
    for (const s of active) {
      const v = s.years.find((y) => y.year === latestYear);
      const n = v ? pick(v) : null;
      if (n === null) continue;
      counted++;
      value = (value ?? 0) + n;
    }
    return { value, counted, of: active.length };
  };
  const macros = new Map<string, CatalogueSummary['spendByMacro'][number]>();
  for (const s of active) {
    const cents = s.years.find((y) => y.year === latestYear)?.spendCents ?? null;
    if (cents === null) continue;
    const key = s.macroCode ?? '';
    const m = macros.get(key) ?? { macroCode: s.macroCode, macroName: s.macroName, cents: 0, services: 0 };
    m.cents += cents;
    m.services++;
    macros.set(key, m);
  }
  return {
    services: services.length,
    active: active.length,
    byManagement,
    latestYear,
    users: sum((y) => y.users),
    spend: sum((y) => y.spendCents),
    spendByMacro: [...macros.values()].sort((a, b) => b.cents - a.cents || (a.macroCode ?? '~').localeCompare(b.macroCode ?? '~')),
  };
}

/** The services a page shows for its filters (area, management, macro-activity; empty = all). */
export function filterServices<T extends { areaCode: string; management: string; macroCode: string | null }>(
  services: readonly T[],
  filters: { area?: string | null; management?: string | null; macro?: string | null },
): T[] {
  return services.filter(
    (s) =>
      (!filters.area || s.areaCode === filters.area) &&
      (!filters.management || s.management === filters.management) &&
      (!filters.macro || s.macroCode === filters.macro),
  );
}
