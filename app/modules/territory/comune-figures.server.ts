/**
 * A comune's figures across years beside the Ambito's: a composition over the public faces of finance (the comune's
 * spending and users with their sources, the Ambito's with their coverage) and leps (the social workers, counted at
 * 31 December with its staffing rule), with territory's own population by year. The figures are computed by the
 * pure rules of comune-figures.rules.ts; the other modules are only read, never written.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { lineChart } from '../../shared/charts/charts.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { comuneFigureHistory, readAmbitoFiguresForComparison } from '../finance/index.server.ts';
import { listSocialWorkerPosts } from '../leps/index.server.ts';
import { staffFteOn, type EmployerKind, type SocialWorkerPost } from '../leps/index.ts';
import { comuneFiguresByYear, groupSources, usersByYearAndArea, type FiguresInput } from './comune-figures.rules.ts';
import { ambitoComuni, comuni, populationFacts } from './territory.schema.ts';

/** Population facts of the Ambito as a whole and of every comune that has ever been one of its members. */
async function populationOfAmbito(db: DbOrTx, ambitoId: string) {
  const memberIds = db.selectDistinct({ id: ambitoComuni.comuneId }).from(ambitoComuni).where(eq(ambitoComuni.ambitoId, ambitoId));
  const [own, ofComuni] = await Promise.all([
    db
      .select({ year: populationFacts.year, total: populationFacts.total, source: populationFacts.source, updatedAt: populationFacts.updatedAt })
      .from(populationFacts)
      .where(eq(populationFacts.ambitoId, ambitoId))
      .orderBy(asc(populationFacts.year)),
    db
      .select({
        year: populationFacts.year,
        comuneId: comuni.id,
        istatCode: comuni.istatCode,
        total: populationFacts.total,
        source: populationFacts.source,
        updatedAt: populationFacts.updatedAt,
      })
      .from(populationFacts)
      .innerJoin(comuni, eq(comuni.id, populationFacts.comuneId))
      .where(and(isNotNull(populationFacts.comuneId), inArray(populationFacts.comuneId, memberIds)))
      .orderBy(asc(populationFacts.year)),
  ]);
  return { own, ofComuni };
}

/** The social workers counted: every one in service for the Ambito's services (LEPS basis «tutto il personale»). */
const STAFF_BASIS = 'tutto_il_personale' as const;

export async function getComuneFigures(
  db: DbOrTx,
  ambito: { id: string; code: string },
  comune: { id: string; istatCode: string; name: string },
  today: string,
) {
  const [history, ambitoFigures, postRows, population] = await Promise.all([
    comuneFigureHistory(db, ambito.id, comune.id),
    readAmbitoFiguresForComparison(db, ambito.id),
    listSocialWorkerPosts(db, ambito.id),
    populationOfAmbito(db, ambito.id),
  ]);

  // Social workers at 31 December of every year from the first post in service to the current year.
  const currentYear = Number(today.slice(0, 4));
  const posts = postRows.map((r) => ({ comuneId: r.post.comuneId, rule: toRulePost(r.post) }));
  const firstYear = Math.min(currentYear, ...posts.map((p) => Number(p.rule.from.slice(0, 4))));
  const staff: { year: number; comune: { posts: number; fte: number }; ambito: { posts: number; fte: number } }[] = [];
  if (posts.length)
    for (let year = firstYear; year <= currentYear; year++) {
      const day = `${year}-12-31`;
      const all = staffFteOn(
        posts.map((p) => p.rule),
        day,
      );
      const own = staffFteOn(
        posts.filter((p) => p.comuneId === comune.id).map((p) => p.rule),
        day,
      );
      staff.push({ year, comune: { posts: own.posts, fte: own.fte[STAFF_BASIS] }, ambito: { posts: all.posts, fte: all.fte[STAFF_BASIS] } });
    }

  const input: FiguresInput = {
    comune: { istatCode: comune.istatCode },
    comuneSpending: history.spending,
    comuneUsers: history.users,
    ambitoSpending: ambitoFigures.spending,
    ambitoUsers: ambitoFigures.users,
    spendingCoverage: ambitoFigures.spendingCoverage,
    usersCoverage: ambitoFigures.usersCoverage,
    population: {
      ambito: population.own,
      comuni: population.ofComuni,
    },
    staff,
  };
  const years = comuneFiguresByYear(input);
  const areaOrder = ambitoFigures.areas.map((a) => a.code);
  const users = usersByYearAndArea(input, areaOrder).map((u) => ({ ...u, areaName: ambitoFigures.areas.find((a) => a.code === u.area)?.name ?? u.area }));

  // Sources: the comune's own figures, the rows that make the Ambito's figure of each year, the population, the posts.
  const inAmbitoFigure = (kind: 'spending' | 'users') => {
    const coverage = new Map((kind === 'spending' ? ambitoFigures.spendingCoverage : ambitoFigures.usersCoverage).map((c) => [c.year, c]));
    return (r: { year: number; istatCode: string | null; comuneId: string | null }) => {
      if (r.comuneId === comune.id) return false;
      const c = coverage.get(r.year);
      if (!c) return false;
      return c.basis === 'ambito' ? r.istatCode === null : r.istatCode !== null && c.members.some((m) => m.istatCode === r.istatCode);
    };
  };
  const ownPosts = postRows.filter((r) => r.post.comuneId === comune.id);
  const shown = new Set(years.map((y) => y.year));
  const sources = groupSources([
    ...history.spending.map((r) => ({ figure: 'comuneSpending' as const, year: r.year, source: r.source, updatedAt: r.updatedAt })),
    ...history.users.map((r) => ({ figure: 'comuneUsers' as const, year: r.year, source: r.source, updatedAt: r.updatedAt })),
    ...ownPosts.map((r) => ({ figure: 'staff' as const, year: null, source: r.post.source, updatedAt: r.post.updatedAt })),
    ...population.ofComuni
      .filter((r) => r.comuneId === comune.id && shown.has(r.year))
      .map((r) => ({ figure: 'comunePopulation' as const, year: r.year, source: r.source, updatedAt: r.updatedAt })),
    ...ambitoFigures.spending
      .filter(inAmbitoFigure('spending'))
      .map((r) => ({ figure: 'ambitoSpending' as const, year: r.year, source: r.source, updatedAt: r.updatedAt })),
    ...ambitoFigures.users
      .filter(inAmbitoFigure('users'))
      .map((r) => ({ figure: 'ambitoUsers' as const, year: r.year, source: r.source, updatedAt: r.updatedAt })),
    ...population.own
      .filter((r) => shown.has(r.year))
      .map((r) => ({ figure: 'ambitoPopulation' as const, year: r.year, source: r.source, updatedAt: r.updatedAt })),
  ]);

  // Chart: spending per inhabitant in euro, the comune against the Ambito (complete Ambito figures only).
  const charted = years.filter(
    (y) => y.spending.comunePerInhabitant.value !== null || (y.spending.ambitoPerInhabitant.value !== null && !y.spending.ambitoPerInhabitant.partial),
  );
  const euro = (cents: number | null) => (cents === null ? null : cents / 100);
  const chartSvg =
    charted.length > 0
      ? renderChartSvg(
          lineChart({
            categories: charted.map((y) => String(y.year)),
            yName: tr('cfig.chart.unit'),
            series: [
              { name: comune.name, values: charted.map((y) => euro(y.spending.comunePerInhabitant.value)) },
              {
                name: tr('cfig.chart.ambito'),
                values: charted.map((y) => (y.spending.ambitoPerInhabitant.partial ? null : euro(y.spending.ambitoPerInhabitant.value))),
              },
            ],
          }),
          { width: 760, height: 320 },
        )
      : null;

  return {
    years,
    users,
    sources: sources.map((s) => ({ ...s, key: `${s.figure}|${s.year ?? ''}|${s.source}` })),
    chart: { svg: chartSvg, years: charted.map((y) => y.year), partialYears: years.filter((y) => y.spending.ambito.partial).map((y) => y.year) },
    staffBasis: STAFF_BASIS,
  };
}

/** A recorded post as leps' staffing rule reads it. */
function toRulePost(p: Awaited<ReturnType<typeof listSocialWorkerPosts>>[number]['post']): SocialWorkerPost {
  return {
    id: p.code,
    fte: p.fte,
    employerKind: p.employerKind as EmployerKind,
    employerName: p.employerName,
    contract: p.contract as SocialWorkerPost['contract'],
    fundingSources: p.fundingSources,
    assignment: p.assignment,
    from: p.validFrom,
    to: p.validTo,
  };
}
