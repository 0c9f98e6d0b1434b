// Meetings of the governance bodies (Assemblea dei Sindaci, Tavolo dei Tecnici, Tavoli tematici) as iCalendar:
// RFC 5545 (Internet Calendaring and Scheduling Core Object Specification) for the format, RFC 5546 (iTIP) for
// METHOD:REQUEST / METHOD:CANCEL, RFC 7986 for the calendar's NAME and REFRESH-INTERVAL in a subscribable feed.
// - every line ends with CRLF; lines longer than 75 octets of UTF-8 are folded (CRLF + one space) without ever
//   splitting a multi-byte character (RFC 5545 §3.1);
// - TEXT values escape «\», «;», «,» and newlines (§3.3.11); control characters other than TAB are dropped;
// - DTSTART / DTEND / DTSTAMP are UTC date-times with «Z» (§3.3.5, form #2), to the second: no VTIMEZONE needed;
// - an update of a meeting must carry a higher SEQUENCE and the same UID (§3.8.7.4, RFC 5546 §2.1.4); a cancelled
//   meeting is sent with METHOD:CANCEL and STATUS:CANCELLED.
// RFC 5546 expects an ORGANIZER in REQUEST and CANCEL messages: pass `organizer` whenever the meeting has one.
// Pure: no clock (DTSTAMP is the `now` passed in), no I/O.

import { ValidationError, type FieldIssue } from '../../shared/errors.ts';

export const PRODID = '-//Cantiere//Piano di Zona//IT';
/** How often subscribers should reload a feed (RFC 7986 REFRESH-INTERVAL, and the X-PUBLISHED-TTL of Outlook). */
export const FEED_REFRESH_INTERVAL = 'PT1H';

export type MeetingStatus = 'CONFIRMED' | 'CANCELLED';

export interface MeetingEvent {
  /** Stable for the whole life of the meeting (updates and cancellation reuse it), e.g. «riunione-42@cantiere…». */
  uid: string;
  title: string;
  description?: string | null;
  location?: string | null;
  /** Absolute http(s) address of the meeting's page. */
  url?: string | null;
  /** Instants: a Date or an ISO 8601 date-time with its offset («2024-12-02T17:00:00+01:00», «…Z»). */
  start: Date | string;
  end: Date | string;
  organizer?: { name: string; email: string } | null;
  /** 0 for the first version, incremented at every significant change (time, place, cancellation). */
  sequence: number;
  status: MeetingStatus;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** One meeting as an iTIP message: METHOD:REQUEST when confirmed, METHOD:CANCEL when cancelled. */
export function meetingToIcs(meeting: MeetingEvent, now: Date): string {
  const stamp = checkNow(now);
  const issues: FieldIssue[] = [];
  const event = normaliseEvent(meeting, '', issues);
  if (issues.length || !event) throw new ValidationError(issues, 'La riunione non può essere esportata nel calendario.');
  return serialise([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${meeting.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST'}`,
    ...eventLines(event, stamp),
    'END:VCALENDAR',
  ]);
}

/**
 * A subscribable feed of meetings (no METHOD: a published calendar, not a scheduling message). Cancelled meetings
 * stay in the feed with STATUS:CANCELLED, so that subscribers' copies are updated rather than silently left behind.
 * A feed with no meetings yet is an empty VCALENDAR: RFC 5545's grammar wants one component, but calendar clients
 * accept it, and the alternative (a fake event) would be worse.
 */
export function calendarFeed(events: readonly MeetingEvent[], name: string, now: Date): string {
  const stamp = checkNow(now);
  const issues: FieldIssue[] = [];
  if (typeof name !== 'string' || !name.trim()) issues.push({ path: 'nome del calendario', message: 'il nome del calendario è obbligatorio' });
  const normalised: NormalisedEvent[] = [];
  const seen = new Map<string, number>();
  events.forEach((meeting, index) => {
    const label = typeof meeting?.title === 'string' && meeting.title.trim() ? ` («${meeting.title.trim()}»)` : '';
    const prefix = `riunione ${index + 1}${label}, `;
    const event = normaliseEvent(meeting, prefix, issues);
    if (!event) return;
    const previous = seen.get(event.uid);
    if (previous !== undefined) {
      issues.push({ path: `${prefix}uid`, message: `identificativo «${event.uid}» già usato dalla riunione ${previous}` });
      return;
    }
    seen.set(event.uid, index + 1);
    normalised.push(event);
  });
  if (issues.length) throw new ValidationError(issues, 'Il calendario delle riunioni non può essere generato.');
  const title = escapeText(name.trim());
  return serialise([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `NAME:${title}`,
    `X-WR-CALNAME:${title}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${FEED_REFRESH_INTERVAL}`,
    `X-PUBLISHED-TTL:${FEED_REFRESH_INTERVAL}`,
    ...normalised.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Content lines

interface NormalisedEvent {
  uid: string;
  title: string;
  description: string | null;
  location: string | null;
  url: string | null;
  start: string;
  end: string;
  organizer: { name: string; email: string } | null;
  sequence: number;
  status: MeetingStatus;
}

function eventLines(e: NormalisedEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${e.start}`,
    `DTEND:${e.end}`,
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.status}`,
    `SUMMARY:${escapeText(e.title)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.organizer) {
    const cn = parameterValue(e.organizer.name);
    lines.push(`ORGANIZER${cn ? `;CN=${cn}` : ''}:mailto:${e.organizer.email}`);
  }
  lines.push('END:VEVENT');
  return lines;
}

function serialise(lines: string[]): string {
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newlines; drops other control characters. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n|\r|\n/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** A parameter value (e.g. CN): always quoted, without the characters a quoted value cannot hold. */
function parameterValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const clean = value.replace(/[\u0000-\u0008\u000a-\u001f\u007f"]/g, '').trim();
  return clean ? `"${clean}"` : '';
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (without its CRLF) so that no physical line exceeds 75 octets of UTF-8: the continuation
 * lines start with one space, which counts in their 75 octets. Characters are never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** «20241202T160000Z». */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/;

function checkNow(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new ValidationError([{ path: 'now', message: 'data e ora di generazione non valide' }]);
  }
  return formatUtc(now);
}

function toInstant(value: Date | string, path: string, what: string, issues: FieldIssue[]): Date | null {
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return value;
    issues.push({ path, message: `${what}: data e ora non valide` });
    return null;
  }
  if (typeof value === 'string' && OFFSET_DATE_TIME.test(value.trim())) {
    const instant = new Date(value.trim());
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  issues.push({
    path,
    message: `${what}: data e ora non valide «${String(value)}» (formato ISO 8601 con fuso orario, es. 2024-12-02T17:00:00+01:00)`,
  });
  return null;
}

function optionalText(value: unknown, path: string, what: string, issues: FieldIssue[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    issues.push({ path, message: `${what}: deve essere un testo` });
    return null;
  }
  return value.trim() || null;
}

function normaliseEvent(m: MeetingEvent, prefix: string, issues: FieldIssue[]): NormalisedEvent | null {
  const before = issues.length;
  if (typeof m !== 'object' || m === null) {
    issues.push({ path: prefix ? prefix.replace(/, $/, '') : 'riunione', message: 'dati della riunione mancanti' });
    return null;
  }
  const uid = typeof m.uid === 'string' ? m.uid.trim() : '';
  if (!uid) issues.push({ path: `${prefix}uid`, message: 'l’identificativo (UID) della riunione è obbligatorio' });
  const title = typeof m.title === 'string' ? m.title.trim() : '';
  if (!title) issues.push({ path: `${prefix}titolo`, message: 'il titolo della riunione è obbligatorio' });
  const description = optionalText(m.description, `${prefix}descrizione`, 'descrizione', issues);
  const location = optionalText(m.location, `${prefix}luogo`, 'luogo', issues);
  let url = optionalText(m.url, `${prefix}indirizzo web`, 'indirizzo web', issues);
  if (url) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      issues.push({ path: `${prefix}indirizzo web`, message: `indirizzo web non valido: «${url}» (serve un indirizzo completo http:// o https://)` });
      url = null;
    } else {
      url = parsed.href;
    }
  }
  const start = toInstant(m.start, `${prefix}inizio`, 'inizio', issues);
  const end = toInstant(m.end, `${prefix}fine`, 'fine', issues);
  if (start && end && end.getTime() <= start.getTime()) {
    issues.push({ path: `${prefix}fine`, message: 'la fine della riunione deve essere successiva all’inizio' });
  }
  if (!Number.isInteger(m.sequence) || m.sequence < 0) {
    issues.push({ path: `${prefix}sequenza`, message: `numero di versione (SEQUENCE) non valido: «${String(m.sequence)}» (intero da 0 in su)` });
  }
  if (m.status !== 'CONFIRMED' && m.status !== 'CANCELLED') {
    issues.push({ path: `${prefix}stato`, message: `stato non valido: «${String(m.status)}» (CONFIRMED o CANCELLED)` });
  }
  let organizer: NormalisedEvent['organizer'] = null;
  if (m.organizer !== undefined && m.organizer !== null) {
    const email = typeof m.organizer.email === 'string' ? m.organizer.email.trim() : '';
    if (!EMAIL.test(email)) {
      issues.push({ path: `${prefix}organizzatore, email`, message: `indirizzo email dell’organizzatore non valido: «${String(m.organizer.email)}»` });
    }
    organizer = { name: typeof m.organizer.name === 'string' ? m.organizer.name.trim() : '', email };
  }
  if (issues.length > before) return null;
  return {
    uid,
    title,
    description,
    location,
    url,
    start: formatUtc(start!),
    end: formatUtc(end!),
    organizer,
    sequence: m.sequence,
    status: m.status,
  };
}
