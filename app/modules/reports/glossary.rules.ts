// Pure rules of the glossary: a term's slug (its anchor), the alphabetical order, the initial letter it is listed
// under, and the columns of the glossary file.

/** The columns of the glossary CSV (cantiere glossary file): the term, its definition (Markdown), its source. */
export const GLOSSARY_CSV_COLUMNS = ['termine', 'definizione', 'fonte'] as const;

/** The longest term and definition accepted (characters). */
export const TERM_MAX_LENGTH = 120;
export const DEFINITION_MAX_LENGTH = 4_000;
export const SOURCE_MAX_LENGTH = 500;

/**
 * The anchor of a term on the glossary page: lower case, accents removed, every run of other signs a hyphen
 * («Ufficio di Piano» → `ufficio-di-piano`, «Co-programmazione» → `co-programmazione`, «Servizio di Assistenza
 * Domiciliare (SAD)» → `servizio-di-assistenza-domiciliare-sad`). Empty when the term has no letter or digit.
 */
export function slugify(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

const collator = new Intl.Collator('it', { sensitivity: 'base', numeric: true });

/** Alphabetical order of the terms, as an Italian reader expects it (accents and case do not count). */
export const compareTerms = (a: { term: string }, b: { term: string }) => collator.compare(a.term, b.term) || a.term.localeCompare(b.term);

/** The letter a term is listed under (accents removed, upper case); «#» for a term that starts with a digit or a sign. */
export function initialOf(term: string): string {
  const first = term
    .trim()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/** The terms grouped by their initial, in alphabetical order. */
export function byInitial<T extends { term: string }>(terms: readonly T[]): { letter: string; terms: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const t of [...terms].sort(compareTerms)) {
    const letter = initialOf(t.term);
    groups.set(letter, [...(groups.get(letter) ?? []), t]);
  }
  return [...groups]
    .map(([letter, list]) => ({ letter, terms: list }))
    .sort((a, b) => (a.letter === '#' ? -1 : b.letter === '#' ? 1 : a.letter.localeCompare(b.letter)));
}
