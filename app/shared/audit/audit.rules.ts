/** What changed between two audit snapshots: one row per field whose value differs (bookkeeping fields aside). */
export function diffSnapshots(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const ignore = new Set(['updatedAt', 'createdAt']);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !ignore.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((f) => ({ field: f, before: b[f] ?? null, after: a[f] ?? null }));
}
