/**
 * The Ambito's offer as other modules read it (the returns, the portal): every service with its national type, how it
 * is managed and, year by year, its users and spending with the spending's funding by fund.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { comuni } from '../territory/index.server.ts';
import { services, serviceTypes, serviceYearFunds, serviceYears } from './services.schema.ts';

export interface ServiceYearFigures {
  year: number;
  users: number | null;
  spendCents: number | null;
  /** How the year's spending was funded, fund by fund (empty when not recorded). */
  funds: { fundCode: string; amountCents: number; users: number | null }[];
  source: string;
}

export interface AmbitoServiceRecord {
  id: string;
  code: string;
  name: string;
  typeCode: string;
  /** Null when the code is not (or no longer) in the nomenclature. */
  typeName: string | null;
  macroCode: string | null;
  macroName: string | null;
  fnpsGoal: string | null;
  areaCode: string;
  targetGroup: string;
  management: 'associata_ambito' | 'singolo_comune' | 'delega_asl' | 'affidamento_terzo_settore' | 'altro';
  comuneId: string | null;
  comuneName: string | null;
  providerName: string;
  providerCode: string | null;
  accessPoint: string | null;
  lepsCodes: string[];
  active: boolean;
  years: ServiceYearFigures[];
}

/** Every service of the Ambito (active or not), in code order, with its years in order. */
export async function listAmbitoServices(db: DbOrTx, ambitoId: string): Promise<AmbitoServiceRecord[]> {
  const rows = await db
    .select({ s: services, t: serviceTypes, comuneName: comuni.name })
    .from(services)
    .leftJoin(serviceTypes, eq(serviceTypes.code, services.typeCode))
    .leftJoin(comuni, eq(comuni.id, services.comuneId))
    .where(eq(services.ambitoId, ambitoId))
    .orderBy(asc(services.code));
  const years = await db.select().from(serviceYears).where(eq(serviceYears.ambitoId, ambitoId)).orderBy(asc(serviceYears.year));
  const funds = years.length
    ? await db
        .select()
        .from(serviceYearFunds)
        .where(
          inArray(
            serviceYearFunds.serviceYearId,
            years.map((y) => y.id),
          ),
        )
        .orderBy(asc(serviceYearFunds.fundCode))
    : [];
  return rows.map(({ s, t, comuneName }) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    typeCode: s.typeCode,
    typeName: t?.name ?? null,
    macroCode: t?.macroCode ?? null,
    macroName: t?.macroName ?? null,
    fnpsGoal: t?.fnpsGoal ?? null,
    areaCode: s.areaCode,
    targetGroup: s.targetGroup,
    management: s.management as AmbitoServiceRecord['management'],
    comuneId: s.comuneId,
    comuneName: comuneName ?? null,
    providerName: s.providerName,
    providerCode: s.providerCode,
    accessPoint: s.accessPoint,
    lepsCodes: s.lepsCodes,
    active: s.active,
    years: years
      .filter((y) => y.serviceId === s.id)
      .map((y) => ({
        year: y.year,
        users: y.users,
        spendCents: y.spendCents,
        source: y.source,
        funds: funds.filter((f) => f.serviceYearId === y.id).map((f) => ({ fundCode: f.fundCode, amountCents: f.amountCents, users: f.users })),
      })),
  }));
}
