// What the participation home shows beside the figures: the current plan, the open call, the open questionnaires.
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { listPlans } from '../planning/index.server.ts';
import { italianDate } from './participation.figures.queries.ts';
import { openCalls, questionnaires } from './participation.schema.ts';

/** The plan in force this year (else the latest), the call open today, the questionnaires open. */
export async function homeContext(db: DbOrTx, ambitoId: string, now = new Date()) {
  const today = italianDate(now);
  const year = Number(today.slice(0, 4));
  const [planRows, calls, open] = await Promise.all([
    listPlans(db, ambitoId),
    db
      .select({ id: openCalls.id, title: openCalls.title, closesOn: openCalls.closesOn })
      .from(openCalls)
      .where(and(eq(openCalls.ambitoId, ambitoId), lte(openCalls.opensOn, today), gte(openCalls.closesOn, today), isNull(openCalls.closedAt)))
      .orderBy(asc(openCalls.closesOn)),
    db
      .select({ id: questionnaires.id })
      .from(questionnaires)
      .where(and(eq(questionnaires.ambitoId, ambitoId), eq(questionnaires.status, 'aperto'))),
  ]);
  const current = planRows.find((p) => p.periodStartYear <= year && year <= p.periodEndYear) ?? planRows[0] ?? null;
  return {
    plan: current ? { id: current.id, title: current.title } : null,
    openCall: calls[0] ?? null,
    openQuestionnaires: open.length,
  };
}
