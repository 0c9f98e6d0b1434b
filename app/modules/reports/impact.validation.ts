// The inputs of the social-impact report's commands (forms and the demo), with their messages in the request's language.
import { requestLocale, tr } from '../../shared/i18n/tr.server.ts';
import { validateRichText } from '../../shared/richtext/richtext.ts';
import { noControlCharacters, versionField, z } from '../../shared/validation.ts';
import { IMPACT_SECTIONS, orderSections, type ImpactSectionKey } from './impact.rules.ts';

const year = (field: MessageField) =>
  z.coerce
    .number({ error: () => tr('rep.impact.val.year', { field: tr(field) }) })
    .int({ error: () => tr('rep.impact.val.year', { field: tr(field) }) })
    .min(2000, { error: () => tr('rep.impact.val.year', { field: tr(field) }) })
    .max(2100, { error: () => tr('rep.impact.val.year', { field: tr(field) }) });

type MessageField = 'rep.impact.field.year' | 'rep.impact.field.seriesFrom';

const title = z
  .string({ error: () => tr('rep.impact.val.title') })
  .refine(...noControlCharacters())
  .trim()
  .min(3, { error: () => tr('rep.impact.val.title') })
  .max(300, { error: () => tr('rep.impact.val.titleLong') });

/** A blank «first year of the series» means the default (the report's year and the three before it). */
const optionalYear = z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), year('rep.impact.field.seriesFrom').optional());

export const CreateImpactInput = z.object({ year: year('rep.impact.field.year'), title, seriesFromYear: optionalYear }).superRefine((v, ctx) => {
  if (v.seriesFromYear !== undefined && v.seriesFromYear > v.year)
    ctx.addIssue({ code: 'custom', path: ['seriesFromYear'], message: tr('rep.impact.val.seriesAfter', { year: v.year }) });
});

const sectionFields = Object.fromEntries(
  IMPACT_SECTIONS.flatMap((key) => [
    [`include.${key}`, z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())],
    [
      `position.${key}`,
      z.preprocess(
        (v) => (v === '' || v === undefined ? IMPACT_SECTIONS.indexOf(key) + 1 : v),
        z.coerce
          .number({ error: () => tr('rep.impact.val.position', { section: tr(`rep.impact.section.${key}`) }) })
          .int({ error: () => tr('rep.impact.val.position', { section: tr(`rep.impact.section.${key}`) }) })
          .min(1, { error: () => tr('rep.impact.val.position', { section: tr(`rep.impact.section.${key}`) }) })
          .max(99, { error: () => tr('rep.impact.val.position', { section: tr(`rep.impact.section.${key}`) }) }),
      ),
    ],
    [
      `intro.${key}`,
      z
        .string()
        .refine(...noControlCharacters(() => tr(`rep.impact.section.${key}`)))
        .max(20_000, { error: () => tr('rep.impact.val.introLong', { section: tr(`rep.impact.section.${key}`) }) })
        .optional()
        .transform((v) => v ?? null),
    ],
  ]),
) as Record<string, z.ZodType>;

/**
 * The report's edit form: title, first year of the series, and for each section whether it is included, its position
 * and its introduction (Markdown, checked by the shared rich-text rules: a problem names the section and the line).
 */
export const EditImpactInput = z
  .object({ version: versionField, title, seriesFromYear: year('rep.impact.field.seriesFrom'), ...sectionFields })
  .superRefine((v, ctx) => {
    const values = v as Record<string, unknown>;
    if (!IMPACT_SECTIONS.some((key) => values[`include.${key}`] === true))
      ctx.addIssue({ code: 'custom', path: [`include.${IMPACT_SECTIONS[0]}`], message: tr('rep.impact.val.noSection') });
    for (const key of IMPACT_SECTIONS) {
      const intro = values[`intro.${key}`];
      if (typeof intro !== 'string' || !intro.trim()) continue;
      for (const problem of validateRichText(intro, requestLocale()))
        ctx.addIssue({
          code: 'custom',
          path: [`intro.${key}`],
          message: tr('rep.impact.val.intro', { section: tr(`rep.impact.section.${key}`), problem: problem.message }),
        });
    }
  })
  .transform((v) => {
    const values = v as Record<string, unknown>;
    return {
      version: v.version,
      title: v.title,
      seriesFromYear: v.seriesFromYear,
      sections: orderSections(
        IMPACT_SECTIONS.map((key: ImpactSectionKey) => ({
          key,
          include: values[`include.${key}`] === true,
          position: values[`position.${key}`] as number,
          intro: (values[`intro.${key}`] as string | null) ?? null,
        })),
      ),
    };
  });

export const VersionInput = z.object({ version: versionField });
