// Reads of the services catalogue for its pages: the nomenclature, the catalogues a service refers to, one service with
// its years and funds (and their versions, for the forms).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { listFundsForServices, listSpendingAreasForServices } from '../finance/index.server.ts';
import { listLepsForServices } from '../leps/index.server.ts';
import { listAmbitoComuni } from '../territory/index.server.ts';
import { services, serviceTypes, serviceYearFunds, serviceYears } from './services.schema.ts';

/** The nomenclature in its order. */
export async function listNomenclature(db: DbOrTx) {
  return db.select().from(serviceTypes).orderBy(asc(serviceTypes.position));
}

export async function hasNomenclature(db: DbOrTx): Promise<boolean> {
  return (await db.select({ id: serviceTypes.id }).from(serviceTypes).limit(1)).length > 0;
}

export async function hasServices(db: DbOrTx, ambitoId: string): Promise<boolean> {
  return (await db.select({ id: services.id }).from(services).where(eq(services.ambitoId, ambitoId)).limit(1)).length > 0;
}

/** What a service of the Ambito refers to: nomenclature, areas, funds, LEPS and the member comuni. */
export async function serviceReferences(db: DbOrTx, ambitoId: string) {
  const [types, areas, funds, leps, comuni] = await Promise.all([
    db
      .select({ code: serviceTypes.code, name: serviceTypes.name, macroCode: serviceTypes.macroCode, macroName: serviceTypes.macroName })
      .from(serviceTypes)
      .orderBy(asc(serviceTypes.position)),
    listSpendingAreasForServices(db),
    listFundsForServices(db),
    listLepsForServices(db),
    listAmbitoComuni(db, ambitoId),
  ]);
  return { types, areas, funds, leps, comuni: comuni.map((c) => ({ id: c.id, name: c.name, istatCode: c.istatCode })) };
}
export type ServiceReferenceData = Awaited<ReturnType<typeof serviceReferences>>;

/** One service of the Ambito by its code, with its version and its years (each with version and funds), or null. */
export async function getService(db: DbOrTx, ambitoId: string, code: string) {
  const [row] = await db
    .select({ s: services, t: serviceTypes })
    .from(services)
    .leftJoin(serviceTypes, eq(serviceTypes.code, services.typeCode))
    .where(and(eq(services.ambitoId, ambitoId), eq(services.code, code)));
  if (!row) return null;
  const years = await db.select().from(serviceYears).where(eq(serviceYears.serviceId, row.s.id)).orderBy(asc(serviceYears.year));
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
  return {
    service: row.s,
    type: row.t,
    years: years.map((y) => ({ ...y, funds: funds.filter((f) => f.serviceYearId === y.id) })),
  };
}
