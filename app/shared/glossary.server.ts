// The glossary of an Ambito as any page can ask for it, without knowing which module keeps it. The reports module
// keeps the glossary and reads the planning module, so planning may not import reports (the dependency rule forbids
// cycles): like the panels (panels.server.ts), the app-level registry (app/modules/registry.server.ts) registers the
// provider at start, and a page asks `glossaryLinksFor(db, ambito)` for the terms to link in its rich texts.
import type { DbOrTx } from './db/client.ts';
import { parseRichText, richTextPlain } from './richtext/richtext.ts';

/** A term of the glossary: its words, its anchor on the glossary page, its definition (Markdown). */
export interface GlossaryEntry {
  term: string;
  slug: string;
  definition: string;
}

export type GlossaryProvider = (db: DbOrTx, ambitoId: string) => Promise<GlossaryEntry[]>;

let provider: GlossaryProvider | null = null;

/** Registers the module that keeps the glossary (once, at start; registering again replaces it). */
export function registerGlossaryProvider(p: GlossaryProvider | null): void {
  provider = p;
}

/** The Ambito's glossary; empty when no module provides one. */
export async function glossaryFor(db: DbOrTx, ambitoId: string): Promise<GlossaryEntry[]> {
  return provider ? provider(db, ambitoId) : [];
}

/** The glossary page of an Ambito, and the anchor of a term on it. */
export const glossaryHref = (ambitoCode: string, slug?: string) => `/ambiti/${ambitoCode}/glossario${slug ? `#${slug}` : ''}`;

/**
 * The terms as a rich text links them (RichText's `terms`): the link to the term on the glossary page and the
 * definition as plain text (shown on hover and focus, read by screen readers).
 */
export function glossaryLinks(entries: readonly GlossaryEntry[], ambitoCode: string): { term: string; href: string; definition: string }[] {
  return entries.map((e) => ({
    term: e.term,
    href: glossaryHref(ambitoCode, e.slug),
    definition: richTextPlain(parseRichText(e.definition)).replace(/\s+/g, ' ').trim(),
  }));
}

/** The glossary of the Ambito as links for its rich texts. */
export async function glossaryLinksFor(db: DbOrTx, ambito: { id: string; code: string }) {
  return glossaryLinks(await glossaryFor(db, ambito.id), ambito.code);
}
