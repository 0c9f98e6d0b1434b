// The filters of the audit register's address (/registro?ambito=&actor=&entity=&from=&to=&page=), read once for the page.
import { data } from 'react-router';
import { tr } from '../../shared/i18n/tr.server.ts';
import { hasControlCharacters, queryDateProblem, z } from '../../shared/validation.ts';

/**
 * A day of the filters (`?from=`, `?to=`): empty is no filter; anything else must be a day of the calendar from 1900
 * to 2100, or the page answers 400 naming the filter (2024-13-45 was a database error, a 500).
 */
const isoDay = (name: string) =>
  z
    .string()
    .optional()
    .transform((v) => {
      const day = v?.trim() || undefined;
      const problem = day === undefined ? null : queryDateProblem(name, day);
      if (problem) throw data(problem, { status: 400 });
      return day;
    });

const Filters = z.object({
  ambito: z.string().max(60).optional().catch(undefined),
  actor: z.string().trim().max(100).optional().catch(undefined),
  entity: z.string().max(60).optional().catch(undefined),
  from: isoDay('from'),
  to: isoDay('to'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AuditFilters = z.infer<typeof Filters>;

/**
 * The register's filters from the query string. A date that is not a day of the calendar (1900–2100), or any filter
 * with a control character (the null character, which the database cannot compare), is a 400 with a message naming
 * the filter; the other filters fall back to «none» when malformed.
 */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const query = Object.fromEntries(params);
  const bad = Object.entries(query).find(([, v]) => hasControlCharacters(v));
  if (bad) throw data(tr('validation.query.invalid', { name: bad[0], problem: tr('validation.text.controlAny') }), { status: 400 });
  return Filters.parse(query);
}
