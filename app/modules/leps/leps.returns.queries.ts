// What the national returns (reports module) read of LEPS: every social-worker post of the Ambito as the staffing rules
// read it, with the record it comes from, and the Ambito's population of a year as the LEPS pages pick it.
import type { DbOrTx } from '../../shared/db/client.ts';
import { ambitoPopulationSeries, listSocialWorkerPosts, populationYears, toRulePost } from './leps.queries.ts';
import type { SocialWorkerPost } from './leps.rules.ts';

export interface ReturnPostRecord {
  /** The row's id (a post whose hours or contract change has several rows with the same code). */
  rowId: string;
  post: SocialWorkerPost;
  comuneName: string | null;
  /** Where the row comes from: the form, or the imported file and its row. */
  source: string;
}

export interface ReturnPopulation {
  /** The year whose figure is used (the asked year or, when it has none yet, the latest earlier one). */
  year: number;
  population: number;
  referenceDate: string | null;
  /** 'ambito': the Ambito's published total; 'comuni': the sum of every member comune. */
  basis: 'ambito' | 'comuni';
}

/**
 * The posts of the Ambito and its population for the years asked: for each, the figure of that year or the latest
 * earlier one (null when none), as the LEPS staffing page does (a partial sum of comuni is never used).
 */
export async function readSocialWorkerReturnInput(
  db: DbOrTx,
  ambitoId: string,
  years: readonly number[],
): Promise<{ posts: ReturnPostRecord[]; population: Map<number, ReturnPopulation | null> }> {
  const last = Math.max(...years);
  const [rows, series] = await Promise.all([listSocialWorkerPosts(db, ambitoId), ambitoPopulationSeries(db, ambitoId, `${last}-12-31`)]);
  const population = new Map<number, ReturnPopulation | null>();
  for (const year of years) {
    const [picked] = populationYears(series, year, year);
    const point = picked?.populationYear != null ? series.find((p) => p.year === picked.populationYear) : undefined;
    population.set(year, point ? { year: point.year, population: point.population, referenceDate: point.referenceDate, basis: point.basis } : null);
  }
  return {
    posts: rows.map((r) => ({ rowId: r.post.id, post: toRulePost(r.post), comuneName: r.comuneName, source: r.post.source })),
    population,
  };
}
