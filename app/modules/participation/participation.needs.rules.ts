// Pure rules of the needs register: its vocabularies, the merge of duplicates, the filters of the list.

export const NEED_SOURCES = ['incontro', 'questionario', 'dati_servizi', 'comune', 'organizzazione'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

export const NEED_PRIORITIES = ['alta', 'media', 'bassa'] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];

/** The order of priorities in a list (highest first; a need not weighed yet last). */
export function priorityRank(priority: string | null): number {
  const i = (NEED_PRIORITIES as readonly string[]).indexOf(priority ?? '');
  return i === -1 ? NEED_PRIORITIES.length : i;
}

export interface MergeSubject {
  id: string;
  ambitoId: string;
  mergedIntoId: string | null;
}

/** Why a merge of `from` into `into` is refused (null: allowed). Both must be live needs of the same Ambito. */
export function mergeRefusal(into: MergeSubject, from: MergeSubject): 'same' | 'otherAmbito' | 'intoMerged' | 'fromMerged' | null {
  if (into.id === from.id) return 'same';
  if (into.ambitoId !== from.ambitoId) return 'otherAmbito';
  if (into.mergedIntoId) return 'intoMerged';
  if (from.mergedIntoId) return 'fromMerged';
  return null;
}

/** The objective links the merged need brings to the one it is merged into (the union, without duplicates). */
export function linksToMove(intoObjectiveIds: readonly string[], fromObjectiveIds: readonly string[]): string[] {
  const have = new Set(intoObjectiveIds);
  return [...new Set(fromObjectiveIds)].filter((id) => !have.has(id));
}

export interface NeedFilter {
  tableId?: string | null;
  policyArea?: string | null;
  priority?: string | null;
  sourceKind?: string | null;
  /** Show the needs merged into others too (default: only live ones). */
  includeMerged?: boolean;
}

export interface FilterableNeed {
  tableId: string | null;
  policyArea: string | null;
  priority: string | null;
  sourceKind: string;
  mergedIntoId: string | null;
}

/** Whether a need is in the list the filter chooses (an empty choice keeps every value). */
export function matchesNeedFilter(need: FilterableNeed, filter: NeedFilter): boolean {
  if (!filter.includeMerged && need.mergedIntoId) return false;
  if (filter.tableId && need.tableId !== filter.tableId) return false;
  if (filter.policyArea && need.policyArea !== filter.policyArea) return false;
  if (filter.priority && (filter.priority === 'nessuna' ? need.priority !== null : need.priority !== filter.priority)) return false;
  if (filter.sourceKind && need.sourceKind !== filter.sourceKind) return false;
  return true;
}

/** How many needs there are per value of a key (e.g. per priority), counted on the given needs, in key order. */
export function countBy<T>(rows: readonly T[], key: (r: T) => string | null): { key: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts.entries()].map(([k, count]) => ({ key: k, count }));
}

/** A name as compared across files: lower case, one kind of dash, single spaces. */
export const normalName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

const STOP = new Set(['tavolo', 'tematico', 'tematica', 'gruppo', 'di', 'del', 'della', 'e', 'con', 'per', 'la', 'il', 'le', 'i', 'persone']);
/** The significant words of a table's name, cut to their stem (famiglia/famiglie), for a match when names differ. */
const stems = (s: string) =>
  new Set(
    normalName(s)
      .split(/[^\p{L}]+/u)
      .filter((w) => w && !STOP.has(w))
      .map((w) => w.slice(0, 6)),
  );

/**
 * The table a name means: the one so named (or whose governance body is so named), else the one table sharing the
 * most significant words with it («Tavolo Anziani» → «Tavolo Tematico Anziani»); none when that is not unique.
 */
export function matchTable<T extends { names: string[] }>(tables: readonly T[], name: string): T | undefined {
  const exact = tables.find((t) => t.names.some((n) => normalName(n) === normalName(name)));
  if (exact) return exact;
  const wanted = stems(name);
  const scored = tables
    .map((t) => ({ t, score: Math.max(...t.names.map((n) => [...stems(n)].filter((w) => wanted.has(w)).length)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  if (!scored.length || (scored.length > 1 && scored[1]!.score === scored[0]!.score)) return undefined;
  return scored[0]!.t;
}
