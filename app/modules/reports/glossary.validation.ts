// The inputs of the glossary: a term from the form or from a row of the glossary file, and a removal.
import { requestLocale, serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { validateRichText } from '../../shared/richtext/richtext.ts';
import { isUuid, noControlCharacters, versionField, z } from '../../shared/validation.ts';
import { DEFINITION_MAX_LENGTH, slugify, SOURCE_MAX_LENGTH, TERM_MAX_LENGTH } from './glossary.rules.ts';

/** The limits as the reader writes numbers («4.000»). */
const max = (n: number) => serverFormat().number(n);
const termMessage = () => tr('rep.glossary.val.term', { max: max(TERM_MAX_LENGTH) });
const definitionMessage = () => tr('rep.glossary.val.definition', { max: max(DEFINITION_MAX_LENGTH) });

const term = z
  .string({ error: termMessage })
  .refine(...noControlCharacters())
  .transform((v) => v.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, { error: termMessage, abort: true })
      .max(TERM_MAX_LENGTH, { error: termMessage, abort: true })
      .refine((v) => slugify(v) !== '', { error: () => tr('rep.glossary.val.termNoLetter') }),
  );

/** A definition in Markdown: its problems (links, notes, tags) named with their line. */
const definition = z
  .string({ error: definitionMessage })
  .refine(...noControlCharacters())
  .transform((v) => v.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, { error: definitionMessage, abort: true })
      .max(DEFINITION_MAX_LENGTH, { error: definitionMessage, abort: true })
      .superRefine((v, ctx) => {
        const problems = validateRichText(v, requestLocale());
        if (problems.length)
          ctx.addIssue({ code: 'custom', message: tr('rep.glossary.val.definitionProblems', { problems: problems.map((p) => p.message).join(' ') }) });
      }),
  );

const source = z
  .string()
  .refine(...noControlCharacters())
  .nullish()
  .transform((v) => v?.replace(/\s+/g, ' ').trim() || null)
  .pipe(
    z
      .string()
      .max(SOURCE_MAX_LENGTH, { error: () => tr('rep.glossary.val.source', { max: max(SOURCE_MAX_LENGTH) }) })
      .nullable(),
  );

/** A term as the glossary keeps it (the form's fields; the file's row, by column). */
export const GlossaryTermInput = z.object({ term, definition, source });
export type GlossaryTermInput = z.output<typeof GlossaryTermInput>;

/** A change to a term: its fields and the version the user saw. */
export const GlossaryTermEdit = GlossaryTermInput.extend({ version: versionField });

/** A removal: the version the user saw. */
export const GlossaryTermRemoval = z.object({ version: versionField });

/** The row of the glossary file, by its Italian column names. */
export const GlossaryCsvRow = z.object({ termine: term, definizione: definition, fonte: source });

/** A term id from a form or a URL: anything that is not a UUID is a term that does not exist. */
export const termIdOf = (v: unknown): string | null => (isUuid(v) ? v : null);
