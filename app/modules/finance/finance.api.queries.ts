// What the read API (app/modules/api) reads of the finance module: the social spending of an Ambito and the users of
// its services, each one set-based query with explicit columns (names of areas and channels from the installation's
// catalogues, the comune from territory), keyset-paginated on a unique order (`limit + 1` rows come back).
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor, AmbitoScope } from '../../shared/auth/actor.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { comuni } from '../territory/index.server.ts';
import { SPENDING_CLASSIFICATION } from './catalogue.queries.ts';
import { can } from './finance.policy.ts';
import { fundingSources, serviceUsers, spendingAreas, spendingFacts } from './finance.schema.ts';

/** True when the actor reads the Ambito's money pages from the inside (notes and sources of the rows), by the finance policy. */
export const readsFinanceInside = (actor: Actor, ambito: AmbitoScope) => can(actor, 'finance.read', ambito);

/** `(columns…) > (values…)`: the rows after the key of the previous page's last row. */
const afterKey = (columns: readonly AnyPgColumn[], values: readonly unknown[] | null): SQL | undefined =>
  values
    ? sql`(${sql.join([...columns], sql`, `)}) > (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : undefined;

/** The name of an area of the spending classification, joined on the row's area code. */
const areaOf = (areaCode: AnyPgColumn) => and(eq(spendingAreas.classificationCode, SPENDING_CLASSIFICATION), eq(spendingAreas.code, areaCode));

/** Key of the spending rows' order: year, area, channel, then the row's id (unique). */
export type SpendingKey = [year: number, areaCode: string, channelCode: string, id: string];

/** The spending of an Ambito by comune (null: the Ambito as a whole) × area × channel × year, optionally of one year and one area. */
export async function listSpendingForApi(
  db: DbOrTx,
  ambitoId: string,
  filter: { year: number | null; area: string | null },
  page: { after: SpendingKey | null; limit: number },
) {
  return db
    .select({
      id: spendingFacts.id,
      year: spendingFacts.year,
      areaCode: spendingFacts.areaCode,
      areaName: spendingAreas.name,
      channelCode: spendingFacts.channelCode,
      channelName: fundingSources.shortName,
      amountCents: spendingFacts.amountCents,
      note: spendingFacts.note,
      source: spendingFacts.source,
      version: spendingFacts.version,
      updatedAt: spendingFacts.updatedAt,
      istatCode: comuni.istatCode,
      comuneName: comuni.name,
    })
    .from(spendingFacts)
    .leftJoin(comuni, eq(comuni.id, spendingFacts.comuneId))
    .leftJoin(spendingAreas, areaOf(spendingFacts.areaCode))
    .leftJoin(fundingSources, eq(fundingSources.code, spendingFacts.channelCode))
    .where(
      and(
        eq(spendingFacts.ambitoId, ambitoId),
        filter.year !== null ? eq(spendingFacts.year, filter.year) : undefined,
        filter.area !== null ? eq(spendingFacts.areaCode, filter.area) : undefined,
        afterKey([spendingFacts.year, spendingFacts.areaCode, spendingFacts.channelCode, spendingFacts.id], page.after),
      ),
    )
    .orderBy(asc(spendingFacts.year), asc(spendingFacts.areaCode), asc(spendingFacts.channelCode), asc(spendingFacts.id))
    .limit(page.limit + 1);
}

/** Key of the users rows' order: year, area, then the row's id (unique). */
export type ServiceUsersKey = [year: number, areaCode: string, id: string];

/** The users of an Ambito's services by comune (null: the Ambito as a whole) × area × year, with the area's spending. */
export async function listServiceUsersForApi(
  db: DbOrTx,
  ambitoId: string,
  filter: { year: number | null; area: string | null },
  page: { after: ServiceUsersKey | null; limit: number },
) {
  return db
    .select({
      id: serviceUsers.id,
      year: serviceUsers.year,
      areaCode: serviceUsers.areaCode,
      areaName: spendingAreas.name,
      users: serviceUsers.users,
      spendCents: serviceUsers.spendCents,
      note: serviceUsers.note,
      source: serviceUsers.source,
      version: serviceUsers.version,
      updatedAt: serviceUsers.updatedAt,
      istatCode: comuni.istatCode,
      comuneName: comuni.name,
    })
    .from(serviceUsers)
    .leftJoin(comuni, eq(comuni.id, serviceUsers.comuneId))
    .leftJoin(spendingAreas, areaOf(serviceUsers.areaCode))
    .where(
      and(
        eq(serviceUsers.ambitoId, ambitoId),
        filter.year !== null ? eq(serviceUsers.year, filter.year) : undefined,
        filter.area !== null ? eq(serviceUsers.areaCode, filter.area) : undefined,
        afterKey([serviceUsers.year, serviceUsers.areaCode, serviceUsers.id], page.after),
      ),
    )
    .orderBy(asc(serviceUsers.year), asc(serviceUsers.areaCode), asc(serviceUsers.id))
    .limit(page.limit + 1);
}
