import type { FieldIssue } from '../../shared/errors.ts';
import { parseItalianNumber } from '../../shared/format/index.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import {
  controlCharacterIssues,
  isIsoDateInRange,
  isoDate as isoDateField,
  optionalText,
  parseEuroAmount,
  parsePersonsCount,
  requiredText,
  versionField,
  z,
} from '../../shared/validation.ts';
import {
  COLLECTION_ITEMS,
  type CollectionItem,
  type IndicatorValues,
  type ItemValues,
  type SpendingValues,
  type StaffValues,
  type UsersValues,
} from './collection.rules.ts';

/** A new request, from the form: the comuni are ticked boxes (`comuni` repeated), the items too. */
export const OpenRequestInput = z.object({
  title: requiredText('Titolo', { min: 3, max: 200 }),
  year: z.coerce.number().int().min(2000).max(2100),
  deadline: isoDateField('Scadenza'),
  items: z.array(z.enum(COLLECTION_ITEMS)).min(1),
  message: optionalText(4000, 'Messaggio'),
  comuni: z.array(z.string().uuid()).min(1),
});
export type OpenRequest = z.infer<typeof OpenRequestInput>;

export const ReviewInput = z.object({
  version: versionField,
  decision: z.enum(['validate', 'return']),
  note: optionalText(4000, 'Nota'),
});

const rowIndexes = (form: Record<string, unknown>) =>
  [...new Set(Object.keys(form).flatMap((k) => (/^r\.(\d+)\./.exec(k) ? [Number(/^r\.(\d+)\./.exec(k)![1])] : [])))].sort((a, b) => a - b);

const text = (form: Record<string, unknown>, key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim() : '');

/**
 * The figures of one item as the form sends them (fields `r.<n>.<column>`; blank rows are left out), with the fields
 * that could not be read. Row numbers in messages are the rows of the form (1-based), as the page shows them.
 */
export function valuesFromForm(item: CollectionItem, form: Record<string, unknown>): { values: ItemValues[CollectionItem]; issues: FieldIssue[] } {
  // A cell or a reason with a control character (the null character) is refused, named: it cannot be stored.
  const issues: FieldIssue[] = controlCharacterIssues(form);
  const bad = (n: number, field: string, message: string) => issues.push({ path: `r.${n}.${field}`, message });
  const rows = rowIndexes(form);
  if (item === 'spesa') {
    const v: SpendingValues = { rows: [], controlTotalCents: null };
    for (const n of rows) {
      const [area, channel, committed, paid] = ['area', 'channel', 'committed', 'paid'].map((c) => text(form, `r.${n}.${c}`)) as [
        string,
        string,
        string,
        string,
      ];
      if (!area && !channel && !committed && !paid) continue;
      const c = parseEuroAmount(committed);
      if (!c.ok) bad(n, 'committed', c.reason === 'missing' ? tr('coll.cmd.required') : tr('coll.cmd.number', { value: committed }));
      const p = paid ? parseEuroAmount(paid) : null;
      if (p && !p.ok) bad(n, 'paid', tr('coll.cmd.number', { value: paid }));
      if (!area) bad(n, 'area', tr('coll.cmd.required'));
      if (!channel) bad(n, 'channel', tr('coll.cmd.required'));
      if (c.ok && (!p || p.ok)) v.rows.push({ area, channel, committedCents: c.value, paidCents: p && p.ok ? p.value : null });
    }
    const total = text(form, 'controlTotal');
    if (total) {
      const t = parseEuroAmount(total);
      if (t.ok) v.controlTotalCents = t.value;
      else issues.push({ path: 'controlTotal', message: tr('coll.cmd.number', { value: total }) });
    }
    return { values: v, issues };
  }
  if (item === 'utenti') {
    const v: UsersValues = { rows: [] };
    for (const n of rows) {
      const area = text(form, `r.${n}.area`);
      const users = text(form, `r.${n}.users`);
      if (!area && !users) continue;
      const u = parsePersonsCount(users);
      if (!u.ok || u.value === null) bad(n, 'users', u.ok ? tr('coll.cmd.required') : tr('coll.cmd.number', { value: users }));
      if (!area) bad(n, 'area', tr('coll.cmd.required'));
      if (u.ok && u.value !== null) v.rows.push({ area, users: u.value });
    }
    return { values: v, issues };
  }
  if (item === 'indicatori') {
    const v: IndicatorValues = { rows: [] };
    for (const n of rows) {
      const [indicatorId, period, value, numerator, denominator] = ['indicatorId', 'period', 'value', 'numerator', 'denominator'].map((c) =>
        text(form, `r.${n}.${c}`),
      ) as [string, string, string, string, string];
      if (!value && !numerator && !denominator) continue;
      v.rows.push({ indicatorId, period, value, numerator, denominator });
    }
    return { values: v, issues };
  }
  const v: StaffValues = { posts: [] };
  for (const n of rows) {
    const f = Object.fromEntries(
      ['code', 'employerKind', 'employerName', 'contract', 'fte', 'from', 'to'].map((c) => [c, text(form, `r.${n}.${c}`)]),
    ) as Record<string, string>;
    if (Object.values(f).every((x) => !x)) continue;
    const fte = parseItalianNumber(f.fte!);
    if (fte === null || Number.isNaN(fte)) bad(n, 'fte', fte === null ? tr('coll.cmd.required') : tr('coll.cmd.number', { value: f.fte! }));
    for (const c of ['code', 'employerKind', 'employerName', 'contract'] as const) if (!f[c]) bad(n, c, tr('coll.cmd.required'));
    if (!isIsoDateInRange(f.from!)) bad(n, 'from', f.from ? tr('coll.cmd.date', { value: f.from }) : tr('coll.cmd.required'));
    if (f.to && !isIsoDateInRange(f.to)) bad(n, 'to', tr('coll.cmd.date', { value: f.to }));
    if (fte !== null && !Number.isNaN(fte))
      v.posts.push({
        code: f.code!,
        employerKind: f.employerKind!,
        employerName: f.employerName!,
        contract: f.contract!,
        fte,
        from: f.from!,
        to: f.to || null,
      });
  }
  return { values: v, issues };
}

/** The reasons typed next to the warnings (`reason.<warning id>`). */
export function reasonsFromForm(form: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form)
      .filter(([k, v]) => k.startsWith('reason.') && typeof v === 'string' && v.trim())
      .map(([k, v]) => [k.slice('reason.'.length), (v as string).trim().slice(0, 1000)]),
  );
}
