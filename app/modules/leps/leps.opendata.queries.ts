// Reads for the open-data module (app/modules/opendata): the Ambito's social workers in FTE year by year on every
// basis, against its population, with the LEPS ratio (1:5.000) and the service objective (1:4.000) — the same rules as
// the staff page (getStaffing), without its chart. No row while no social worker is recorded (a zero would be a
// figure nobody entered).
import { eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { ambitoPopulationSeries, listSocialWorkerPosts, populationYears, toRulePost } from './leps.queries.ts';
import { socialWorkerHistory } from './leps.rules.ts';
import { socialWorkerPosts } from './leps.schema.ts';

export async function readSocialWorkerSeries(db: DbOrTx, ambitoId: string, year: number) {
  const day = `${year}-12-31`;
  const [rows, population, [last]] = await Promise.all([
    listSocialWorkerPosts(db, ambitoId),
    ambitoPopulationSeries(db, ambitoId, day),
    db
      .select({ at: max(socialWorkerPosts.updatedAt) })
      .from(socialWorkerPosts)
      .where(eq(socialWorkerPosts.ambitoId, ambitoId)),
  ]);
  if (rows.length === 0) return { years: [], modified: null };
  const posts = rows.map((r) => toRulePost(r.post));
  const start = Math.min(year, ...rows.map((r) => Number(r.post.validFrom.slice(0, 4))));
  const years = populationYears(population, start, year);
  const history = socialWorkerHistory(posts, years);
  return {
    years: history.map((h, i) => ({
      year: h.year,
      population: h.population,
      populationYear: years[i]!.populationYear,
      fte: h.staff.fte,
      inhabitantsPerFte: h.assessment.inhabitantsPerWorker?.value ?? null,
      leps: { requiredFte: h.assessment.leps.requiredFte?.value ?? null, status: h.assessment.leps.status },
      serviceObjective: { requiredFte: h.assessment.serviceObjective.requiredFte?.value ?? null, status: h.assessment.serviceObjective.status },
    })),
    modified: last?.at ?? null,
  };
}
