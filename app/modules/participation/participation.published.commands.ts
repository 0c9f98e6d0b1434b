// Part «published figures»: the participation figures an Ambito published elsewhere, loaded from a JSON file
// (fixtures/demo/fano/partecipazione-cifre-pubblicate.json) through the module's one pipeline.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { ValidationError } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { refuseControlCharactersInJson, z } from '../../shared/validation.ts';
import { plans } from '../planning/index.server.ts';
import { auditFact, command, type CommandContext } from './participation.command.ts';
import { FIGURE_QUALIFIERS, PUBLISHED_FIGURES } from './participation.published.rules.ts';
import { publishedFigures } from './participation.published.schema.ts';

const FiguresFile = z.object({
  /** The document that publishes the figures. */
  fonte: z.string().trim().min(3).max(500),
  /** The plan whose path the figures describe, by its period (absent: the Ambito's participation as a whole). */
  piano: z.object({ inizio: z.number().int().min(2000).max(2100), fine: z.number().int().min(2000).max(2100) }).nullish(),
  cifre: z
    .array(
      z.object({
        cifra: z.enum(PUBLISHED_FIGURES),
        valore: z.number().int().min(0).max(1_000_000),
        qualificatore: z.enum(FIGURE_QUALIFIERS).default('exact'),
        /** Where in the document (page, line), added to the source. */
        dove: z.string().trim().max(300).nullish(),
        nota: z.string().trim().max(2000).nullish(),
      }),
    )
    .min(1),
});

export interface PublishedFiguresSummary {
  file: string;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Loads the participation figures published elsewhere. All or nothing: a malformed file, a figure given twice or a
 * plan period the Ambito does not have refuses the whole file with its paths. A figure already recorded for the same
 * plan is replaced (its version bumped); the same figure with the same value, qualifier and source is left alone, so a
 * second run writes nothing and logs nothing. One audit entry for the file.
 */
export async function importPublishedFigures({
  file,
  ...ctx
}: CommandContext & { file: { fileName: string; text: string } }): Promise<PublishedFiguresSummary> {
  return command(ctx, 'path.write', async (tx) => {
    const fail = (issues: { path: string; message: string }[]) => new ValidationError(issues, tr('part.published.import.failed', { file: file.fileName }));
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (e) {
      throw fail([{ path: file.fileName, message: tr('part.published.import.json', { reason: (e as Error).message }) }]);
    }
    refuseControlCharactersInJson(json, file.fileName);
    const parsed = FiguresFile.safeParse(json);
    if (!parsed.success)
      throw fail(parsed.error.issues.slice(0, 50).map((i) => ({ path: `${file.fileName}, ${i.path.map(String).join('.') || '(file)'}`, message: i.message })));
    const data = parsed.data;
    const seen = new Map<string, number>();
    const issues: { path: string; message: string }[] = [];
    data.cifre.forEach((c, i) => {
      const previous = seen.get(c.cifra);
      if (previous !== undefined)
        issues.push({ path: `${file.fileName}, cifre.${i}.cifra`, message: tr('part.published.import.twice', { figure: c.cifra, index: previous + 1 }) });
      seen.set(c.cifra, i);
    });
    let planId: string | null = null;
    if (data.piano) {
      const [plan] = await tx
        .select({ id: plans.id })
        .from(plans)
        .where(and(eq(plans.ambitoId, ctx.ambitoId), eq(plans.periodStartYear, data.piano.inizio), eq(plans.periodEndYear, data.piano.fine)));
      if (!plan)
        issues.push({ path: `${file.fileName}, piano`, message: tr('part.published.import.plan', { start: data.piano.inizio, end: data.piano.fine }) });
      else planId = plan.id;
    }
    if (issues.length) throw fail(issues);

    const summary: PublishedFiguresSummary = { file: file.fileName, created: 0, updated: 0, unchanged: 0 };
    for (const c of data.cifre) {
      const source = c.dove ? `${data.fonte}, ${c.dove}` : data.fonte;
      const values = { value: c.valore, qualifier: c.qualificatore, source, note: c.nota ?? null };
      const [existing] = await tx
        .select()
        .from(publishedFigures)
        .where(
          and(
            eq(publishedFigures.ambitoId, ctx.ambitoId),
            planId ? eq(publishedFigures.planId, planId) : isNull(publishedFigures.planId),
            eq(publishedFigures.figure, c.cifra),
          ),
        );
      if (!existing) {
        await tx.insert(publishedFigures).values({ ambitoId: ctx.ambitoId, planId, figure: c.cifra, ...values });
        summary.created += 1;
      } else if (
        existing.value === values.value &&
        existing.qualifier === values.qualifier &&
        existing.source === values.source &&
        existing.note === values.note
      ) {
        summary.unchanged += 1;
      } else {
        await tx
          .update(publishedFigures)
          .set({ ...values, version: sql`${publishedFigures.version} + 1`, updatedAt: new Date() })
          .where(eq(publishedFigures.id, existing.id));
        summary.updated += 1;
      }
    }
    if (summary.created + summary.updated === 0) return summary;
    await auditFact(tx, ctx, {
      action: 'participation.published_figures.imported',
      entityType: 'participation_published_figures',
      entityId: planId ?? ctx.ambitoId,
      after: { ...summary, source: data.fonte, figures: data.cifre.map((c) => ({ figure: c.cifra, value: c.valore, qualifier: c.qualificatore })) },
    });
    return summary;
  });
}
