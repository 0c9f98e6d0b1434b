// Glossary terms in a text: the first occurrence of each term (case-insensitive, whole word, any spacing between its
// words) is marked so that a page can link it to its definition. Pure functions: RichText calls them while drawing
// the text in document order, with one `seen` set per text.

export interface TermMatcher {
  /** The term's index in the list given to termMatchers. */
  index: number;
  re: RegExp;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One matcher per term (empty terms are left out); longer terms first, so «Ufficio di Piano» wins over «Piano». */
export function termMatchers(terms: readonly string[]): TermMatcher[] {
  return terms
    .map((term, index) => ({ index, words: term.trim().split(/\s+/).filter(Boolean) }))
    .filter((t) => t.words.length > 0)
    .sort((a, b) => b.words.join(' ').length - a.words.join(' ').length)
    .map(({ index, words }) => ({ index, re: new RegExp(`(?<![\\p{L}\\p{N}_])${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}_])`, 'iu') }));
}

export type TermSegment = string | { term: number; text: string };

/**
 * Splits a text into plain parts and the first occurrences of the terms not yet `seen` (which it adds to `seen`).
 * At the same position the longest term wins; a text with no new term comes back as one part.
 */
export function splitTerms(text: string, matchers: readonly TermMatcher[], seen: Set<number>): TermSegment[] {
  const out: TermSegment[] = [];
  const plain = (s: string) => {
    if (typeof out[out.length - 1] === 'string') out[out.length - 1] += s;
    else out.push(s);
  };
  let rest = text;
  for (;;) {
    let best: { index: number; at: number; length: number } | null = null;
    // Terms already marked still take their place, so that «Piano» is not marked inside a later «Piano di Zona».
    for (const m of matchers) {
      const found = m.re.exec(rest);
      if (found && (best === null || found.index < best.at || (found.index === best.at && found[0].length > best.length))) {
        best = { index: m.index, at: found.index, length: found[0].length };
      }
    }
    if (!best) break;
    const before = rest.slice(0, best.at + (seen.has(best.index) ? best.length : 0));
    if (before) plain(before);
    if (!seen.has(best.index)) {
      out.push({ term: best.index, text: rest.slice(best.at, best.at + best.length) });
      seen.add(best.index);
    }
    rest = rest.slice(best.at + best.length);
  }
  if (rest) plain(rest);
  return out;
}
