// Writes of the social-impact report: create, edit (sections, order, introductions), publish, withdraw. Each one goes
// through the house pipeline: authorise (reports policy) → validate (zod) → one transaction → versioned write → audit.
import { and, eq } from 'drizzle-orm';
import { type Actor, actorLabel } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { registerMessages } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { isUuid } from '../../shared/validation.ts';
import { listPlans } from '../planning/index.server.ts';
import { ambiti } from '../territory/index.server.ts';
import { DEFAULT_SERIES_YEARS, defaultSections } from './impact.rules.ts';
import { impactReports, type ImpactReportRow } from './impact.schema.ts';
import { CreateImpactInput, EditImpactInput, VersionInput } from './impact.validation.ts';
import { authorize } from './reports.policy.ts';
import * as messages from './reports.messages.ts';

// The commands' messages (tr) also where the app's module registry is not loaded (scripts, tests).
registerMessages(messages);

const ENTITY = 'impact_report';

async function ambitoScope(db: Db | Tx, ambitoId: string) {
  const [a] = await db.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, ambitoId));
  if (!a) throw new NotFoundError('L’Ambito');
  return a;
}

/** The report, locked, with its Ambito's scope; 404 (naming it) when it does not exist. */
async function lockedReport(tx: Tx, reportId: string) {
  const [report] = isUuid(reportId) ? await tx.select().from(impactReports).where(eq(impactReports.id, reportId)).for('update') : [];
  if (!report) throw new NotFoundError(tr('rep.impact.what'));
  return { report, scope: { ...(await ambitoScope(tx, report.ambitoId)), published: report.status === 'published' } };
}

/**
 * Creates the report of a year for an Ambito: every section in the default order, no introduction yet, the series from
 * three years before. It gives account of the Ambito's plan covering that year (the one starting last), if any. One
 * report per Ambito and year: a second is refused, naming the year.
 */
export async function createImpactReport({ db, actor, ambitoId, input }: { db: Db; actor: Actor; ambitoId: string; input: unknown }): Promise<ImpactReportRow> {
  const scope = await ambitoScope(db, ambitoId);
  authorize(actor, 'impact.edit', scope);
  const v = parseInput(CreateImpactInput, input);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: impactReports.id })
      .from(impactReports)
      .where(and(eq(impactReports.ambitoId, ambitoId), eq(impactReports.year, v.year)));
    if (existing) throw new ValidationError([{ path: 'year', message: tr('rep.impact.val.exists', { year: v.year }) }]);
    const plan = (await listPlans(tx, ambitoId))
      .filter((p) => p.periodStartYear <= v.year && p.periodEndYear >= v.year)
      .sort((a, b) => b.periodStartYear - a.periodStartYear)[0];
    const [row] = await tx
      .insert(impactReports)
      .values({
        ambitoId,
        planId: plan?.id ?? null,
        title: v.title,
        year: v.year,
        seriesFromYear: v.seriesFromYear ?? v.year - (DEFAULT_SERIES_YEARS - 1),
        sections: defaultSections(),
      })
      .returning();
    await recordAudit(tx, { actor, action: 'reports.impact.created', entityType: ENTITY, entityId: row!.id, ambitoId, after: row });
    return row!;
  });
}

/** Saves the title, the first year of the series and the chosen sections in their order with their introductions. */
export async function updateImpactReport({ db, actor, reportId, input }: { db: Db; actor: Actor; reportId: string; input: unknown }): Promise<ImpactReportRow> {
  return db.transaction(async (tx) => {
    const { report, scope } = await lockedReport(tx, reportId);
    authorize(actor, 'impact.edit', scope);
    const v = parseInput(EditImpactInput, input);
    if (v.seriesFromYear > report.year)
      throw new ValidationError([{ path: 'seriesFromYear', message: tr('rep.impact.val.seriesAfter', { year: report.year }) }]);
    const { before, after } = await updateVersioned(
      tx,
      impactReports,
      report.id,
      v.version,
      { title: v.title, seriesFromYear: v.seriesFromYear, sections: v.sections },
      tr('rep.impact.what'),
    );
    await recordAudit(tx, { actor, action: 'reports.impact.updated', entityType: ENTITY, entityId: report.id, ambitoId: report.ambitoId, before, after });
    return after;
  });
}

/** Publishes the report: from now on anyone reads it, on the web and as PDF. A report without sections is refused. */
export async function publishImpactReport({
  db,
  actor,
  reportId,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  reportId: string;
  input: unknown;
  now?: Date;
}) {
  return db.transaction(async (tx) => {
    const { report, scope } = await lockedReport(tx, reportId);
    authorize(actor, 'impact.publish', scope);
    const v = parseInput(VersionInput, input);
    if (report.status === 'published') throw new ValidationError([{ path: 'version', message: tr('rep.impact.val.alreadyPublished') }]);
    if (report.sections.length === 0) throw new ValidationError([{ path: 'version', message: tr('rep.impact.val.noSection') }]);
    const { before, after } = await updateVersioned(
      tx,
      impactReports,
      report.id,
      v.version,
      { status: 'published', publishedAt: now, publishedBy: actorLabel(actor) },
      tr('rep.impact.what'),
    );
    await recordAudit(tx, { actor, action: 'reports.impact.published', entityType: ENTITY, entityId: report.id, ambitoId: report.ambitoId, before, after });
    return after;
  });
}

/** Withdraws a published report: it goes back to draft, read only by the members of the Ambito. */
export async function unpublishImpactReport({ db, actor, reportId, input }: { db: Db; actor: Actor; reportId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const { report, scope } = await lockedReport(tx, reportId);
    authorize(actor, 'impact.publish', scope);
    const v = parseInput(VersionInput, input);
    if (report.status !== 'published') throw new ValidationError([{ path: 'version', message: tr('rep.impact.val.notPublished') }]);
    const { before, after } = await updateVersioned(
      tx,
      impactReports,
      report.id,
      v.version,
      { status: 'draft', publishedAt: null, publishedBy: null },
      tr('rep.impact.what'),
    );
    await recordAudit(tx, { actor, action: 'reports.impact.unpublished', entityType: ENTITY, entityId: report.id, ambitoId: report.ambitoId, before, after });
    return after;
  });
}
