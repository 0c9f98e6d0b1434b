// The participation figures published elsewhere, beside those computed from the records (pure: codes and numbers).

/** The figures an Ambito may publish about its participation path. */
export const PUBLISHED_FIGURES = ['meetings', 'concertation_tables', 'thematic_tables', 'member_organisations'] as const;
export type PublishedFigure = (typeof PUBLISHED_FIGURES)[number];

/** How the published number reads: exactly, «oltre» (more than), «circa» (about). */
export const FIGURE_QUALIFIERS = ['exact', 'more_than', 'about'] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

export interface PublishedValue {
  figure: PublishedFigure;
  value: number;
  qualifier: FigureQualifier;
  source: string;
}

export interface FigureComparison {
  figure: PublishedFigure;
  /** Computed from the records in Cantiere. */
  recorded: number;
  /** As published, with its qualifier and source; null when nothing is published. */
  published: { value: number; qualifier: FigureQualifier; source: string } | null;
  /**
   * Whether the records bear the published figure out: `true` when they reach it (an exact figure equal, «oltre N»
   * more than N), `false` when they do not, null when it cannot be said (nothing published, or an «about» figure).
   */
  recordsMatch: boolean | null;
}

/** Each figure recorded beside the one published (in the order of PUBLISHED_FIGURES). */
export function comparePublished(recorded: Record<PublishedFigure, number>, published: readonly PublishedValue[]): FigureComparison[] {
  return PUBLISHED_FIGURES.map((figure) => {
    const p = published.find((x) => x.figure === figure) ?? null;
    const n = recorded[figure];
    const recordsMatch = !p ? null : p.qualifier === 'exact' ? n === p.value : p.qualifier === 'more_than' ? n > p.value : null;
    return { figure, recorded: n, published: p ? { value: p.value, qualifier: p.qualifier, source: p.source } : null, recordsMatch };
  });
}
