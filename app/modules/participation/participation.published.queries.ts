// Part «published figures»: the figures an Ambito published about its participation, and the recorded ones beside them.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import type { FigureQualifier, PublishedFigure, PublishedValue } from './participation.published.rules.ts';
import { publishedFigures } from './participation.published.schema.ts';

/** The published figures of an Ambito for a plan (null: those not tied to a plan). */
export async function listPublishedFigures(db: DbOrTx, ambitoId: string, planId: string | null): Promise<(PublishedValue & { note: string | null })[]> {
  const rows = await db
    .select({
      figure: publishedFigures.figure,
      value: publishedFigures.value,
      qualifier: publishedFigures.qualifier,
      source: publishedFigures.source,
      note: publishedFigures.note,
    })
    .from(publishedFigures)
    .where(and(eq(publishedFigures.ambitoId, ambitoId), planId ? eq(publishedFigures.planId, planId) : isNull(publishedFigures.planId)))
    .orderBy(asc(publishedFigures.figure));
  return rows.map((r) => ({ ...r, figure: r.figure as PublishedFigure, qualifier: r.qualifier as FigureQualifier }));
}
