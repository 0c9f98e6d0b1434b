// The open call's pure rules (manifestazione di interesse): whether a call is open on a day, the legal forms an
// applicant chooses from and the registry kind each becomes, the end of the membership for the plan period, and the
// counts of applications by status. No I/O; dates are ISO strings (Europe/Rome days).

/** Where a call stands on a day: not yet open, open, or closed (after its closing date, or closed early). */
export type CallState = 'programmato' | 'aperto' | 'chiuso';

export interface CallDates {
  opensOn: string;
  closesOn: string;
  /** The instant the Ufficio di Piano closed it early (null: it closes after closesOn). */
  closedAt: Date | string | null;
}

/** The day (ISO, Europe/Rome) of an instant: a call closes at the end of its closing day in Italy. */
export function romeDay(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The state of a call on `today` (ISO day): open from opensOn to closesOn included, unless closed early. */
export function callState(call: CallDates, today: string): CallState {
  if (call.closedAt) return 'chiuso';
  if (today < call.opensOn) return 'programmato';
  if (today > call.closesOn) return 'chiuso';
  return 'aperto';
}

/** Days left to apply, closing day included (0 when the call is not open). */
export function daysLeft(call: CallDates, today: string): number {
  if (callState(call, today) !== 'aperto') return 0;
  const ms = Date.parse(`${call.closesOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/**
 * The legal forms an applicant chooses from (D.Lgs. 117/2017 and the bodies the Accordo di programma names: ETS,
 * enti religiosi civilmente riconosciuti, organizzazioni sindacali). Social cooperatives are of type A (services) or
 * B (work integration), as in the governance registry.
 */
export const LEGAL_FORMS = [
  'odv',
  'aps',
  'cooperativa_sociale_a',
  'cooperativa_sociale_b',
  'impresa_sociale',
  'fondazione',
  'associazione',
  'ente_religioso',
  'sindacato',
  'altro',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** The kind of organisation the governance registry records for a legal form (an association not ODV/APS is «altro»). */
export function organisationKindFor(form: LegalForm): string {
  return form === 'associazione' ? 'altro' : form;
}

/** Whether a legal form can have a RUNTS number (trade unions are not third-sector bodies: art. 4, c. 2 D.Lgs. 117/2017). */
export function runtsAllowed(form: LegalForm): boolean {
  return form !== 'sindacato';
}

/** The last day of a membership admitted for a plan period: 31 December of the period's last year. */
export function membershipEnd(periodEndYear: number): string {
  return `${String(periodEndYear).padStart(4, '0')}-12-31`;
}

export const APPLICATION_STATUSES = ['in_esame', 'ammessa', 'respinta', 'ritirata'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** How many applications are in each status, and in all. */
export function countByStatus(rows: readonly { status: string }[]): Record<ApplicationStatus, number> & { total: number } {
  const counts = { in_esame: 0, ammessa: 0, respinta: 0, ritirata: 0, total: rows.length };
  for (const r of rows) if (r.status in counts && r.status !== 'total') counts[r.status as ApplicationStatus]++;
  return counts;
}
