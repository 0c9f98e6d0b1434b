// Reads of the glossary: the page's list (with what the Ufficio di Piano edits) and the terms other pages and the plan
// document need.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { compareTerms } from './glossary.rules.ts';
import { glossaryTerms } from './glossary.schema.ts';

/** Every term of the Ambito's glossary, in alphabetical order, with its source and version (for the page's forms). */
export async function listGlossaryTerms(db: DbOrTx, ambitoId: string) {
  const rows = await db
    .select(pick(glossaryTerms, 'id', 'term', 'slug', 'definition', 'source', 'version'))
    .from(glossaryTerms)
    .where(eq(glossaryTerms.ambitoId, ambitoId));
  return rows.sort(compareTerms);
}

/**
 * The Ambito's glossary for other modules' pages (rich texts link the first mention of each term) and for the plan
 * document's annex: term, anchor and definition (Markdown), in alphabetical order.
 */
export async function glossaryTermsFor(db: DbOrTx, ambitoId: string): Promise<{ term: string; slug: string; definition: string }[]> {
  const rows = await db
    .select(pick(glossaryTerms, 'term', 'slug', 'definition'))
    .from(glossaryTerms)
    .where(eq(glossaryTerms.ambitoId, ambitoId));
  return rows.sort(compareTerms);
}

/** True when the Ambito's glossary has at least one term (the demo step loads it once). */
export async function hasGlossary(db: DbOrTx, ambitoId: string): Promise<boolean> {
  const [row] = await db.select({ id: glossaryTerms.id }).from(glossaryTerms).where(eq(glossaryTerms.ambitoId, ambitoId)).limit(1);
  return !!row;
}
