import type { ReactNode } from 'react';

/**
 * The `<option>`s of a select, one per item: its value and the words it shows (dictionary words, or data as entered —
 * then the select carries `translate="no"`).
 */
export function Options<T>({ items, value, label }: { items: readonly T[]; value: (item: T) => string | number; label: (item: T) => ReactNode }) {
  return items.map((item) => (
    <option key={value(item)} value={value(item)}>
      {label(item)}
    </option>
  ));
}
