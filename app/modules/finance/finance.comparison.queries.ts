/**
 * The Ambito's yearly spending and users as another module compares a comune with them (territory's page «Dati del
 * comune negli anni»): every row with its comune (null = the Ambito as a whole), its source and when it was last
 * written; the coverage of each year (members of the Ambito in that year with data, or the Ambito's own rows), for
 * the spending and for the users; and the names of the spending areas. Read only.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { comuni } from '../territory/index.server.ts';
import { getCatalogue } from './catalogue.queries.ts';
import { serviceUsers, spendingFacts } from './finance.schema.ts';
import { spendingCoverageByYear } from './finance.queries.ts';
import type { SpendingCoverage } from './spending-coverage.rules.ts';

export type { SpendingCoverage } from './spending-coverage.rules.ts';

export async function readAmbitoFiguresForComparison(db: DbOrTx, ambitoId: string) {
  const [spending, users, catalogue] = await Promise.all([
    db
      .select({
        year: spendingFacts.year,
        comuneId: spendingFacts.comuneId,
        istatCode: comuni.istatCode,
        comuneName: comuni.name,
        area: spendingFacts.areaCode,
        amountCents: spendingFacts.amountCents,
        source: spendingFacts.source,
        updatedAt: spendingFacts.updatedAt,
      })
      .from(spendingFacts)
      .leftJoin(comuni, eq(comuni.id, spendingFacts.comuneId))
      .where(eq(spendingFacts.ambitoId, ambitoId))
      .orderBy(asc(spendingFacts.year)),
    db
      .select({
        year: serviceUsers.year,
        comuneId: serviceUsers.comuneId,
        istatCode: comuni.istatCode,
        comuneName: comuni.name,
        area: serviceUsers.areaCode,
        users: serviceUsers.users,
        source: serviceUsers.source,
        updatedAt: serviceUsers.updatedAt,
      })
      .from(serviceUsers)
      .leftJoin(comuni, eq(comuni.id, serviceUsers.comuneId))
      .where(eq(serviceUsers.ambitoId, ambitoId))
      .orderBy(asc(serviceUsers.year)),
    getCatalogue(db),
  ]);
  const [spendingCoverage, usersCoverage] = await Promise.all([spendingCoverageByYear(db, ambitoId, spending), spendingCoverageByYear(db, ambitoId, users)]);
  const list = (m: Map<number, SpendingCoverage>) => [...m.values()].sort((a, b) => a.year - b.year);
  return {
    spending,
    users,
    spendingCoverage: list(spendingCoverage.coverage),
    usersCoverage: list(usersCoverage.coverage),
    areas: catalogue.areas.map((a) => ({ code: a.code, name: a.name })),
  };
}
